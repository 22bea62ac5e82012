// Reading the audit trail: admins browse and filter it, export it as CSV (audited), platform admins verify the chain.
import type { Ctx } from '#server/context.ts';
import { actorOf } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import type { AuditEntry, AuditFilter, AuditListQuery, AuditPage, AuditVerify } from '#shared/audit/audit.schema.ts';
import { verifyAuditChain } from './audit-chain.service.ts';
import { auditCsvLine, csvLine, CSV_HEADER } from './audit-csv.ts';
import { adminReadScope, type ReadScope } from '#server/http/access.ts';
import { canVerifyChain } from './audit.policy.ts';
import { listAuditRows, type AuditRowFilter } from './audit.queries.ts';
import { recordAudit } from './audit.service.ts';

const EXPORT_BATCH = 1000;
/** An export past this many rows is cut short (and says so in its audit entry): narrow the filters instead. */
export const EXPORT_MAX_ROWS = 100_000;

/** One page of entries, newest first. Reading is not audited: every read would add an entry and flood the trail. */
export async function listAudit(ctx: Ctx, query: AuditListQuery): Promise<AuditPage> {
  const filter = rowFilter(readScopeOf(ctx, query.organisationId), query);
  const rows = await listAuditRows(ctx.db, { ...filter, before: query.before }, query.limit + 1);
  const items = rows.slice(0, query.limit);
  const more = rows.length > query.limit;
  return { items, nextBefore: more ? (items.at(-1)?.seq ?? null) : null };
}

/** The filtered trail as CSV, oldest last like the list. The export itself is recorded as `audit.exported`. */
export async function exportAuditCsv(ctx: Ctx, filters: AuditFilter): Promise<string> {
  const scope = readScopeOf(ctx, filters.organisationId);
  const filter = rowFilter(scope, filters);
  const parts = [csvLine(CSV_HEADER)];
  let before: number | undefined;
  let rows = 0;
  while (rows < EXPORT_MAX_ROWS) {
    const batch: AuditEntry[] = await listAuditRows(ctx.db, { ...filter, before }, Math.min(EXPORT_BATCH, EXPORT_MAX_ROWS - rows));
    for (const entry of batch) parts.push(auditCsvLine(entry));
    rows += batch.length;
    before = batch.at(-1)?.seq;
    if (batch.length < EXPORT_BATCH) break;
  }
  await ctx.db.transaction().execute((trx) =>
    recordAudit(ctx, trx, {
      action: 'audit.exported',
      entityType: 'audit_event',
      organisationId: scope.all ? (ctx.actor?.organisationId ?? null) : scope.organisationId,
      details: { rows, truncated: rows >= EXPORT_MAX_ROWS, filters: filterDetails(filters) },
    }),
  );
  return parts.join('');
}

/** The whole chain, checked. */
export async function verifyAudit(ctx: Ctx): Promise<AuditVerify> {
  if (!canVerifyChain(actorOf(ctx))) throw new AppError('forbidden', 'Only platform administrators can verify the audit chain.');
  return verifyAuditChain(ctx.db);
}

function readScopeOf(ctx: Ctx, organisationId: string | undefined): ReadScope {
  const scope = adminReadScope(actorOf(ctx), organisationId);
  if (!scope) throw new AppError('forbidden', 'You can read only the audit trail of your own organisation.');
  return scope;
}

function rowFilter(scope: ReadScope, f: AuditFilter): AuditRowFilter {
  return {
    organisationId: scope.all ? null : scope.organisationId,
    action: f.action,
    entityType: f.entityType,
    entityId: f.entityId,
    actorAccountId: f.actorAccountId,
    from: f.from ? startOf(f.from) : undefined,
    until: f.to ? endOf(f.to) : undefined,
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;
const isDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

/** A bare day means that UTC day; a timestamp means itself. */
function startOf(value: string): Date {
  return new Date(isDay(value) ? `${value}T00:00:00Z` : value);
}

/** Exclusive upper bound: a day includes all of it; a timestamp includes its own millisecond. */
function endOf(value: string): Date {
  return new Date(startOf(value).getTime() + (isDay(value) ? DAY_MS : 1));
}

/** Filter values are ids, action codes and dates, never personal values, so they may go into `details`. */
function filterDetails(f: AuditFilter): Record<string, string> {
  return Object.fromEntries(Object.entries(f).filter((kv): kv is [string, string] => typeof kv[1] === 'string'));
}
