// The referral contracts between server and web: sending, the two views (receiver: the package; sender: status,
// outcome and history), status changes, the inboxes and each organisation's answer times.
//   POST /api/referrals                      ReferralCreate → ReferralDetail (draft, or sent at once with send: true)
//   GET  /api/referrals?box=&status=&urgency= → ReferralList   incoming or outgoing of the actor's organisation
//   GET  /api/referrals/:id                  → ReferralDetail  sender or receiver only (else 404)
//   POST /api/referrals/:id/status           ReferralStatusChange → ReferralDetail
//   POST /api/referrals/:id/package          ReferralPackageInput → ReferralDetail (a new, consented version)
//   GET  /api/referrals/:id/letter.pdf       the printable letter of a referral to a service outside the platform
//   GET/PUT /api/referral-settings           ReferralSettings (org admin of the organisation)
import { z } from 'zod';
import { DateTime } from '../lib/datetime.ts';
import { int4, line, text } from '../lib/input.ts';
import { ServiceCategorySchema } from '../directory/taxonomy.ts';
import { TaskStatusSchema } from './task-status.ts';
import { AgeBandSchema, OutcomeSchema, SexSchema, UrgencySchema, type Outcome } from './referral-vocabulary.ts';
import type { TaskStatus } from './task-status.ts';

export const ReferralIdParamsSchema = z.object({ id: z.uuid() }).strict();

const LanguageCode = z.string().regex(/^[a-z]{2}$/, 'Use a two-letter language code');

/** Identity travels only when the consent covers it; every part is optional. */
export const ReferralIdentitySchema = z
  .object({ name: line(200).optional(), birthYear: int4(1900, 2199).optional(), phone: line(50).optional() })
  .strict();
export type ReferralIdentity = z.infer<typeof ReferralIdentitySchema>;

/** The minimum dataset: what the receiver will see, and nothing else. */
export const ReferralPackageInputSchema = z
  .object({
    subjectCode: line(40).pipe(z.string().min(1, 'Give the pseudonymous code')),
    ageBand: AgeBandSchema,
    sex: SexSchema.nullable().optional(),
    languages: z.array(LanguageCode).max(10).default([]),
    needs: z.array(ServiceCategorySchema).max(10).default([]),
    urgency: UrgencySchema,
    safeContact: text(2000).nullable().optional(),
    note: text(4000).nullable().optional(),
    identity: ReferralIdentitySchema.nullable().optional(),
    /** The consent this version relies on (it must name the receiver and be active). */
    consentId: z.uuid(),
  })
  .strict();
export type ReferralPackageInput = z.infer<typeof ReferralPackageInputSchema>;

export const ReferralCreateSchema = z
  .object({
    serviceId: z.uuid(),
    package: ReferralPackageInputSchema,
    send: z.boolean().default(false),
    /** Referring from a case (issue 10): the sender's team checks apply and the consent must be one of that case. */
    caseId: z.uuid().optional(),
  })
  .strict();
export type ReferralCreate = z.infer<typeof ReferralCreateSchema>;

export const ReferralStatusChangeSchema = z
  .object({ to: TaskStatusSchema, reason: text(1000).nullable().optional(), outcome: OutcomeSchema.nullable().optional() })
  .strict();
export type ReferralStatusChange = z.infer<typeof ReferralStatusChangeSchema>;

export const SideSchema = z.enum(['sender', 'receiver']);

/** What a status change answers, on the web and through FHIR: the referral's state as the caller's side sees it. */
export const ReferralStatusViewSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: TaskStatusSchema,
  statusReason: z.string().nullable(),
  outcome: OutcomeSchema.nullable(),
  side: SideSchema,
  /** The statuses this side may set next (buttons, and the FHIR answer). */
  nextStatuses: z.array(TaskStatusSchema),
  dueAt: DateTime.nullable(),
  answeredAt: DateTime.nullable(),
  updatedAt: DateTime,
  version: z.number(),
});
export type ReferralStatusView = z.infer<typeof ReferralStatusViewSchema>;

export const ReferralPackageSchema = z.object({
  version: z.number(),
  subjectCode: z.string(),
  ageBand: AgeBandSchema,
  sex: SexSchema.nullable(),
  languages: z.array(z.string()),
  needs: z.array(z.string()),
  urgency: UrgencySchema,
  safeContact: z.string().nullable(),
  note: z.string().nullable(),
  identity: ReferralIdentitySchema.nullable(),
  createdAt: DateTime,
});
export type ReferralPackage = z.infer<typeof ReferralPackageSchema>;

export const ReferralEventSchema = z.object({
  at: DateTime,
  side: z.enum(['sender', 'receiver', 'system']),
  kind: z.string(),
  fromStatus: TaskStatusSchema.nullable(),
  toStatus: TaskStatusSchema.nullable(),
  reason: z.string().nullable(),
  outcome: OutcomeSchema.nullable(),
});

export const ConsentStateSchema = z.enum(['active', 'withdrawn', 'expired', 'refused']);

export const ReferralDetailSchema = ReferralStatusViewSchema.extend({
  serviceId: z.uuid(),
  serviceName: z.string(),
  senderOrganisationName: z.string(),
  receiverOrganisationName: z.string(),
  /** The service is outside the platform: the sender records its status. */
  external: z.boolean(),
  urgency: UrgencySchema,
  sentAt: DateTime.nullable(),
  overdue: z.boolean(),
  escalatedAt: DateTime.nullable(),
  packageVersion: z.number(),
  /** The sender's consent, to the sender only (the receiver sees only whether sharing still stands). */
  consentId: z.uuid().nullable(),
  consentState: ConsentStateSchema.nullable(),
  /** Receiver: the package as sent (latest version). Sender: the same, since it wrote it. */
  package: ReferralPackageSchema.nullable(),
  /** Sender: the history. Receiver: the history too (it holds only statuses, never the sender's records). */
  history: z.array(ReferralEventSchema),
  /** Set once an accepted referral opened a case at the receiver (issue 10); shown to the receiver only. */
  caseId: z.uuid().nullable(),
  /** The sender's case the referral was made from; shown to the sender only (its consents are withdrawn there). */
  sourceCaseId: z.uuid().nullable().optional(),
});
export type ReferralDetail = z.infer<typeof ReferralDetailSchema>;

const Flag = z.enum(['true', 'false']).transform((v) => v === 'true');
export const ReferralListQuerySchema = z
  .object({ box: z.enum(['incoming', 'outgoing']), status: TaskStatusSchema.optional(), urgency: UrgencySchema.optional(), open: Flag.optional() })
  .strict();
export type ReferralListQuery = z.infer<typeof ReferralListQuerySchema>;

export const ReferralListItemSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: TaskStatusSchema,
  outcome: OutcomeSchema.nullable(),
  urgency: UrgencySchema,
  serviceName: z.string(),
  /** The other organisation: the receiver for outgoing, the sender for incoming. */
  counterpartName: z.string(),
  external: z.boolean(),
  sentAt: DateTime.nullable(),
  dueAt: DateTime.nullable(),
  overdue: z.boolean(),
  consentWithdrawn: z.boolean(),
  updatedAt: DateTime,
});
export type ReferralListItem = z.infer<typeof ReferralListItemSchema>;
export const ReferralListSchema = z.object({ referrals: z.array(ReferralListItemSchema), limited: z.boolean() });
export type ReferralList = z.infer<typeof ReferralListSchema>;

export const ReferralSettingsSchema = z.object({ routineHours: z.number(), urgentHours: z.number(), version: z.number() });
export type ReferralSettings = z.infer<typeof ReferralSettingsSchema>;
export const ReferralSettingsUpdateSchema = z
  .object({ routineHours: int4(1, 720), urgentHours: int4(1, 168), version: int4(0) })
  .strict()
  .refine((s) => s.urgentHours <= s.routineHours, { message: 'Urgent answers cannot take longer than routine ones', path: ['urgentHours'] });
export type ReferralSettingsUpdate = z.infer<typeof ReferralSettingsUpdateSchema>;

/** The status reason written when a withdrawn consent cancels a referral (the interface names it per language). */
export const CONSENT_WITHDRAWN_REASON = 'consent withdrawn';

/** Which plain outcomes fit each ending; completed defaults to got_help. */
export const OUTCOMES_FOR: Partial<Record<TaskStatus, readonly Outcome[]>> = {
  completed: ['got_help', 'referred_elsewhere'],
  failed: ['not_contacted', 'declined', 'not_eligible', 'no_capacity', 'referred_elsewhere'],
  rejected: ['not_eligible', 'no_capacity', 'declined', 'referred_elsewhere', 'not_contacted'],
};
/** An outcome must be given for these (completed falls back to got_help). */
export const OUTCOME_REQUIRED: readonly TaskStatus[] = ['failed', 'rejected'];
