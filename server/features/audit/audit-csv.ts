// CSV for audit exports: RFC 4180 quoting, and cells that a spreadsheet would run as a formula are defused.
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

export function csvLine(cells: readonly (string | number | null)[]): string {
  return cells.map(csvCell).join(',') + '\r\n';
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

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  // NOTE: OWASP "CSV injection": a leading = + - @ tab or CR makes spreadsheets evaluate the cell.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
