// The consent ledger of a case (issue 10): versioned records built on HTCDS's seven guidance items, one per scope
// (and receiver, for a share); withdrawal stops sharing at once and shows where the consent was relied on.
//   GET  /api/cases/:id/consents?serviceId=              → CaseConsentLedger (general category, audited)
//   POST /api/cases/:id/consents                         CaseConsentCreate → CaseConsentLedger (201)
//   GET  /api/cases/:id/consents/:consentId              → CaseConsentDetail  the record and what relies on it
//   POST /api/cases/:id/consents/:consentId/withdraw     → CaseConsentWithdrawal  what stopped
import { z } from 'zod';
import { DateTime } from '../lib/datetime.ts';
import { Day, text } from '../lib/input.ts';
import { TaskStatusSchema } from '../referrals/task-status.ts';
import { AssistanceTypeSchema, CONSENT_GUIDANCE_ITEMS, ConsentScopeSchema, type CONSENT_SCOPES } from './case-vocabulary.ts';

/** serviceId: also say which record in force lets the case be referred to that service (the referral form asks). */
export const CaseConsentLedgerQuerySchema = z.object({ serviceId: z.uuid().optional() }).strict();

export const CaseConsentParamsSchema = z.object({ id: z.uuid(), consentId: z.uuid() }).strict();

const LanguageCode = z.string().regex(/^[a-z]{2}$/, 'Use a two-letter language code');

/** Whether the person was told about one guidance item: kept apart, "not asked" is not "no". */
export const GUIDANCE_ANSWERS = ['yes', 'no', 'not_asked'] as const;
export const GuidanceItemSchema = z.object({ informed: z.enum(GUIDANCE_ANSWERS) }).strict();
/** The seven HTCDS guidance items, each its own field; none may be left out (say "not asked" instead). */
export const GuidanceSchema = z
  .object(Object.fromEntries(CONSENT_GUIDANCE_ITEMS.map((item) => [item, GuidanceItemSchema])) as Record<(typeof CONSENT_GUIDANCE_ITEMS)[number], typeof GuidanceItemSchema>)
  .strict();
export type Guidance = z.infer<typeof GuidanceSchema>;

export const CaseConsentCreateSchema = z
  .object({
    scopes: z
      .array(ConsentScopeSchema)
      .min(1, 'Choose at least one scope')
      .max(4)
      .refine((s) => new Set(s).size === s.length, 'Choose each scope once'),
    /** The one organisation a share names: a platform organisation, a directory organisation, or the one behind a service. */
    receiverOrganisationId: z.uuid().optional(),
    receiverDirectoryOrganizationId: z.uuid().optional(),
    receiverServiceId: z.uuid().optional(),
    decision: z.enum(['given', 'refused']),
    /** A share may carry the person's identity only where they agreed to it. */
    coversIdentity: z.boolean().default(false),
    guidance: GuidanceSchema,
    /** The language it was explained in (ISO 639-1). */
    language: LanguageCode,
    withInterpreter: z.boolean(),
    interpreterLanguage: LanguageCode.nullable().optional(),
    /** The last day it holds; one year from today when left out. */
    expiresOn: Day.optional(),
    note: text(2000).nullable().optional(),
    /** The newest record of the ledger the client saw (null: none): a record made meanwhile answers 409. */
    lastSeenId: z.uuid().nullable(),
  })
  .strict()
  .superRefine((c, ctx) => {
    const named = [c.receiverOrganisationId, c.receiverDirectoryOrganizationId, c.receiverServiceId].filter(Boolean).length;
    if (c.scopes.includes('share') && named !== 1) ctx.addIssue({ code: 'custom', message: 'Name the one organisation the person agrees to share with', path: ['receiverServiceId'] });
    if (!c.scopes.includes('share') && named > 0) ctx.addIssue({ code: 'custom', message: 'Only a share names a receiving organisation', path: ['receiverServiceId'] });
    if (c.withInterpreter && !c.interpreterLanguage) ctx.addIssue({ code: 'custom', message: 'Give the language the interpreter used', path: ['interpreterLanguage'] });
  });
export type CaseConsentCreate = z.infer<typeof CaseConsentCreateSchema>;

export const CONSENT_STATES = ['active', 'refused', 'withdrawn', 'expired'] as const;

export const CaseConsentViewSchema = z.object({
  id: z.uuid(),
  scopes: z.array(ConsentScopeSchema),
  receiverOrganisationId: z.uuid().nullable(),
  receiverDirectoryOrganizationId: z.uuid().nullable(),
  receiverName: z.string().nullable(),
  decision: z.enum(['given', 'refused']),
  state: z.enum(CONSENT_STATES),
  coversIdentity: z.boolean(),
  guidance: z.record(z.string(), GuidanceItemSchema),
  language: z.string(),
  withInterpreter: z.boolean(),
  interpreterLanguage: z.string().nullable(),
  recordedByName: z.string().nullable(),
  recordedAt: DateTime,
  expiresAt: DateTime,
  withdrawnAt: DateTime.nullable(),
  withdrawnByName: z.string().nullable(),
  supersedesId: z.uuid().nullable(),
  /** A newer record for each of its scopes (and receiver) replaced it: kept as history. */
  superseded: z.boolean(),
  note: z.string().nullable(),
});
export type CaseConsentView = z.infer<typeof CaseConsentViewSchema>;

/** Why a consent does not cover something (consentCovers): a code the interface words per language. */
export const CONSENT_REFUSALS = ['no_consent', 'refused', 'withdrawn', 'expired', 'scope_missing'] as const;
export const ConsentRefusalSchema = z.enum(CONSENT_REFUSALS);
export type ConsentRefusal = (typeof CONSENT_REFUSALS)[number];

export const OutgoingReferralSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: TaskStatusSchema,
  receiverName: z.string(),
  consentId: z.uuid().nullable(),
  createdAt: DateTime,
});

export const CaseConsentLedgerSchema = z.object({
  /** Every record, newest first (current and history). */
  records: z.array(CaseConsentViewSchema),
  /** For the scopes that name nobody: covered (null) or why not. */
  covers: z.object({ services: ConsentRefusalSchema.nullable(), statistics: ConsentRefusalSchema.nullable(), research: ConsentRefusalSchema.nullable() }),
  /** Referrals sent from this case. */
  referrals: z.array(OutgoingReferralSchema),
  /** With ?serviceId: the share record in force for that service's organisation (at most one). */
  usableFor: z.array(z.uuid()),
  /** The caller may record and withdraw (a team member holding the general grant). */
  canRecord: z.boolean(),
  canWithdraw: z.boolean(),
});
export type CaseConsentLedger = z.infer<typeof CaseConsentLedgerSchema>;

/** Where a consent is relied on: what a withdrawal stops (before) or stopped (after). */
export const ConsentRelianceSchema = z.object({
  /** `open`: before a withdrawal, still open (it would be cancelled); after, cancelled by this withdrawal. */
  referrals: z.array(z.object({ id: z.uuid(), reference: z.string(), status: TaskStatusSchema, open: z.boolean() })),
  members: z.array(z.object({ accountId: z.uuid(), displayName: z.string(), organisationName: z.string() })),
  assistance: z.array(z.object({ type: AssistanceTypeSchema, count: z.number() })),
});
export type ConsentReliance = z.infer<typeof ConsentRelianceSchema>;

export const CaseConsentDetailSchema = z.object({ consent: CaseConsentViewSchema, reliance: ConsentRelianceSchema });
export type CaseConsentDetail = z.infer<typeof CaseConsentDetailSchema>;

export const CaseConsentWithdrawalSchema = z.object({
  consent: CaseConsentViewSchema,
  /** Referrals cancelled now (open ones) and those already ended; members removed; assistance records that cited it. */
  affected: ConsentRelianceSchema,
});
export type CaseConsentWithdrawal = z.infer<typeof CaseConsentWithdrawalSchema>;

export type ConsentScope = (typeof CONSENT_SCOPES)[number];
