// Case workflow (issue 10): at most one open break-glass per case and account, even when a coordinator's two tabs ask
// at once. An expired opening is ended (ended_at = expires_at) before a new one is inserted, so the index only ever
// holds the one that counts.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create unique index case_break_glass_one_open on case_break_glass (case_id, account_id) where ended_at is null`.execute(db);
  // NOTE: the owner's banner reads a case's openings newest first.
  await db.schema.createIndex('case_break_glass_case_idx').on('case_break_glass').columns(['case_id', 'opened_at']).execute();
}
