// The contracts of registration (issue 11): registering (alone or for colleagues), the person's own page (by the secret
// of their link, always in a POST body), waiting-list offers, and the organiser's participant list.
import { z } from 'zod';
import { DateTime } from '#shared/lib/datetime.ts';
import { int4, line, secret, searchText, text, Version } from '#shared/lib/input.ts';
import { LANGUAGES } from '#shared/lib/languages.ts';
import { REGION_CODES } from '#shared/directory/regions.ts';
import { INSTITUTION_TYPES, PARTICIPANT_COUNTRIES, PARTICIPANT_PROFESSIONS, QUESTION_KEYS, REGISTRATION_STATUSES, SEXES } from './event-vocabulary.ts';

export const REGISTRATION_LIMITS = { name: 120, email: 254, institution: 160, needs: 500, languages: 10, colleagues: 50 } as const;

const Email = line(REGISTRATION_LIMITS.email).pipe(z.email('Not a valid e-mail address'));
const Name = line(REGISTRATION_LIMITS.name).min(1, 'Write the name');
export const LanguageSchema = z.enum(LANGUAGES);

/** Answers to the event's questions; which are asked and required is the event's choice, checked by the server. */
export const RegistrationAnswersSchema = z.strictObject({
  profession: z.enum(PARTICIPANT_PROFESSIONS).optional(),
  institution_type: z.enum(INSTITUTION_TYPES).optional(),
  institution: line(REGISTRATION_LIMITS.institution).optional(),
  country: z.enum(PARTICIPANT_COUNTRIES).optional(),
  county: z.string().max(8).refine((c) => REGION_CODES.includes(c), 'Not a county').optional(),
  languages: z.array(z.string().regex(/^[a-z]{2}$/, 'Not a language code')).max(REGISTRATION_LIMITS.languages).optional(),
  sex: z.enum(SEXES).optional(),
  access_needs: text(REGISTRATION_LIMITS.needs).optional(),
  dietary_needs: text(REGISTRATION_LIMITS.needs).optional(),
});
export type RegistrationAnswers = z.infer<typeof RegistrationAnswersSchema>;

export const ColleagueSchema = z.strictObject({ fullName: Name, email: Email, language: LanguageSchema.optional(), answers: RegistrationAnswersSchema });
export type Colleague = z.infer<typeof ColleagueSchema>;

/**
 * One registration, or a group: the person filling in the form (the booker) and, for a group, their colleagues.
 * A booker who does not attend sets attends = false and names at least one colleague. E-mail defaults to the
 * signed-in account's.
 */
export const RegistrationCreateSchema = z.strictObject({
  fullName: Name,
  email: Email.optional(),
  language: LanguageSchema,
  answers: RegistrationAnswersSchema.default({}),
  attends: z.boolean().default(true),
  colleagues: z.array(ColleagueSchema).max(REGISTRATION_LIMITS.colleagues).default([]),
});
export type RegistrationCreate = z.infer<typeof RegistrationCreateSchema>;

export const RegistrationStatusSchema = z.enum(REGISTRATION_STATUSES);

/** The neutral answer to a registration: each attendee's status, in the order sent (the booker first when attending). */
export const RegistrationOutcomeSchema = z.object({ attendees: z.array(z.object({ status: RegistrationStatusSchema })) });
export type RegistrationOutcome = z.infer<typeof RegistrationOutcomeSchema>;

export const EventIdParamsSchema = z.object({ id: z.uuid() });
export const ParticipantParamsSchema = z.object({ id: z.uuid(), registrationId: z.uuid() });

/** The secret of the person's own link (or of an offer), from the URL fragment. */
export const RegistrationTokenSchema = z.strictObject({ token: secret(64).min(20) });

export const OfferViewSchema = z.object({ expiresAt: DateTime, status: z.enum(['open', 'accepted', 'declined', 'expired', 'withdrawn']) });

export const RegistrationViewSchema = z.object({
  registrationId: z.uuid(),
  eventId: z.uuid(),
  /** 'offer' when the page was opened from an offer's link: only the offer can be answered then. */
  via: z.enum(['manage', 'offer']),
  title: z.string(),
  startsAt: DateTime,
  endsAt: DateTime,
  timeZone: z.string(),
  attendanceMode: z.string(),
  venueName: z.string().nullable(),
  venueAddress: z.string().nullable(),
  venueCity: z.string().nullable(),
  /** Only for a confirmed registration. */
  onlineUrl: z.string().nullable(),
  eventStatus: z.string(),
  status: RegistrationStatusSchema,
  fullName: z.string(),
  language: z.string(),
  waitlistPosition: z.number().int().nullable(),
  offer: OfferViewSchema.nullable(),
  checkedIn: z.boolean(),
  eventStarted: z.boolean(),
  eventEnded: z.boolean(),
});
export type RegistrationView = z.infer<typeof RegistrationViewSchema>;

export const MyRegistrationSchema = z.object({
  eventId: z.uuid(),
  /** The secret of the person's own link (their QR code, evaluation, certificate): shown to its signed-in owner only. */
  token: z.string(),
  title: z.string(),
  startsAt: DateTime,
  status: RegistrationStatusSchema,
  checkedIn: z.boolean(),
});
export const MyRegistrationsSchema = z.object({ registrations: z.array(MyRegistrationSchema) });
export type MyRegistrations = z.infer<typeof MyRegistrationsSchema>;

export const OkSchema = z.object({ ok: z.literal(true) });

// ——— the organiser's participant list ———

export const ParticipantFilterSchema = z.strictObject({
  status: RegistrationStatusSchema.optional(),
  checkedIn: z.enum(['yes', 'no']).optional(),
  profession: z.enum(PARTICIPANT_PROFESSIONS).optional(),
  institutionType: z.enum(INSTITUTION_TYPES).optional(),
  country: z.enum(PARTICIPANT_COUNTRIES).optional(),
  q: searchText(120).optional(),
});
export type ParticipantFilter = z.infer<typeof ParticipantFilterSchema>;

export const ParticipantSchema = z.object({
  id: z.uuid(),
  fullName: z.string(),
  email: z.string(),
  language: z.string(),
  status: RegistrationStatusSchema,
  priority: z.number().int(),
  waitlistedAt: DateTime.nullable(),
  answers: z.record(z.string(), z.unknown()),
  checkedInAt: DateTime.nullable(),
  grouped: z.boolean(),
  createdAt: DateTime,
  version: z.number().int(),
});
export type Participant = z.infer<typeof ParticipantSchema>;

export const ParticipantListSchema = z.object({
  capacity: z.number().int(),
  seatsHeld: z.number().int(),
  counts: z.record(z.string(), z.number().int()),
  participants: z.array(ParticipantSchema),
  /** The waiting list in offer order (priority, then time). */
  waitlist: z.array(ParticipantSchema),
});
export type ParticipantList = z.infer<typeof ParticipantListSchema>;

export const PriorityChangeSchema = z.strictObject({ priority: int4(-1000, 1000), version: Version });
export const HistoryEntrySchema = z.object({ kind: z.string(), at: DateTime, detail: z.record(z.string(), z.unknown()), byOrganiser: z.boolean() });
export const ParticipantHistorySchema = z.object({ entries: z.array(HistoryEntrySchema) });
export type ParticipantHistory = z.infer<typeof ParticipantHistorySchema>;

export const ParticipantActionResultSchema = z.object({ status: RegistrationStatusSchema, version: z.number().int() });

/** The reasons a registration is refused while the form is fine (409 with current.reason). */
export const REFUSAL_REASONS = ['not_open_yet', 'closed', 'event_cancelled', 'full', 'group_too_large', 'event_started'] as const;

/** What the registration form needs of an event: its questions, the group size, and whether and why it is closed. */
export const RegistrationFormSchema = z.object({
  questions: z.array(z.object({ key: z.enum(QUESTION_KEYS), required: z.boolean() })),
  maxGroupSize: z.number().int(),
  waitlistEnabled: z.boolean(),
  requiresApproval: z.boolean(),
  placesLeft: z.number().int(),
  /** Null while registration is open; else why not. */
  closedReason: z.enum(REFUSAL_REASONS).nullable(),
  opensAt: DateTime.nullable(),
});
export type RegistrationForm = z.infer<typeof RegistrationFormSchema>;
