// Row types of certificates (issue 11, migration 2026-12-07T0060-create-certificates).
import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt } from './schema.ts';

export interface IssuerKeyTable {
  id: Generated<string>;
  keyId: string;
  publicKeyMultibase: string;
  secretSealed: string;
  createdAt: CreatedAt;
  active: Generated<boolean>;
}

export interface CertificateTable {
  id: Generated<string>;
  kind: 'attendance' | 'course';
  eventId: string | null;
  registrationId: string | null;
  courseId: string | null;
  enrolmentId: string | null;
  accountId: string | null;
  recipientName: string;
  verificationCode: string;
  language: string;
  issuedAt: Date;
  validUntil: Date | null;
  statusListIndex: number;
  revokedAt: Date | null;
  revokedReason: string | null;
  revokedBy: string | null;
  /** The signed credential; written as JSON.stringify(...), read back parsed. */
  credential: ColumnType<Record<string, unknown>, string, string>;
  createdAt: CreatedAt;
  version: Generated<number>;
}

export interface CertificateTables {
  issuerKey: IssuerKeyTable;
  certificate: CertificateTable;
}
