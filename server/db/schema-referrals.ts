// Row types of the service directory and of referrals (issue 9), split from schema.ts to keep files small.
import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, JsonList, Labels, Timestamp } from './schema.ts';

// Service directory (migration 2026-12-06T1800-create-directory).
type JsonOf<T> = ColumnType<T, string, string>;
/** A calendar day: written as 'YYYY-MM-DD'; read it back through to_char to stay a plain day on both engines. */
type Day = ColumnType<Date, string, string>;

export interface DirectoryOrganizationTable {
  id: Generated<string>;
  organisationId: string | null;
  name: string;
  alternateName: string | null;
  descriptions: Labels;
  email: string | null;
  website: string | null;
  phone: string | null;
  country: string;
  isDemo: Generated<boolean>;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
  version: Generated<number>;
}

/** Where a directory location is: shared by the table row and the HSDS read of it. */
export interface DirectoryAddress {
  address1: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  country: string;
  latitude: number | null;
  longitude: number | null;
}

export interface DirectoryLocationTable extends DirectoryAddress {
  id: Generated<string>;
  directoryOrganizationId: string;
  name: string | null;
  locationType: Generated<string>;
  isConfidential: Generated<boolean>;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
  // migration 2026-12-06T1900-add-directory-review
  version: Generated<number>;
  /** HSDS location.description (migration 2026-12-06T1910-add-hsds-fields). */
  description: string | null;
}

export interface DirectorySchedule {
  byday: string;
  opensAt: string;
  closesAt: string;
}

export interface DirectoryServiceTable {
  id: Generated<string>;
  directoryOrganizationId: string;
  name: string;
  summaries: Labels;
  status: Generated<string>;
  reviewStatus: Generated<string>;
  reviewNote: string | null;
  email: string | null;
  url: string | null;
  phone: string | null;
  categories: JsonList;
  languages: JsonList;
  serviceAreas: JsonList;
  minimumAge: number | null;
  maximumAge: number | null;
  sexes: JsonList;
  requiredDocuments: JsonList;
  isFree: Generated<boolean>;
  feesDescription: string | null;
  schedules: JsonOf<DirectorySchedule[]>;
  acceptingReferrals: Generated<boolean>;
  availablePlaces: number | null;
  capacityUpdatedAt: Date | null;
  assuredDate: Day | null;
  assurerEmail: string | null;
  /** Written only through directory-search-text.ts, so every writer indexes the same words. */
  searchVector: ColumnType<string, never, never>;
  isDemo: Generated<boolean>;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
  updatedBy: string | null;
  version: Generated<number>;
  // migration 2026-12-06T1900-add-directory-review
  createdBy: string | null;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  /** HSDS service.alternate_name and eligibility_description (migration 2026-12-06T1910-add-hsds-fields). */
  alternateName: string | null;
  eligibilityDescription: string | null;
}

export interface DirectoryServiceLocationTable {
  id: Generated<string>;
  serviceId: string;
  locationId: string;
  description: string | null;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface DirectoryTables {
  directoryOrganization: DirectoryOrganizationTable;
  directoryLocation: DirectoryLocationTable;
  directoryService: DirectoryServiceTable;
  directoryServiceLocation: DirectoryServiceLocationTable;
}

// Referrals, consent, API tokens (migration 2026-12-06T1810-create-referrals).
export interface ConsentTable {
  id: Generated<string>;
  organisationId: string;
  subjectCode: string;
  receiverOrganisationId: string | null;
  receiverDirectoryOrganizationId: string | null;
  purposes: JsonList;
  decision: string;
  coversIdentity: Generated<boolean>;
  language: string;
  withInterpreter: Generated<boolean>;
  recordedBy: string | null;
  recordedAt: Timestamp;
  expiresAt: Timestamp;
  withdrawnAt: Date | null;
  withdrawnBy: string | null;
  version: Generated<number>;
  // migration 2026-12-06T2100-create-cases: the consent ledger of a case
  caseId: string | null;
  /** CONSENT_SCOPES codes (shared/cases/case-vocabulary.ts); rows of referrals before issue 10 are ["share"]. */
  scopes: ColumnType<string[], string | undefined, string>;
  /** The seven HTCDS guidance items: item → { informed: yes | no | not_asked }. */
  guidance: ColumnType<Record<string, unknown>, string | undefined, string>;
  supersedesId: string | null;
  /** Sealed. */
  note: string | null;
  // migration 2026-12-06T2215-add-consent-ledger-links
  /** ISO 639-1: the language the interpreter worked in. */
  interpreterLanguage: string | null;
  /** Insertion order: the newest record for a scope (and receiver) is the one in force. */
  seq: ColumnType<string, never, never>;
}

export interface ReferralTable {
  id: Generated<string>;
  reference: string;
  senderOrganisationId: string;
  senderAccountId: string | null;
  serviceId: string;
  receiverOrganisationId: string | null;
  consentId: string | null;
  status: Generated<string>;
  statusReason: string | null;
  outcome: string | null;
  urgency: Generated<string>;
  packageVersion: Generated<number>;
  sentAt: Date | null;
  dueAt: Date | null;
  remindedAt: Date | null;
  escalatedAt: Date | null;
  answeredAt: Date | null;
  caseId: string | null;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
  version: Generated<number>;
  /** Migration 2026-12-06T1930: when the sending organisation last looked (later changes are news). */
  senderSeenAt: Date | null;
  /** Migration 2026-12-06T2215: the sender's case the referral was made from (case_id is the receiver's case). */
  sourceCaseId: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ReferralPackageTable {
  id: Generated<string>;
  referralId: string;
  version: number;
  consentId: string | null;
  subjectCode: string;
  ageBand: string;
  sex: string | null;
  languages: JsonList;
  needs: JsonList;
  urgency: string;
  /** Encrypted with the keyring (server/lib/crypto.ts), like the note and the identity. */
  safeContact: string | null;
  note: string | null;
  identity: string | null;
  createdBy: string | null;
  createdAt: CreatedAt;
}

export interface ReferralEventTable {
  id: Generated<string>;
  referralId: string;
  at: Timestamp;
  side: string;
  kind: string;
  actorAccountId: string | null;
  apiTokenId: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
  outcome: string | null;
}

export interface ReferralSettingTable {
  organisationId: string;
  routineHours: Generated<number>;
  urgentHours: Generated<number>;
  updatedAt: Timestamp;
  updatedBy: string | null;
  version: Generated<number>;
}

export interface ApiTokenTable {
  id: Generated<string>;
  organisationId: string;
  name: string;
  tokenHash: string;
  scopes: JsonList;
  expiresAt: Timestamp;
  createdBy: string | null;
  createdAt: CreatedAt;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  revokedBy: string | null;
}

export interface ReferralTables {
  consent: ConsentTable;
  referral: ReferralTable;
  referralPackage: ReferralPackageTable;
  referralEvent: ReferralEventTable;
  referralSetting: ReferralSettingTable;
  apiToken: ApiTokenTable;
}
