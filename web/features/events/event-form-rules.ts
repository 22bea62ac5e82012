// The organiser's event form as plain strings and booleans, and its conversion to the API body: times typed on the
// wall clock of the event's time zone, numbers parsed, the same order checks as the shared schema (the server checks again).
import type { EventFields, EventManage } from '#shared/events/event.schema.ts';
import { QUESTION_KEYS, type QuestionKey } from '#shared/events/event-vocabulary.ts';
import { fromLocalInput, toLocalInput } from './event-time.ts';

export interface EventForm {
  type: string;
  timeZone: string;
  startsAt: string;
  endsAt: string;
  attendanceMode: string;
  venueName: string;
  venueAddress: string;
  venueCity: string;
  country: string;
  onlineUrl: string;
  capacity: string;
  registrationOpensAt: string;
  registrationClosesAt: string;
  requiresApproval: boolean;
  waitlistEnabled: boolean;
  offerHours: string;
  maxGroupSize: string;
  /** Each question: not asked, asked (optional) or required. */
  questions: Partial<Record<QuestionKey, 'optional' | 'required'>>;
  certificateEnabled: boolean;
  followUpMonths: string;
}

const DAY = 24 * 3600 * 1000;

export function emptyForm(now: Date): EventForm {
  const zone = 'Europe/Bucharest';
  const start = new Date(now.getTime() + 30 * DAY);
  start.setUTCHours(7, 0, 0, 0);
  return {
    type: 'training',
    timeZone: zone,
    startsAt: toLocalInput(start, zone),
    endsAt: toLocalInput(new Date(start.getTime() + 8 * 3600 * 1000), zone),
    attendanceMode: 'in_person',
    venueName: '',
    venueAddress: '',
    venueCity: '',
    country: 'RO',
    onlineUrl: '',
    capacity: '25',
    registrationOpensAt: '',
    registrationClosesAt: '',
    requiresApproval: false,
    waitlistEnabled: true,
    offerHours: '48',
    maxGroupSize: '10',
    questions: { profession: 'required', institution_type: 'required', country: 'required' },
    certificateEnabled: true,
    followUpMonths: '',
  };
}

export function formOf(e: EventManage): EventForm {
  const local = (d: Date | null) => (d ? toLocalInput(d, e.timeZone) : '');
  return {
    type: e.type,
    timeZone: e.timeZone,
    startsAt: local(e.startsAt),
    endsAt: local(e.endsAt),
    attendanceMode: e.attendanceMode,
    venueName: e.venueName ?? '',
    venueAddress: e.venueAddress ?? '',
    venueCity: e.venueCity ?? '',
    country: e.country ?? '',
    onlineUrl: e.onlineUrl ?? '',
    capacity: String(e.capacity),
    registrationOpensAt: local(e.registrationOpensAt),
    registrationClosesAt: local(e.registrationClosesAt),
    requiresApproval: e.requiresApproval,
    waitlistEnabled: e.waitlistEnabled,
    offerHours: String(e.offerHours),
    maxGroupSize: String(e.maxGroupSize),
    questions: Object.fromEntries(e.questions.map((q) => [q.key, q.required ? 'required' : 'optional'])),
    certificateEnabled: e.certificateEnabled,
    followUpMonths: e.followUpMonths === null ? '' : String(e.followUpMonths),
  };
}

/** Field name → error key (events:form.errors.*). */
export type FormErrors = Partial<Record<keyof EventForm, string>>;

const whole = (s: string, min: number, max: number) => (/^\d{1,6}$/.test(s.trim()) && Number(s) >= min && Number(s) <= max ? Number(s) : null);

/** The API's fields, or the errors to show. */
export function toFields(f: EventForm): { fields: EventFields } | { errors: FormErrors } {
  const errors: FormErrors = {};
  const time = (key: 'startsAt' | 'endsAt' | 'registrationOpensAt' | 'registrationClosesAt', required: boolean) => {
    if (!f[key]) {
      if (required) errors[key] = 'required';
      return null;
    }
    const iso = fromLocalInput(f[key], f.timeZone);
    if (!iso) errors[key] = 'date';
    return iso;
  };
  const number = (key: 'capacity' | 'offerHours' | 'maxGroupSize' | 'followUpMonths', min: number, max: number) => {
    const n = whole(f[key], min, max);
    if (n === null) errors[key] = 'number';
    return n ?? min;
  };
  const startsAt = time('startsAt', true);
  const endsAt = time('endsAt', true);
  const opens = time('registrationOpensAt', false);
  const closes = time('registrationClosesAt', false);
  if (startsAt && endsAt && endsAt < startsAt) errors.endsAt = 'endBeforeStart';
  if (opens && closes && closes < opens) errors.registrationClosesAt = 'closeBeforeOpen';
  if (f.attendanceMode !== 'in_person' && f.onlineUrl && !/^https:\/\/[^\s/?#]+\.[^\s/?#]+/i.test(f.onlineUrl.trim())) errors.onlineUrl = 'https';
  const fields = {
    type: f.type,
    startsAt: startsAt ?? '',
    endsAt: endsAt ?? '',
    timeZone: f.timeZone,
    attendanceMode: f.attendanceMode,
    venueName: f.venueName.trim() || null,
    venueAddress: f.venueAddress.trim() || null,
    venueCity: f.venueCity.trim() || null,
    country: f.country || null,
    onlineUrl: f.onlineUrl.trim() || null,
    capacity: number('capacity', 1, 100_000),
    registrationOpensAt: opens,
    registrationClosesAt: closes,
    requiresApproval: f.requiresApproval,
    waitlistEnabled: f.waitlistEnabled,
    offerHours: number('offerHours', 1, 336),
    maxGroupSize: number('maxGroupSize', 1, 50),
    questions: QUESTION_KEYS.filter((k) => f.questions[k]).map((key) => ({ key, required: f.questions[key] === 'required' })),
    certificateEnabled: f.certificateEnabled,
    followUpMonths: f.followUpMonths.trim() ? number('followUpMonths', 1, 24) : null,
  } as EventFields;
  return Object.keys(errors).length > 0 ? { errors } : { fields };
}
