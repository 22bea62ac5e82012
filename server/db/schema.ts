// Row types of every table, in camelCase (CamelCasePlugin maps them to snake_case SQL).
// NOTE: each feature adds its tables here in one block; migrations stay the source of truth.
import type { ColumnType, Generated } from 'kysely';
import type { CaseTables } from './schema-cases.ts';
import type { CertificateTables } from './schema-certificates.ts';
import type { EventTables } from './schema-events.ts';
import type { CheckInTables } from './schema-check-in.ts';
import type { EvaluationTables } from './schema-evaluation.ts';
import type { RegistrationTables } from './schema-registration.ts';
import type { LearningTables } from './schema-learning.ts';
import type { DirectoryTables, ReferralTables } from './schema-referrals.ts';

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json = ColumnType<Record<string, unknown>, string | Record<string, unknown> | undefined, string | Record<string, unknown>>;

export interface OrganisationTable {
  id: Generated<string>;
  name: string;
  type: string;
  country: string;
  city: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  isDemo: Generated<boolean>;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
  version: Generated<number>;
}

export interface AccountTable {
  id: Generated<string>;
  email: string;
  displayName: string;
  passwordHash: string | null;
  language: string | null;
  isPlatformAdmin: Generated<boolean>;
  isDemo: Generated<boolean>;
  totpSecret: string | null;
  totpEnabledAt: Date | null;
  totpLastStep: number | null;
  failedSignIns: Generated<number>;
  lockedUntil: Date | null;
  disabledAt: Date | null;
  passwordChangedAt: Date | null;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
  version: Generated<number>;
}

export interface RecoveryCodeTable {
  id: Generated<string>;
  accountId: string;
  codeHash: string;
  usedAt: Date | null;
  createdAt: CreatedAt;
}

export interface MembershipTable {
  id: Generated<string>;
  accountId: string;
  organisationId: string;
  roles: string[];
  createdAt: CreatedAt;
  updatedAt: Timestamp;
  version: Generated<number>;
}

export interface AuthSessionTable {
  id: Generated<string>;
  tokenHash: string;
  accountId: string;
  organisationId: string | null;
  secondFactorAt: Date | null;
  ip: string | null;
  userAgent: string | null;
  createdAt: CreatedAt;
  lastSeenAt: Timestamp;
  expiresAt: Date;
}

export interface PasswordResetTable {
  id: Generated<string>;
  accountId: string;
  tokenHash: string;
  expiresAt: Date;
  usedAt: Date | null;
  createdAt: CreatedAt;
}

export interface InvitationTable {
  id: Generated<string>;
  organisationId: string;
  email: string;
  roles: string[];
  tokenHash: string;
  invitedBy: string | null;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  createdAt: CreatedAt;
}

export interface AuditEventTable {
  seq: number;
  at: Date;
  actorAccountId: string | null;
  organisationId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  ip: string | null;
  details: Json;
  prevHash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  lastSeq: number;
  lastHash: string;
}

export interface OutboxEmailTable {
  id: Generated<string>;
  organisationId: string | null;
  toAddress: string;
  subject: string;
  bodyText: string;
  status: Generated<string>;
  attempts: Generated<number>;
  lastError: string | null;
  createdAt: CreatedAt;
  sentAt: Date | null;
  /** [{ filename, contentType, content, encoding? }] (migration 2026-12-07T0020), null when none. */
  attachments: ColumnType<EmailAttachment[] | null, string | null | undefined, string | null>;
}

export interface EmailAttachment {
  filename: string;
  contentType: string;
  content: string;
  encoding?: 'base64';
}

export interface JobTable {
  id: Generated<string>;
  kind: string;
  payload: Json;
  uniqueKey: string | null;
  status: Generated<string>;
  runAt: Timestamp;
  attempts: Generated<number>;
  maxAttempts: Generated<number>;
  lockedAt: Date | null;
  lockedBy: string | null;
  lastError: string | null;
  createdAt: CreatedAt;
  finishedAt: Date | null;
}

export interface RateLimitTable {
  key: string;
  hits: number;
  windowStart: Date;
}

export interface Database extends LibraryTables, HelpTables, SearchThesaurusTables, DirectoryTables, ReferralTables, CaseTables, EventTables, CheckInTables, CertificateTables, EvaluationTables, RegistrationTables, LearningTables {
  organisation: OrganisationTable;
  account: AccountTable;
  recoveryCode: RecoveryCodeTable;
  membership: MembershipTable;
  authSession: AuthSessionTable;
  passwordReset: PasswordResetTable;
  invitation: InvitationTable;
  auditEvent: AuditEventTable;
  auditHead: AuditHeadTable;
  outboxEmail: OutboxEmailTable;
  job: JobTable;
  rateLimit: RateLimitTable;
  accessRequest: AccessRequestTable;
  accessRequestListing: AccessRequestListingTable;
}

// Requests for an account (migration 2026-12-06T1600-create-access-request).
export interface AccessRequestTable {
  id: Generated<string>;
  nameSealed: string;
  emailSealed: string;
  emailHash: string;
  profession: string;
  professionOther: string | null;
  institution: string;
  country: string;
  organisationId: string | null;
  language: string;
  status: Generated<string>;
  createdAt: CreatedAt;
  handledAt: Date | null;
  handledBy: string | null;
  version: Generated<number>;
}

export interface AccessRequestListingTable {
  organisationId: string;
  listedAt: CreatedAt;
}

// Knowledge library (migration 2026-11-28T0000-create-library).
export type Labels = ColumnType<Record<string, string>, string | Record<string, string>, string | Record<string, string>>;

export interface PublicationTable {
  id: Generated<string>;
  slug: string;
  organisationId: string;
  sourceLanguage: Generated<string>;
  titles: Labels;
  position: Generated<number>;
  createdAt: CreatedAt;
  version: Generated<number>;
}

export interface ChapterTable {
  id: Generated<string>;
  publicationId: string;
  slug: string;
  position: number;
  audience: Generated<string>;
  titles: Labels;
  summaries: Labels;
  /** Why a professionals-only chapter is not public, per language; empty for public chapters. */
  audienceReasons: ColumnType<Record<string, string>, string | Record<string, string> | undefined, string | Record<string, string>>;
  version: Generated<number>;
}

export interface SectionTable {
  id: Generated<string>;
  chapterId: string;
  slug: string;
  position: number;
}

export interface SectionRevisionTable {
  id: Generated<string>;
  sectionId: string;
  language: string;
  number: number;
  title: string;
  bodyMd: string;
  authorAccountId: string | null;
  sourceRevisionId: string | null;
  note: string | null;
  createdAt: CreatedAt;
  /** Migration 2026-12-04T1800: the stored HTML and the renderer version that made it (null: not rendered yet). */
  bodyHtml: Generated<string | null>;
  htmlVersion: Generated<number | null>;
  /** Migration 2026-12-04T1900: words of bodyMd, counted when the revision is written. */
  wordCount: Generated<number>;
}

export interface SectionTextTable {
  sectionId: string;
  language: string;
  state: string;
  currentRevisionId: string;
  publishedRevisionId: string | null;
  submittedBy: string | null;
  submittedAt: Date | null;
  publishedBy: string | null;
  publishedAt: Date | null;
  updatedAt: Timestamp;
  version: Generated<number>;
  /** Migration 2026-11-28T0010: the reviewer's note when returning the text to draft. */
  reviewNote: Generated<string | null>;
  reviewNoteBy: Generated<string | null>;
  reviewNoteAt: Generated<Date | null>;
}

export interface SectionSearchTable {
  sectionId: string;
  language: string;
  revisionId: string;
  publicationId: string;
  /** The section's chapter (migration 2026-11-28T0020-search-with-chapter). */
  chapterId: string;
  title: string;
  plainText: string;
  document: string;
  /** Title (A) and heading (B) lexemes only (migration 2026-11-28T0020-search-head-vector). */
  head: Generated<string>;
}

export interface SearchWordTable {
  language: string;
  word: string;
}

export interface LibraryReportTable {
  id: Generated<string>;
  sectionId: string;
  language: string;
  kind: string;
  comment: string | null;
  reporterAccountId: string | null;
  status: Generated<string>;
  resolution: string | null;
  resolutionNote: string | null;
  resolvedRevisionId: string | null;
  closedBy: string | null;
  closedAt: Date | null;
  createdAt: CreatedAt;
  version: Generated<number>;
}

export interface LibraryUsageTable {
  day: ColumnType<Date, string, string>;
  publicationId: string;
  chapterSlug: string;
  language: string;
  kind: string;
  country: Generated<string>;
  count: Generated<number>;
}

export interface LibraryImageTable {
  id: Generated<string>;
  publicationId: string;
  contentType: string;
  bytes: Buffer | Uint8Array;
  altTexts: Labels;
  uploadedBy: string | null;
  createdAt: CreatedAt;
  /** Migration 2026-12-04T1801: when a published text of its publication first used it; null = not public. */
  publishedAt: Generated<Date | null>;
}

/** Migration 2026-12-04T1802: HMAC of client address × chapter × language × kind, while a repeat is not counted. */
export interface LibraryUsageSeenTable {
  key: string;
  expiresAt: Date;
}

export interface PublicationPdfTable {
  publicationId: string;
  language: string;
  /** 'public' (professionals-only chapters left out) | 'full' (migration 2026-11-28T0020-library-pdf-variants). */
  variant: Generated<string>;
  fingerprint: string;
  bytes: Buffer | Uint8Array;
  createdAt: CreatedAt;
}

export interface LibraryTables {
  publication: PublicationTable;
  chapter: ChapterTable;
  section: SectionTable;
  sectionRevision: SectionRevisionTable;
  sectionText: SectionTextTable;
  sectionSearch: SectionSearchTable;
  searchWord: SearchWordTable;
  libraryReport: LibraryReportTable;
  libraryUsage: LibraryUsageTable;
  libraryImage: LibraryImageTable;
  libraryUsageSeen: LibraryUsageSeenTable;
  publicationPdf: PublicationPdfTable;
}

// Help now (migration 2026-12-06T1600-create-help-contacts).
export type JsonList = ColumnType<string[], string, string>;

export interface HelpContactTable {
  id: Generated<string>;
  key: string;
  organisationId: string;
  country: string;
  kind: string;
  position: Generated<number>;
  names: Labels;
  purposes: Labels;
  number: string;
  hours: string;
  languages: JsonList;
  sourceUrl: string;
  /** A calendar day: written as 'YYYY-MM-DD', read back through to_char (see help.queries.ts). */
  verifiedOn: ColumnType<Date, string, string>;
  chapters: JsonList;
  status: Generated<string>;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
  updatedBy: string | null;
  version: Generated<number>;
}

export interface HelpTables {
  helpContact: HelpContactTable;
}

// Search thesaurus (migration 2026-12-06T1700-create-search-synonym-groups).
export interface SearchSynonymGroupTable {
  id: Generated<string>;
  language: string;
  terms: JsonList;
  position: Generated<number>;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
  updatedBy: string | null;
  version: Generated<number>;
}

export interface SearchThesaurusTables {
  searchSynonymGroup: SearchSynonymGroupTable;
}

