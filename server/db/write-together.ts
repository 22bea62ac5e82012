// Several writes sent as one statement (`with w0 as (…), w1 as (…) <last>`): one round trip instead of one each, for
// the writes a transaction makes while it holds a hot lock (the event row, the audit head).
import { sql, type Compilable, type Kysely, type OperationNodeSource } from 'kysely';
import type { Database } from './schema.ts';

/** An insert or an update, built but not run. */
export type Write = Compilable & OperationNodeSource;

/**
 * Runs `writes` (inserts and updates built on `db`, no `returning`) as one statement, all or none. NOTE: they share
 * one snapshot and cannot see each other's rows, so none may read what another writes, nor two touch the same row;
 * foreign keys between them still hold (checked at the end of the statement).
 */
export async function writeTogether(db: Kysely<Database>, writes: Write[]): Promise<void> {
  const last = writes.at(-1);
  if (!last) return;
  const first = writes.slice(0, -1);
  if (first.length === 0) {
    await sql`${last}`.execute(db);
    return;
  }
  await sql`with ${sql.join(first.map((w, i) => sql`${sql.id(`w${i}`)} as (${w})`))} ${last}`.execute(db);
}
