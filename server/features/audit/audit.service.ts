// Audit trail: one append-only, hash-chained row per action, written in the same transaction as the change.
import { createHash } from 'node:crypto';
import type { Selectable, Transaction } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '#server/config.ts';
import type { Ctx } from '#server/context.ts';
import type { Db } from '#server/db/db.ts';
import { writeTogether } from '#server/db/write-together.ts';
import type { AuditEventTable, Database } from '#server/db/schema.ts';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  /** Ids and field names only, never personal values. */
  details?: Record<string, unknown>;
  /** Defaults to the actor's organisation. */
  organisationId?: string | null;
  /** Defaults to the actor; set for sign-in attempts and system actions. */
  actorAccountId?: string | null;
}

/** What the hash covers: the row without its own hashes, with its details as an object. */
export type ChainedRow = Omit<Selectable<AuditEventTable>, 'details' | 'prevHash' | 'hash'> & { details: Record<string, unknown> };

/** Appends one entry; the caller's transaction must also hold the change it records. */
export async function recordAudit(ctx: Pick<Ctx, 'now' | 'actor' | 'ip'>, trx: Transaction<Database>, entry: AuditEntry): Promise<void> {
  if (!trx.isTransaction) throw new Error('recordAudit must run inside the transaction of the change');
  // NOTE: locking the head row serialises appends across app instances, so the chain has one order.
  const head = await trx.selectFrom('auditHead').select(['lastSeq', 'lastHash']).where('id', '=', 1).forUpdate().executeTakeFirstOrThrow();
  const row: ChainedRow = {
    seq: Number(head.lastSeq) + 1,
    at: ctx.now,
    actorAccountId: entry.actorAccountId === undefined ? (ctx.actor?.accountId ?? null) : entry.actorAccountId,
    organisationId: entry.organisationId === undefined ? (ctx.actor?.organisationId ?? null) : entry.organisationId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    ip: ctx.ip,
    details: entry.details ?? {},
  };
  const hash = chainHash(head.lastHash, row);
  // NOTE: the entry and the new head in one statement: one round trip less while every audited transaction waits.
  await writeTogether(trx, [
    trx.insertInto('auditEvent').values({ ...row, details: JSON.stringify(row.details), prevHash: head.lastHash, hash }),
    trx.updateTable('auditHead').set({ lastSeq: row.seq, lastHash: hash }).where('id', '=', 1),
  ]);
}

/** The context of an action nobody in particular took: a scheduled job, a CLI command. Audited with actor null. */
export function systemCtx(db: Db, config: Config, log: FastifyBaseLogger, now: Date = new Date()): Ctx {
  return { db, actor: null, now, log, ip: null, config };
}

/** hash = SHA-256(prev_hash ‖ canonical JSON of the row). */
export function chainHash(prevHash: string, row: ChainedRow): string {
  return createHash('sha256').update(prevHash).update(canonicalJson({ ...row, at: row.at.toISOString() })).digest('hex');
}

/** JSON with object keys sorted at every level, so the same row always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
