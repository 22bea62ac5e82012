// The case-file contracts between server and web (issue 10). Only the team sees a case; each part needs its grant.
//   POST /api/cases                      CaseCreate → CaseDetail (directly, or from an accepted referral)
//   GET  /api/cases?status=&mine=&code=  → CaseList       cases the actor is on the team of (or has break-glass on)
//   GET  /api/cases/:id                  → CaseDetail     general category (audited)
//   PUT  /api/cases/:id                  CaseGeneralUpdate → CaseDetail (optimistic locking: 409 with the current)
//   POST /api/cases/:id/members          CaseMemberAdd → CaseDetail;  PUT/DELETE /api/cases/:id/members/:accountId
//   GET  /api/cases/:id/identity         → CaseIdentity   identity grant only, every read audited
//   PUT  /api/cases/:id/identity         CaseIdentityUpdate → CaseIdentity (re-indexes the blind index)
//   POST /api/cases/duplicates           CaseDuplicateCheck → CaseDuplicates (blind index, own organisation only)
import { z } from 'zod';
import { DateTime } from '../lib/datetime.ts';
import { Day, int4, line, text, TimeIdCursor, Version } from '../lib/input.ts';
import {
  answerSchema,
  CaseAgeBandSchema,
  CaseCategorySchema,
  CaseStatusSchema,
  ClosureReasonSchema,
  CONTACT_CHANNELS,
  GenderSchema,
  HISTORIC_EVENT_TYPES,
  RELATIONSHIPS_TO_TRAFFICKER,
  StatusDeciderSchema,
  TraffickingStatusSchema,
  VICTIM_CONTEXT_LISTS,
} from './case-vocabulary.ts';

export const CaseIdParamsSchema = z.object({ id: z.uuid() }).strict();
export const CaseMemberParamsSchema = z.object({ id: z.uuid(), accountId: z.uuid() }).strict();

const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'Use a two-letter country code');
const LanguageCode = z.string().regex(/^[a-z]{2}$/, 'Use a two-letter language code');

/** HTCDS victim context: every field optional; a list is answered, not asked, or declined (never "no" by omission). */
export const VictimContextSchema = z
  .object({
    typeOfExploitation: answerSchema(VICTIM_CONTEXT_LISTS.typeOfExploitation),
    typeOfSexExploitation: answerSchema(VICTIM_CONTEXT_LISTS.typeOfSexExploitation),
    forcedLabourIndustry: answerSchema(VICTIM_CONTEXT_LISTS.forcedLabourIndustry),
    methodsOfControl: answerSchema(VICTIM_CONTEXT_LISTS.methodsOfControl),
    methodOfRecruitment: answerSchema(VICTIM_CONTEXT_LISTS.methodOfRecruitment),
    recruitmentWebsitesAndApps: answerSchema(VICTIM_CONTEXT_LISTS.recruitmentWebsitesAndApps),
    relationshipToTrafficker: answerSchema(RELATIONSHIPS_TO_TRAFFICKER),
    ageWhenTrafficked: z.union([z.object({ answer: z.literal('given'), years: int4(0, 120) }).strict(), z.object({ answer: z.enum(['not_asked', 'declined']) }).strict()]),
    /** HTCDS hte_: where and when recruitment, transit and exploitation happened (country and year, no street). */
    historicEvents: z
      .array(z.object({ type: z.enum(HISTORIC_EVENT_TYPES), country: CountryCode.nullable(), year: int4(1950, 2199).nullable() }).strict())
      .max(20),
  })
  .partial()
  .strict();
export type VictimContext = z.infer<typeof VictimContextSchema>;

/** What must never be done when contacting the person (the interface names each in words). */
export const SAFE_CONTACT_NEVER = ['no_voicemail', 'no_post', 'no_home_visit', 'no_calls_when_others_present', 'no_messages_with_our_name'] as const;
/** What came of the child-protection referral. */
export const CHILD_PROTECTION_OUTCOMES = ['pending', 'taken_into_care', 'supported_in_family', 'not_taken', 'not_a_child'] as const;
/** The identity vault's repeatable rows: kinds of contact, address and document. */
export const CONTACT_KINDS = ['phone', 'email', 'other'] as const;
export const ADDRESS_KINDS = ['current', 'previous', 'origin'] as const;
export const DOCUMENT_TYPES = ['identity_card', 'passport', 'residence_permit', 'birth_certificate', 'other'] as const;

/** When and how the person may be contacted, and what never to do: shown before any contact action. */
export const SafeContactSchema = z
  .object({
    channels: z.array(z.enum(CONTACT_CHANNELS)).max(CONTACT_CHANNELS.length),
    times: line(200).nullable(),
    codeWord: line(100).nullable(),
    never: z.array(z.enum(SAFE_CONTACT_NEVER)).max(SAFE_CONTACT_NEVER.length),
    note: text(1000).nullable(),
  })
  .strict();
export type SafeContact = z.infer<typeof SafeContactSchema>;

/** The child path: the referral to child protection and what came of it (codes and dates only). */
export const ChildProtectionSchema = z
  .object({
    referredOn: Day.nullable(),
    outcome: z.enum(CHILD_PROTECTION_OUTCOMES).nullable(),
    outcomeOn: Day.nullable(),
  })
  .strict();
export type ChildProtection = z.infer<typeof ChildProtectionSchema>;

const GeneralFields = {
  ageBand: CaseAgeBandSchema,
  gender: GenderSchema.nullable(),
  citizenship: z.array(CountryCode).max(5),
  languages: z.array(LanguageCode).max(10),
  traffickingStatus: TraffickingStatusSchema.nullable(),
  statusDecidedBy: StatusDeciderSchema.nullable(),
  victimContext: VictimContextSchema,
  safeContact: SafeContactSchema.nullable(),
  childProtection: ChildProtectionSchema.nullable(),
};

export const CaseCreateSchema = z
  .object({
    ...GeneralFields,
    gender: GeneralFields.gender.default(null),
    citizenship: GeneralFields.citizenship.default([]),
    languages: GeneralFields.languages.default([]),
    traffickingStatus: GeneralFields.traffickingStatus.default(null),
    statusDecidedBy: GeneralFields.statusDecidedBy.default(null),
    victimContext: GeneralFields.victimContext.default({}),
    safeContact: GeneralFields.safeContact.default(null),
    childProtection: GeneralFields.childProtection.default(null),
    /** An accepted referral addressed to the actor's organisation: its package becomes the case's first record. */
    referralId: z.uuid().optional(),
  })
  .strict();
export type CaseCreate = z.infer<typeof CaseCreateSchema>;

export const CaseGeneralUpdateSchema = z
  .object({ ...GeneralFields, version: Version })
  .partial()
  .required({ version: true })
  .strict();
export type CaseGeneralUpdate = z.infer<typeof CaseGeneralUpdateSchema>;

export const CaseListQuerySchema = z
  .object({
    status: z.enum(['open', 'closed', 'all']).default('open'),
    mine: z.enum(['true', 'false']).optional(),
    code: line(40).optional(),
    // NOTE: the house cursor checks both halves (a real uuid, a year in range): a forged one is a 400, not a 500.
    before: TimeIdCursor.optional(),
    limit: z
      .string()
      .regex(/^\d{1,3}$/)
      .transform(Number)
      .pipe(z.int().min(1).max(100))
      .optional(),
  })
  .strict();
export type CaseListQuery = z.infer<typeof CaseListQuerySchema>;

export const CaseGrantViewSchema = z.object({
  via: z.enum(['team', 'break_glass']),
  isOwner: z.boolean(),
  isCaseCoordinator: z.boolean(),
  /** What the actor may read, and write. */
  categories: z.array(CaseCategorySchema),
  teamCategories: z.array(CaseCategorySchema),
  breakGlass: z.boolean(),
  canManageTeam: z.boolean(),
  canChangeStatus: z.boolean(),
});
export type CaseGrantView = z.infer<typeof CaseGrantViewSchema>;

export const CaseSummarySchema = z.object({
  id: z.uuid(),
  code: z.string(),
  status: CaseStatusSchema,
  ageBand: CaseAgeBandSchema,
  gender: GenderSchema.nullable(),
  ownerName: z.string().nullable(),
  openedAt: DateTime,
  updatedAt: DateTime,
  isOwner: z.boolean(),
  viaBreakGlass: z.boolean(),
});
export type CaseSummary = z.infer<typeof CaseSummarySchema>;

export const CaseListSchema = z.object({ cases: z.array(CaseSummarySchema), nextBefore: z.string().nullable() });
export type CaseList = z.infer<typeof CaseListSchema>;

export const CaseMemberViewSchema = z.object({
  accountId: z.uuid(),
  displayName: z.string(),
  organisationName: z.string(),
  roles: z.array(z.string()),
  isOwner: z.boolean(),
  grants: z.array(CaseCategorySchema),
  version: z.number(),
});
export type CaseMemberView = z.infer<typeof CaseMemberViewSchema>;

export const CaseDetailSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  status: CaseStatusSchema,
  closureReason: ClosureReasonSchema.nullable(),
  closedAt: DateTime.nullable(),
  traffickingStatus: TraffickingStatusSchema.nullable(),
  statusDecidedBy: StatusDeciderSchema.nullable(),
  ageBand: CaseAgeBandSchema,
  gender: GenderSchema.nullable(),
  citizenship: z.array(z.string()),
  languages: z.array(z.string()),
  victimContext: VictimContextSchema,
  safeContact: SafeContactSchema.nullable(),
  childProtection: ChildProtectionSchema.nullable(),
  /** Under 18 or age unknown: the child path applies. */
  childPath: z.boolean(),
  ownerAccountId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  openedAt: DateTime,
  openedFromReferral: z.object({ id: z.uuid(), reference: z.string() }).nullable(),
  legalHold: z.boolean(),
  anonymisedAt: DateTime.nullable(),
  updatedAt: DateTime,
  version: z.number(),
  grant: CaseGrantViewSchema,
  team: z.array(CaseMemberViewSchema),
});
export type CaseDetail = z.infer<typeof CaseDetailSchema>;

export const CaseMemberAddSchema = z
  .object({ email: line(254).pipe(z.email('Give the e-mail address of the account')), grants: z.array(CaseCategorySchema).min(1).max(6) })
  .strict();
export type CaseMemberAdd = z.infer<typeof CaseMemberAddSchema>;
export const CaseMemberUpdateSchema = z.object({ grants: z.array(CaseCategorySchema).min(1).max(6), version: Version }).strict();
export type CaseMemberUpdate = z.infer<typeof CaseMemberUpdateSchema>;
export const CaseOwnerChangeSchema = z.object({ accountId: z.uuid(), version: Version }).strict();
export type CaseOwnerChange = z.infer<typeof CaseOwnerChangeSchema>;

/** The identity vault's fields: every one optional, each sealed on its own. */
export const CaseIdentityFieldsSchema = z
  .object({
    givenName: line(200).nullable(),
    familyName: line(200).nullable(),
    birthDate: Day.nullable(),
    contacts: z.array(z.object({ kind: z.enum(CONTACT_KINDS), value: line(200).pipe(z.string().min(1)) }).strict()).max(10),
    addresses: z.array(z.object({ kind: z.enum(ADDRESS_KINDS), text: text(500).pipe(z.string().min(1)) }).strict()).max(5),
    documents: z.array(z.object({ type: z.enum(DOCUMENT_TYPES), number: line(60).pipe(z.string().min(1)) }).strict()).max(5),
    guardian: z.object({ name: line(200), relationship: line(100), contact: line(200).nullable() }).strict().nullable(),
  })
  .strict();
export type CaseIdentityFields = z.infer<typeof CaseIdentityFieldsSchema>;

export const CaseIdentityUpdateSchema = CaseIdentityFieldsSchema.partial().extend({ version: int4(0) }).strict();
export type CaseIdentityUpdate = z.infer<typeof CaseIdentityUpdateSchema>;

export const CaseDuplicateCheckSchema = CaseIdentityFieldsSchema.pick({ givenName: true, familyName: true, birthDate: true, contacts: true, documents: true })
  .partial()
  .extend({ excludeCaseId: z.uuid().optional() })
  .strict();
export type CaseDuplicateCheck = z.infer<typeof CaseDuplicateCheckSchema>;

export const CaseDuplicatesSchema = z.object({
  /** Cases of the actor's organisation whose identity matches on a name with birth date, a phone, e-mail or document. */
  matches: z.array(z.object({ caseId: z.uuid().nullable(), code: z.string().nullable(), kinds: z.array(z.string()), visible: z.boolean() })),
});
export type CaseDuplicates = z.infer<typeof CaseDuplicatesSchema>;

export const CaseIdentitySchema = CaseIdentityFieldsSchema.extend({
  /** 0 when nothing has been recorded yet. */
  version: z.number(),
  updatedAt: DateTime.nullable(),
  duplicates: CaseDuplicatesSchema.shape.matches,
});
export type CaseIdentity = z.infer<typeof CaseIdentitySchema>;
