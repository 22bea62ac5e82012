// When the sending organisation last looked at a referral: a change after it is news in the sender's inbox.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('referral').addColumn('sender_seen_at', 'timestamptz').execute();
  // NOTE: the inbox counts outgoing referrals changed since the sender last looked; this index keeps it a range scan.
  await db.schema.createIndex('referral_sender_updated_idx').on('referral').columns(['sender_organisation_id', 'updated_at']).execute();
}
