// The participant list as CSV or XLSX for the organiser's own records: every text cell defused against formula
// injection (server/lib/spreadsheet-safe.ts), the export audited with the filters used, never the names.
import type { Ctx } from '#server/context.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import { csvRecord, xlsxWorkbook, type Cell } from '#server/lib/spreadsheet-safe.ts';
import type { ParticipantFilter } from '#shared/events/registration.schema.ts';
import { QUESTION_KEYS } from '#shared/events/event-vocabulary.ts';
import { PARTICIPANTS_LIMIT, requireOrganiser } from './participants.service.ts';
import * as pq from './participants.queries.ts';

const HEADER = ['name', 'email', 'language', 'status', 'priority', 'registered_at', 'checked_in_at', ...QUESTION_KEYS];

function answerCell(value: unknown): Cell {
  if (Array.isArray(value)) return value.join(' ');
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
}

async function rowsFor(ctx: Ctx, eventId: string, filter: ParticipantFilter, format: 'csv' | 'xlsx'): Promise<Cell[][]> {
  await requireOrganiser(ctx, eventId);
  const rows = await pq.listParticipants(ctx.db, eventId, filter, PARTICIPANTS_LIMIT);
  await ctx.db.transaction().execute((trx) =>
    recordAudit(ctx, trx, { action: 'event.participants_exported', entityType: 'event', entityId: eventId, details: { format, filters: Object.keys(filter), rows: rows.length } }),
  );
  return rows.map((r) => [
    r.fullName,
    r.email,
    r.language,
    r.status,
    r.priority,
    r.createdAt.toISOString(),
    r.checkedInAt?.toISOString() ?? null,
    ...QUESTION_KEYS.map((k) => answerCell(r.answers[k])),
  ]);
}

/** CSV with a byte-order mark, so spreadsheet programs read the diacritics as UTF-8. */
export async function participantsCsv(ctx: Ctx, eventId: string, filter: ParticipantFilter): Promise<string> {
  const rows = await rowsFor(ctx, eventId, filter, 'csv');
  return '\uFEFF' + csvRecord(HEADER) + rows.map(csvRecord).join('');
}

export async function participantsXlsx(ctx: Ctx, eventId: string, filter: ParticipantFilter): Promise<Buffer> {
  return xlsxWorkbook('Participants', HEADER, await rowsFor(ctx, eventId, filter, 'xlsx'));
}
