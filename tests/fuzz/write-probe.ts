// Sees whether a request wrote anything: a fingerprint of every table (row count and newest xmin, which every
// insert and update moves) taken before and after, compared table by table.
import { sql } from 'kysely';
import type { Db } from '#server/db/db.ts';

export type Fingerprint = Map<string, string>;

export async function tablesOf(db: Db): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_%'
    order by table_name`.execute(db);
  return rows.map((r) => r.name);
}

export async function fingerprint(db: Db, tables: readonly string[]): Promise<Fingerprint> {
  const parts = tables.map(
    (t) => sql`select ${t}::text as t, (count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0)::text) as f from ${sql.table(t)}`,
  );
  const { rows } = await sql<{ t: string; f: string }>`${sql.join(parts, sql` union all `)}`.execute(db);
  return new Map(rows.map((r) => [r.t, r.f]));
}

/** Tables whose fingerprint differs. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  return [...after.keys()].filter((t) => before.get(t) !== after.get(t));
}
