// Events core: the contracts of the organiser's editing and the public reading of events.
//   POST /api/events                         EventCreate   → EventManage (201)        organisers (draft)
//   GET  /api/events/organise?lang=                       → OrganiseList             organisers: their organisation's events
//   GET  /api/events/organise/organisations               → OrganisationChoices      organisers: who can co-organise
//   GET  /api/events/:id/manage                           → EventManage              organisers of the event, else 404
//   PUT  /api/events/:id                     EventUpdate   → EventManage              409 + current on a stale version
//   PUT  /api/events/:id/texts/:lang         EventTextSave → EventManage              per language; translations keep source_version
//   POST /api/events/:id/sessions            SessionSave   → EventManage (201)        agenda
//   PUT  /api/events/:id/sessions/:sessionId SessionSave   → EventManage
//   DELETE /api/events/:id/sessions/:sessionId             → EventManage
//   PUT  /api/events/:id/sessions-order      SessionOrder  → EventManage
//   POST /api/events/:id/organisers          OrganiserAdd  → EventManage              co-organisers
//   DELETE /api/events/:id/organisers/:organisationId      → EventManage              never the lead
//   POST /api/events/:id/publish|cancel      EventVersion  → EventManage
//   GET  /api/events?type=&from=&to=&language=&past=&page=&limit=&lang= → EventList   public, published
//   GET  /api/events/:id?lang=                            → EventPublic              published/cancelled, or an organiser
import { z } from 'zod';
import { DateTime } from '../lib/datetime.ts';
import { Timestamp, Version, int4, line, queryInt, text } from '../lib/input.ts';
import { LANGUAGES } from '../lib/languages.ts';
import { ATTENDANCE_MODES, EVENT_STATUSES, EVENT_TYPES, QUESTION_KEYS } from './event-vocabulary.ts';

export const EventLanguageSchema = z.enum(LANGUAGES);
export type EventLanguage = z.infer<typeof EventLanguageSchema>;

/** The time zones an event's times are shown in: the partners' countries, and UTC for online events. */
export const EVENT_TIME_ZONES = ['Europe/Bucharest', 'Europe/Oslo', 'Europe/Brussels', 'UTC'] as const;
export const EVENT_COUNTRIES = ['RO', 'NO', 'BE', 'MD', 'BG', 'HU', 'DE', 'other'] as const;
export const REGISTRATION_STATES = ['not_open', 'open', 'closed', 'full_waitlist', 'full'] as const;
export type RegistrationState = (typeof REGISTRATION_STATES)[number];

export const EVENT_TITLE_MAX = 200;
export const EVENT_SUMMARY_MAX = 600;
export const EVENT_DESCRIPTION_MAX = 20_000;
export const EVENT_CAPACITY_MAX = 100_000;

// NOTE: the link is shown to registrants as a link: https only, so no javascript: or data: address can reach them.
const HttpsUrl = line(500).refine((s) => /^https:\/\/[^\s/?#]+\.[^\s/?#]+/i.test(s) && URL.canParse(s), 'Use an https:// address');
const optionalLine = (max: number) => line(max).nullable().transform((s) => (s ? s : null));

export const EventQuestionSchema = z.object({ key: z.enum(QUESTION_KEYS), required: z.boolean() });

const fields = {
  type: z.enum(EVENT_TYPES),
  startsAt: Timestamp,
  endsAt: Timestamp,
  timeZone: z.enum(EVENT_TIME_ZONES),
  attendanceMode: z.enum(ATTENDANCE_MODES),
  venueName: optionalLine(200),
  venueAddress: optionalLine(300),
  venueCity: optionalLine(120),
  country: z.enum(EVENT_COUNTRIES).nullable(),
  onlineUrl: HttpsUrl.nullable().or(z.literal('').transform(() => null)),
  capacity: int4(1, EVENT_CAPACITY_MAX),
  registrationOpensAt: Timestamp.nullable(),
  registrationClosesAt: Timestamp.nullable(),
  requiresApproval: z.boolean(),
  waitlistEnabled: z.boolean(),
  offerHours: int4(1, 336),
  maxGroupSize: int4(1, 50),
  questions: z
    .array(EventQuestionSchema)
    .max(QUESTION_KEYS.length)
    .refine((qs) => new Set(qs.map((q) => q.key)).size === qs.length, 'Ask each question once'),
  certificateEnabled: z.boolean(),
  followUpMonths: int4(1, 24).nullable(),
};

type Times = { startsAt: string; endsAt: string; registrationOpensAt: string | null; registrationClosesAt: string | null };

/** Times in order: the end after the start, the registration window closing after it opens. */
function checkTimes(v: Times, issue: (path: string, message: string) => void): void {
  if (Date.parse(v.endsAt) < Date.parse(v.startsAt)) issue('endsAt', 'The end must be after the start');
  if (v.registrationOpensAt && v.registrationClosesAt && Date.parse(v.registrationClosesAt) < Date.parse(v.registrationOpensAt)) {
    issue('registrationClosesAt', 'Registration must close after it opens');
  }
}

const timesInOrder = <T extends Times>(v: T, ctx: z.RefinementCtx) => checkTimes(v, (path, message) => ctx.addIssue({ code: 'custom', path: [path], message }));

export const EventFieldsSchema = z.object(fields).superRefine(timesInOrder);
export type EventFields = z.infer<typeof EventFieldsSchema>;

export const EventCreateSchema = z
  .object({ ...fields, sourceLanguage: EventLanguageSchema, title: line(EVENT_TITLE_MAX).min(1, 'Give the event a title') })
  .superRefine(timesInOrder);
export type EventCreate = z.infer<typeof EventCreateSchema>;

export const EventUpdateSchema = z.object({ ...fields, version: Version }).superRefine(timesInOrder);
export type EventUpdate = z.infer<typeof EventUpdateSchema>;

export const EventVersionSchema = z.object({ version: Version });

export const EventTextSaveSchema = z.object({
  title: line(EVENT_TITLE_MAX).min(1, 'Give the event a title'),
  summary: line(EVENT_SUMMARY_MAX),
  description: text(EVENT_DESCRIPTION_MAX),
  /** The version of the text the editor started from; null for a language not written yet. */
  version: Version.nullable(),
});
export type EventTextSave = z.infer<typeof EventTextSaveSchema>;

const SpeakerSchema = z.object({ name: line(120).min(1, 'Name the speaker'), affiliation: line(200) });
const titles = z
  .object({ ro: line(EVENT_TITLE_MAX), en: line(EVENT_TITLE_MAX), nb: line(EVENT_TITLE_MAX) })
  .refine((t) => Object.values(t).some(Boolean), 'Give the session a title');

export const SessionSaveSchema = z
  .object({ startsAt: Timestamp, endsAt: Timestamp, titles, room: optionalLine(120), speakers: z.array(SpeakerSchema).max(12) })
  .superRefine((v, ctx) => {
    if (Date.parse(v.endsAt) < Date.parse(v.startsAt)) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'The end must be after the start' });
  });
export type SessionSave = z.infer<typeof SessionSaveSchema>;

export const SessionOrderSchema = z.object({ sessionIds: z.array(z.uuid()).min(1).max(200) });
export const OrganiserAddSchema = z.object({ organisationId: z.uuid() });

export const EventParamsSchema = z.object({ id: z.uuid() });
export const EventTextParamsSchema = z.object({ id: z.uuid(), lang: EventLanguageSchema });
export const SessionParamsSchema = z.object({ id: z.uuid(), sessionId: z.uuid() });
export const OrganiserParamsSchema = z.object({ id: z.uuid(), organisationId: z.uuid() });

export const EventReadQuerySchema = z.object({ lang: EventLanguageSchema.default('en') });

export const EVENT_PAGE_SIZE = 12;

export const EventListQuerySchema = z.object({
  lang: EventLanguageSchema.default('en'),
  type: z.enum(EVENT_TYPES).optional(),
  /** Only events with a text written in this language. */
  language: EventLanguageSchema.optional(),
  from: Timestamp.optional(),
  to: Timestamp.optional(),
  /** The archive: events that have ended, latest first. */
  past: z.enum(['true', 'false']).default('false').transform((s) => s === 'true'),
  page: queryInt(1, 1000).default(1),
  /** Fewer than a page (the home page shows the next three). */
  limit: queryInt(1, EVENT_PAGE_SIZE).default(EVENT_PAGE_SIZE),
});
export type EventListQuery = z.infer<typeof EventListQuerySchema>;

// ---- responses ----

const Speaker = z.object({ name: z.string(), affiliation: z.string() });

export const EventSessionSchema = z.object({
  id: z.uuid(),
  startsAt: DateTime,
  endsAt: DateTime,
  titles: z.record(z.string(), z.string()),
  room: z.string().nullable(),
  speakers: z.array(Speaker),
  position: z.number(),
});
export type EventSession = z.infer<typeof EventSessionSchema>;

export const OrganiserSchema = z.object({ organisationId: z.uuid(), name: z.string(), lead: z.boolean() });

/** What readers and organisers alike see of an event: kind, times, place, size and registration window. */
const EventBaseSchema = z.object({
  id: z.uuid(),
  type: z.enum(EVENT_TYPES),
  status: z.enum(EVENT_STATUSES),
  startsAt: DateTime,
  endsAt: DateTime,
  timeZone: z.string(),
  attendanceMode: z.enum(ATTENDANCE_MODES),
  venueName: z.string().nullable(),
  venueAddress: z.string().nullable(),
  venueCity: z.string().nullable(),
  country: z.string().nullable(),
  capacity: z.number(),
  registrationOpensAt: DateTime.nullable(),
  registrationClosesAt: DateTime.nullable(),
});

/** What a reader sees of an event, in any language: times, place (never the online link), places left. */
const EventFactsSchema = EventBaseSchema.extend({
  placesLeft: z.number(),
  registrationState: z.enum(REGISTRATION_STATES),
});

/** A text as shown: in the language asked for, or the source language with `fallback` set. */
const ShownTextSchema = z.object({
  title: z.string(),
  summary: z.string(),
  language: EventLanguageSchema,
  /** Not written in the language asked for: shown in the source language. */
  fallback: z.boolean(),
  /** A translation made from an older version of the source text. */
  outdated: z.boolean(),
});

export const EventCardSchema = EventFactsSchema.extend({ text: ShownTextSchema });
export type EventCard = z.infer<typeof EventCardSchema>;

export const EventListSchema = z.object({ events: z.array(EventCardSchema), page: z.number(), hasMore: z.boolean() });
export type EventList = z.infer<typeof EventListSchema>;

export const EventPublicSchema = EventFactsSchema.extend({
  text: ShownTextSchema.extend({ descriptionHtml: z.string() }),
  sourceLanguage: EventLanguageSchema,
  languages: z.array(EventLanguageSchema),
  sessions: z.array(EventSessionSchema.omit({ titles: true }).extend({ title: z.string() })),
  organisers: z.array(OrganiserSchema),
  questions: z.array(EventQuestionSchema),
  maxGroupSize: z.number(),
  requiresApproval: z.boolean(),
  waitlistEnabled: z.boolean(),
  /** The actor organises it: the page offers the organiser's links. */
  canManage: z.boolean(),
});
export type EventPublic = z.infer<typeof EventPublicSchema>;

export const EventTextSchema = z.object({
  language: EventLanguageSchema,
  title: z.string(),
  summary: z.string(),
  description: z.string(),
  sourceVersion: z.number().nullable(),
  version: z.number(),
  updatedAt: DateTime,
  outdated: z.boolean(),
});
export type EventText = z.infer<typeof EventTextSchema>;

/** The whole event as its organisers edit it. */
export const EventManageSchema = EventBaseSchema.extend({
  onlineUrl: z.string().nullable(),
  seatsHeld: z.number(),
  requiresApproval: z.boolean(),
  waitlistEnabled: z.boolean(),
  offerHours: z.number(),
  maxGroupSize: z.number(),
  questions: z.array(EventQuestionSchema),
  certificateEnabled: z.boolean(),
  followUpMonths: z.number().nullable(),
  sourceLanguage: EventLanguageSchema,
  sequence: z.number(),
  version: z.number(),
  texts: z.array(EventTextSchema),
  sessions: z.array(EventSessionSchema),
  organisers: z.array(OrganiserSchema),
});
export type EventManage = z.infer<typeof EventManageSchema>;

export const OrganiseRowSchema = z.object({
  id: z.uuid(),
  type: z.enum(EVENT_TYPES),
  status: z.enum(EVENT_STATUSES),
  title: z.string(),
  startsAt: DateTime,
  endsAt: DateTime,
  timeZone: z.string(),
  capacity: z.number(),
  seatsHeld: z.number(),
  lead: z.boolean(),
});
export const OrganiseListSchema = z.object({ events: z.array(OrganiseRowSchema) });
export type OrganiseList = z.infer<typeof OrganiseListSchema>;

export const OrganisationChoicesSchema = z.object({ organisations: z.array(z.object({ id: z.uuid(), name: z.string() })) });
export type OrganisationChoices = z.infer<typeof OrganisationChoicesSchema>;
