// Row types of every table, in camelCase (CamelCasePlugin maps them to snake_case SQL).
// NOTE: each feature adds its tables here in one block; migrations stay the source of truth.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
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

export interface Database {
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
}
