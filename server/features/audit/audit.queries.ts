// Reads of the audit trail: filtered pages for admins, and the raw chain in seq order for verification.
import type { ExpressionBuilder } from 'kysely';
import type { Db } from '#server/db/db.ts';
import type { Database } from '#server/db/schema.ts';

export interface AuditRowFilter {
  /** Null reads every organisation (platform admins). */
  organisationId: string | null;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorAccountId?: string | undefined;
  from?: Date | undefined;
  /** Exclusive upper bound. */
  until?: Date | undefined;
  /** Only entries older than this seq. */
  before?: number | undefined;
}

type Eb = ExpressionBuilder<Database & { e: Database['auditEvent'] }, 'e'>;

function conditions(eb: Eb, f: AuditRowFilter) {
  const all = [];
  if (f.organisationId !== null) all.push(eb('e.organisationId', '=', f.organisationId));
  if (f.action) {
    // NOTE: "invitation" also finds "invitation.created"; "_" is a LIKE wildcard, so it is escaped.
    const prefix = `${f.action.replaceAll('_', '\\_')}.%`;
    all.push(eb.or([eb('e.action', '=', f.action), eb('e.action', 'like', prefix)]));
  }
  if (f.entityType) all.push(eb('e.entityType', '=', f.entityType));
  if (f.entityId) all.push(eb('e.entityId', '=', f.entityId));
  if (f.actorAccountId) all.push(eb('e.actorAccountId', '=', f.actorAccountId));
  if (f.from) all.push(eb('e.at', '>=', f.from));
  if (f.until) all.push(eb('e.at', '<', f.until));
  if (f.before !== undefined) all.push(eb('e.seq', '<', f.before));
  return eb.and(all);
}

/** Newest first, with the actor's display name and the organisation's name. */
export async function listAuditRows(db: Db, filter: AuditRowFilter, limit: number) {
  const rows = await db
    .selectFrom('auditEvent as e')
    .leftJoin('account as a', 'a.id', 'e.actorAccountId')
    .leftJoin('organisation as o', 'o.id', 'e.organisationId')
    .select([
      'e.seq',
      'e.at',
      'e.actorAccountId',
      'a.displayName as actorName',
      'e.organisationId',
      'o.name as organisationName',
      'e.action',
      'e.entityType',
      'e.entityId',
      'e.ip',
      'e.details',
    ])
    .where((eb) => conditions(eb, filter))
    .orderBy('e.seq', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}

/** The next `limit` chain rows after `afterSeq`, up to `untilSeq`, in seq order. */
export async function chainRowsAfter(db: Db, afterSeq: number, untilSeq: number, limit: number) {
  const rows = await db
    .selectFrom('auditEvent')
    .select(['seq', 'at', 'actorAccountId', 'organisationId', 'action', 'entityType', 'entityId', 'ip', 'details', 'prevHash', 'hash'])
    .where('seq', '>', afterSeq)
    .where('seq', '<=', untilSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}

export async function readAuditHead(db: Db): Promise<{ lastSeq: number; lastHash: string }> {
  const head = await db.selectFrom('auditHead').select(['lastSeq', 'lastHash']).where('id', '=', 1).executeTakeFirstOrThrow();
  return { lastSeq: Number(head.lastSeq), lastHash: head.lastHash };
}

