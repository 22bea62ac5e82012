// Row types of case files (issue 10, migration 2026-12-06T2100-create-cases). `Sealed` columns hold ciphertext from
// server/lib/crypto.ts: read them only through the identity vault (server/features/cases/vault.ts).
import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, JsonList, Timestamp } from './schema.ts';

type JsonOf<T> = ColumnType<T, string, string>;
/** A calendar day: written as 'YYYY-MM-DD'; read through to_char (or as a Date at UTC midnight). */
type Day = ColumnType<Date, string, string>;
/** AES-256-GCM ciphertext "keyId:iv:tag:data". */
export type Sealed = string;

export interface CaseFileTable {
  id: Generated<string>;
  organisationId: string;
  code: string;
  status: Generated<string>;
  closureReason: string | null;
  closureNote: Sealed | null;
  closedAt: Date | null;
  traffickingStatus: string | null;
  statusDecidedBy: string | null;
  ageBand: Generated<string>;
  gender: string | null;
  citizenship: JsonList;
  languages: JsonList;
  victimContext: JsonOf<Record<string, unknown>>;
  childProtection: JsonOf<Record<string, unknown>> | null;
  safeContact: Sealed | null;
  ownerAccountId: string | null;
  openedFromReferralId: string | null;
  openedAt: Timestamp;
  legalHold: Generated<boolean>;
  anonymisedAt: Date | null;
  createdBy: string | null;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
  version: Generated<number>;
  /** Migration 2026-12-06T2225: who set the legal hold, when, and why (sealed). */
  legalHoldReason: Sealed | null;
  legalHoldBy: string | null;
  legalHoldAt: Date | null;
  /** CaseCategory codes whose data the retention purge or an erasure removed. */
  purgedCategories: ColumnType<string[], string | undefined, string>;
}

export interface CaseCodeCounterTable {
  organisationId: string;
  year: number;
  last: number;
}

export interface CaseMemberTable {
  id: Generated<string>;
  caseId: string;
  accountId: string;
  organisationId: string;
  /** The case's organisation (migration 2026-12-06T2250): differs from organisationId for a consented share. */
  caseOrganisationId: string;
  isOwner: Generated<boolean>;
  grants: JsonList;
  addedBy: string | null;
  addedAt: Timestamp;
  version: Generated<number>;
}

export interface CaseIdentityTable {
  caseId: string;
  organisationId: string;
  givenName: Sealed | null;
  familyName: Sealed | null;
  birthDate: Sealed | null;
  contacts: Sealed | null;
  addresses: Sealed | null;
  documents: Sealed | null;
  guardian: Sealed | null;
  updatedAt: Timestamp;
  updatedBy: string | null;
  version: Generated<number>;
}

export interface CaseIdentityIndexTable {
  id: Generated<string>;
  caseId: string;
  organisationId: string;
  kind: string;
  keyId: string;
  digest: string;
}

export interface CaseAssistanceTable {
  id: Generated<string>;
  caseId: string;
  organisationId: string;
  type: string;
  category: string;
  state: string;
  occurredOn: Day;
  providerOrganisationId: string | null;
  providerRole: string | null;
  deliveryMode: string | null;
  interpreterUsed: boolean | null;
  interpreterLanguage: string | null;
  serviceCategory: string | null;
  outcome: string | null;
  followUpDue: Day | null;
  consentId: string | null;
  sharedWith: JsonList;
  note: Sealed | null;
  createdBy: string | null;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
  version: Generated<number>;
}

export interface CaseCommentTable {
  id: Generated<string>;
  caseId: string;
  category: string;
  body: Sealed;
  createdBy: string | null;
  createdAt: CreatedAt;
}

export interface CasePlanTable {
  id: Generated<string>;
  caseId: string;
  type: string;
  category: string;
  status: Generated<string>;
  objectives: Sealed | null;
  actionPlan: Sealed | null;
  goals: Sealed | null;
  plannedEnd: Day | null;
  actualEnd: Day | null;
  approvedBy: string | null;
  approvedAt: Date | null;
  createdBy: string | null;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
  version: Generated<number>;
}

export interface CasePlanReviewTable {
  id: Generated<string>;
  planId: string;
  reviewedOn: Day;
  progress: string;
  note: Sealed | null;
  createdBy: string | null;
  createdAt: CreatedAt;
}

export interface CaseRiskAssessmentTable {
  id: Generated<string>;
  caseId: string;
  assessedOn: Day;
  individual: string;
  household: string;
  community: string;
  note: Sealed | null;
  createdBy: string | null;
  createdAt: CreatedAt;
}

export interface CaseTaskTable {
  id: Generated<string>;
  caseId: string;
  organisationId: string;
  category: Generated<string>;
  kind: string;
  note: Sealed | null;
  assigneeAccountId: string | null;
  dueOn: Day;
  doneAt: Date | null;
  doneBy: string | null;
  remindedAt: Date | null;
  createdBy: string | null;
  createdAt: CreatedAt;
  version: Generated<number>;
}

export interface CaseBreakGlassTable {
  id: Generated<string>;
  caseId: string;
  accountId: string;
  organisationId: string;
  reason: Sealed;
  openedAt: Timestamp;
  expiresAt: Timestamp;
  endedAt: Date | null;
  ownerSeenAt: Date | null;
}

export interface CaseApprovalTable {
  id: Generated<string>;
  caseId: string;
  organisationId: string;
  kind: string;
  planId: string | null;
  request: JsonOf<Record<string, unknown>>;
  status: Generated<string>;
  requestedBy: string | null;
  requestedAt: Timestamp;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionNote: Sealed | null;
  /** Migration 2026-12-06T2240: the closure note waiting with the request. */
  requestNote: Sealed | null;
}

export interface CaseAttachmentTable {
  id: Generated<string>;
  caseId: string;
  category: string;
  mediaType: string;
  byteSize: number;
  fileName: Sealed;
  content: Buffer;
  keyId: string;
  createdBy: string | null;
  createdAt: CreatedAt;
}

export interface CaseSettingTable {
  organisationId: string;
  codePrefix: Generated<string>;
  closureNeedsApproval: Generated<boolean>;
  planNeedsApproval: Generated<boolean>;
  retention: JsonOf<Record<string, number>>;
  updatedAt: Timestamp;
  updatedBy: string | null;
  version: Generated<number>;
}

export interface CaseTables {
  caseFile: CaseFileTable;
  caseCodeCounter: CaseCodeCounterTable;
  caseMember: CaseMemberTable;
  caseIdentity: CaseIdentityTable;
  caseIdentityIndex: CaseIdentityIndexTable;
  caseAssistance: CaseAssistanceTable;
  caseComment: CaseCommentTable;
  casePlan: CasePlanTable;
  casePlanReview: CasePlanReviewTable;
  caseRiskAssessment: CaseRiskAssessmentTable;
  caseTask: CaseTaskTable;
  caseBreakGlass: CaseBreakGlassTable;
  caseApproval: CaseApprovalTable;
  caseAttachment: CaseAttachmentTable;
  caseSetting: CaseSettingTable;
  caseErasure: CaseErasureTable;
}

/** An erasure on the person's request (migration 2026-12-06T2225-add-case-protection). */
export interface CaseErasureTable {
  id: Generated<string>;
  caseId: string;
  scope: string;
  reason: Sealed;
  counts: JsonOf<Record<string, number>>;
  erasedBy: string | null;
  erasedAt: Timestamp;
}
