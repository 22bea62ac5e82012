// CSV for audit exports: RFC 4180 quoting, and cells that a spreadsheet would run as a formula are defused.
import { csvRecord } from '#server/lib/spreadsheet-safe.ts';
import type { AuditEntry } from '#shared/audit/audit.schema.ts';

export const CSV_HEADER = [
  'seq',
  'time',
  'actor_account_id',
  'actor_name',
  'organisation_id',
  'organisation_name',
  'action',
  'entity_type',
  'entity_id',
  'ip',
  'details',
];

/** One CSV line; formula-like cells are defused by the one shared helper (server/lib/spreadsheet-safe.ts). */
export function csvLine(cells: readonly (string | number | null)[]): string {
  return csvRecord(cells);
}

export function auditCsvLine(e: AuditEntry): string {
  return csvLine([
    e.seq,
    e.at.toISOString(),
    e.actorAccountId,
    e.actorName,
    e.organisationId,
    e.organisationName,
    e.action,
    e.entityType,
    e.entityId,
    e.ip,
    JSON.stringify(e.details),
  ]);
}
