// Assistance records and case comments (issue 10, domain.md §2.4–2.5 and §6). Each record belongs to the data category
// of its type (ASSISTANCE_CATEGORY): only readers of that category see it, and lists are filtered in SQL.
//   GET  /api/cases/:id/assistance                  → AssistanceList  (only the categories the grant reads; audited)
//   POST /api/cases/:id/assistance                  AssistanceCreate → AssistanceRecord (201)
//   GET  /api/cases/:id/assistance/:assistanceId    → AssistanceRecord
//   PUT  /api/cases/:id/assistance/:assistanceId    AssistanceUpdate → AssistanceRecord (409 with the current one)
//   GET  /api/cases/:id/comments                    → CommentList     (only the categories the grant reads; audited)
//   POST /api/cases/:id/comments                    CommentCreate → CaseComment (201)
// NOTE: there is no diagnosis field on purpose: clinical detail stays in the provider's own medical record.
import { z } from 'zod';
import { DateTime } from '../lib/datetime.ts';
import { Day, text, Version } from '../lib/input.ts';
import {
  ASSISTANCE_OUTCOMES,
  AssistanceStateSchema,
  AssistanceTypeSchema,
  CaseCategorySchema,
  DELIVERY_MODES,
  MEDICAL_SERVICE_CATEGORIES,
} from './case-vocabulary.ts';

/** The categories a record (comment, task) may be filed in: identity is the vault's alone, never a record's. */
export const RECORD_CATEGORIES = ['general', 'health', 'psychological', 'legal', 'social'] as const;
export const RecordCategorySchema = z.enum(RECORD_CATEGORIES);
export type RecordCategory = (typeof RECORD_CATEGORIES)[number];

/** Who delivered it, by role (a code: a person's name is never needed here). */
export const PROVIDER_ROLES = ['doctor', 'nurse', 'psychologist', 'social_worker', 'lawyer', 'case_manager', 'cultural_mediator', 'interpreter', 'other'] as const;
/** The assistance types that carry the minimal medical record (domain.md §6). */
export const MEDICAL_TYPES = ['medical_counselling', 'medical_assistance'] as const;
/** States in which the person receives the service, so their consent to services must be on record. */
export const RECEIVING_STATES = ['accepted', 'delivered'] as const;

const LanguageCode = z.string().regex(/^[a-z]{2}$/, 'Use a two-letter language code');

export const AssistanceParamsSchema = z.object({ id: z.uuid(), assistanceId: z.uuid() }).strict();

const AssistanceFields = {
  state: AssistanceStateSchema,
  occurredOn: Day,
  /** Defaults to the recording person's organisation. */
  providerOrganisationId: z.uuid().nullable(),
  providerRole: z.enum(PROVIDER_ROLES).nullable(),
  deliveryMode: z.enum(DELIVERY_MODES).nullable(),
  interpreterUsed: z.boolean().nullable(),
  interpreterLanguage: LanguageCode.nullable(),
  /** Medical types only. */
  serviceCategory: z.enum(MEDICAL_SERVICE_CATEGORIES).nullable(),
  outcome: z.enum(ASSISTANCE_OUTCOMES).nullable(),
  followUpDue: Day.nullable(),
  /** Platform organisations this record is shared with: each needs the person's consent to share with it. */
  sharedWith: z.array(z.uuid()).max(10),
  /** Sealed. No names, no clinical detail. */
  note: text(2000).nullable(),
};

export const AssistanceCreateSchema = z
  .object({
    type: AssistanceTypeSchema,
    ...AssistanceFields,
    providerOrganisationId: AssistanceFields.providerOrganisationId.default(null),
    providerRole: AssistanceFields.providerRole.default(null),
    deliveryMode: AssistanceFields.deliveryMode.default(null),
    interpreterUsed: AssistanceFields.interpreterUsed.default(null),
    interpreterLanguage: AssistanceFields.interpreterLanguage.default(null),
    serviceCategory: AssistanceFields.serviceCategory.default(null),
    outcome: AssistanceFields.outcome.default(null),
    followUpDue: AssistanceFields.followUpDue.default(null),
    sharedWith: AssistanceFields.sharedWith.default([]),
    note: AssistanceFields.note.default(null),
  })
  .strict();
export type AssistanceCreate = z.infer<typeof AssistanceCreateSchema>;

/** Everything but the type (which decides the category, hence who may see it): record a new one to change it. */
export const AssistanceUpdateSchema = z
  .object({ ...AssistanceFields, version: Version })
  .strict();
export type AssistanceUpdate = z.infer<typeof AssistanceUpdateSchema>;

export const AssistanceRecordSchema = z.object({
  id: z.uuid(),
  type: AssistanceTypeSchema,
  category: CaseCategorySchema,
  state: AssistanceStateSchema,
  occurredOn: z.string(),
  providerOrganisationId: z.uuid().nullable(),
  providerOrganisationName: z.string().nullable(),
  providerRole: z.enum(PROVIDER_ROLES).nullable(),
  deliveryMode: z.enum(DELIVERY_MODES).nullable(),
  interpreterUsed: z.boolean().nullable(),
  interpreterLanguage: z.string().nullable(),
  serviceCategory: z.enum(MEDICAL_SERVICE_CATEGORIES).nullable(),
  outcome: z.enum(ASSISTANCE_OUTCOMES).nullable(),
  followUpDue: z.string().nullable(),
  /** The consent to receive services this record relies on. */
  consentId: z.uuid().nullable(),
  sharedWith: z.array(z.object({ id: z.uuid(), name: z.string() })),
  note: z.string().nullable(),
  createdByName: z.string().nullable(),
  updatedAt: DateTime,
  version: z.number(),
});
export type AssistanceRecord = z.infer<typeof AssistanceRecordSchema>;

export const AssistanceListSchema = z.object({
  records: z.array(AssistanceRecordSchema),
  /** The categories this list covers (what the grant reads): the interface says what it cannot show. */
  categories: z.array(CaseCategorySchema),
  /** Organisations the person has consented to share this case with (now): what a record may be shared with. */
  shareTargets: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export type AssistanceList = z.infer<typeof AssistanceListSchema>;

export const CommentCreateSchema = z.object({ category: RecordCategorySchema, body: text(4000).pipe(z.string().trim().min(1, 'Write the update')) }).strict();
export type CommentCreate = z.infer<typeof CommentCreateSchema>;

export const CaseCommentSchema = z.object({
  id: z.uuid(),
  category: CaseCategorySchema,
  body: z.string(),
  createdByName: z.string().nullable(),
  createdAt: DateTime,
});
export type CaseComment = z.infer<typeof CaseCommentSchema>;

export const CommentListSchema = z.object({ comments: z.array(CaseCommentSchema), categories: z.array(CaseCategorySchema) });
export type CommentList = z.infer<typeof CommentListSchema>;
