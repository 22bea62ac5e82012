// The outbox table: one row per email, read by the send job and by admins.
import { sql } from 'kysely';
import type { Db } from '#server/db/db.ts';
import type { EmailStatus } from '#shared/email/outbox.schema.ts';

export async function findEmailToSend(db: Db, id: string) {
  return db.selectFrom('outboxEmail').select(['id', 'toAddress', 'subject', 'bodyText', 'status', 'attempts', 'attachments']).where('id', '=', id).executeTakeFirst();
}

export async function recordSendAttempt(
  db: Db,
  id: string,
  o: { status: EmailStatus; attempted: boolean; sentAt?: Date | null; lastError?: string | null },
): Promise<void> {
  await db
    .updateTable('outboxEmail')
    .set((eb) => ({
      status: o.status,
      attempts: o.attempted ? eb('attempts', '+', 1) : eb.ref('attempts'),
      ...(o.sentAt !== undefined ? { sentAt: o.sentAt } : {}),
      ...(o.lastError !== undefined ? { lastError: o.lastError } : {}),
    }))
    .where('id', '=', id)
    .execute();
}

export interface OutboxRowFilter {
  /** Null reads every organisation's emails (platform admins). */
  organisationId: string | null;
  /** Keyset cursor: created_at with microseconds, and id. */
  before?: { at: string; id: string } | undefined;
}

const summaryColumns = ['e.id', 'e.organisationId', 'e.toAddress', 'e.subject', 'e.status', 'e.attempts', 'e.createdAt', 'e.sentAt'] as const;

/** Newest first. `cursorAt` keeps created_at's microseconds, which a JavaScript Date would drop. */
export async function listOutboxRows(db: Db, filter: OutboxRowFilter, limit: number) {
  return db
    .selectFrom('outboxEmail as e')
    .select([...summaryColumns, sql<string>`to_char(e.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('cursorAt')])
    .where((eb) => {
      const all = [];
      if (filter.organisationId !== null) all.push(eb('e.organisationId', '=', filter.organisationId));
      if (filter.before) {
        const { at, id } = filter.before;
        all.push(eb(eb.refTuple('e.createdAt', 'e.id'), '<', eb.tuple(sql<Date>`${at}::timestamptz`, sql<string>`${id}::uuid`)));
      }
      return eb.and(all);
    })
    .orderBy('e.createdAt', 'desc')
    .orderBy('e.id', 'desc')
    .limit(limit)
    .execute();
}

/** One email, only if it is inside the reader's scope (null = every organisation). */
export async function findOutboxEmail(db: Db, id: string, organisationId: string | null) {
  let query = db
    .selectFrom('outboxEmail as e')
    .select([...summaryColumns, 'e.bodyText', 'e.lastError'])
    .where('e.id', '=', id);
  if (organisationId !== null) query = query.where('e.organisationId', '=', organisationId);
  return query.executeTakeFirst();
}
