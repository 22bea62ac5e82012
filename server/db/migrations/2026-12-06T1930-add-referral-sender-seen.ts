// When the sending organisation last looked at a referral (a change after it is news in the sender's inbox), and the
// indexes the two referral boxes read from.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('referral').addColumn('sender_seen_at', 'timestamptz').execute();
  // NOTE: each box reads its page from an index in order and stops: referrals waiting for an answer by deadline, the
  // others by latest change (server/features/referrals/referral.queries.ts listReferrals).
  await db.schema.createIndex('referral_sender_updated_idx').on('referral').columns(['sender_organisation_id', 'updated_at']).execute();
  await sql`create index referral_receiver_waiting_idx on referral (receiver_organisation_id, due_at, id) where status in ('requested', 'received')`.execute(db);
  await sql`create index referral_sender_waiting_idx on referral (sender_organisation_id, due_at, id) where status in ('requested', 'received')`.execute(db);
  // NOTE: the sender's "news" line counts only referrals changed since the sender last looked: few rows, indexed alone.
  await sql`create index referral_sender_news_idx on referral (sender_organisation_id) where status <> 'draft' and updated_at > coalesce(sender_seen_at, created_at)`.execute(db);
}
