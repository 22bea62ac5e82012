// Row types of check-in scans (issue 11, migration 2026-12-07T0030-create-check-in-scans).
import type { Generated } from 'kysely';
import type { Timestamp } from './schema.ts';

export interface CheckInScanTable {
  id: Generated<string>;
  eventId: string;
  registrationId: string | null;
  idempotencyKey: string;
  deviceId: string;
  method: string;
  scannedAt: Date;
  receivedAt: Timestamp;
  result: string;
  accountId: string | null;
}

export interface CheckInTables {
  checkInScan: CheckInScanTable;
}
