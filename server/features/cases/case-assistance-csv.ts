// The case team's spreadsheet of assistance records: the categories the reader holds (filtered in SQL), codes, dates
// and provider only — free-text notes stay in the case, a spreadsheet travels too easily. Every cell is defused
// against formula injection (organisation names and roles are typed by people).
import type { Ctx } from '#server/context.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import { csvRecord, xlsxWorkbook } from '#server/lib/spreadsheet-safe.ts';
import { CASE_CATEGORIES } from '#shared/cases/case-vocabulary.ts';
import { auditRead, requireCase } from './case-access.ts';
import { assistanceOf } from './case-export.queries.ts';

const HEADER = ['occurred_on', 'type', 'category', 'state', 'provider_organisation', 'provider_role', 'delivery_mode', 'interpreter_used', 'interpreter_language', 'service_category', 'outcome', 'follow_up_due'];

/** The rows the reader may see, read and audited in one transaction; `format` is recorded with the export. */
async function assistanceRows(ctx: Ctx, caseId: string, format: 'assistance_csv' | 'assistance_xlsx') {
  const grant = await requireCase(ctx, caseId, { kind: 'read', category: 'general' });
  const categories = CASE_CATEGORIES.filter((c) => grant.categories.has(c));
  return ctx.db.transaction().execute(async (trx) => {
    // NOTE: no keyring passed on: the note column is dropped below before anything is written.
    const rows = await assistanceOf(trx, [], caseId, categories, { withNotes: false });
    for (const category of new Set(rows.map((r) => r.category))) await auditRead(ctx, trx, grant, category as (typeof categories)[number], { part: format });
    await recordAudit(ctx, trx, { action: 'case.exported', entityType: 'case', entityId: caseId, organisationId: grant.organisationId, details: { format, categories, rows: rows.length } });
    const cells = rows.map((r) => [r.occurredOn, r.type, r.category, r.state, r.providerOrganisation, r.providerRole, r.deliveryMode, r.interpreterUsed, r.interpreterLanguage, r.serviceCategory, r.outcome, r.followUpDue]);
    return { code: grant.code, cells };
  });
}

export async function assistanceCsv(ctx: Ctx, caseId: string): Promise<{ code: string; csv: string }> {
  const { code, cells } = await assistanceRows(ctx, caseId, 'assistance_csv');
  // NOTE: a byte-order mark so that Excel reads ș ț ø as UTF-8.
  return { code, csv: `\uFEFF${csvRecord(HEADER)}${cells.map(csvRecord).join('')}` };
}

export async function assistanceXlsx(ctx: Ctx, caseId: string): Promise<{ code: string; xlsx: Buffer }> {
  const { code, cells } = await assistanceRows(ctx, caseId, 'assistance_xlsx');
  return { code, xlsx: await xlsxWorkbook('assistance', HEADER, cells) };
}
