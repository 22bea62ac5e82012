// Demo data lookups: Kysely only.
import { sql } from 'kysely';
import type { Db } from '#server/db/db.ts';

export async function countOrganisations(db: Db): Promise<number> {
  const row = await db.selectFrom('organisation').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return row.n;
}

export async function findDemoAccountEmails(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('account').select('email').where('isDemo', '=', true).execute();
  return rows.map((r) => r.email);
}
