// The consent ledger of a case (issue 10): the language an interpreter worked in, an insertion order that decides
// which record of a scope is current (two records may carry the same recorded_at), and the case a referral was sent
// from (referral.case_id stays the RECEIVER's case opened from the referral).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('consent').addColumn('interpreter_language', 'text').execute(); // ISO 639-1, when an interpreter helped
  // NOTE: the newest record for a scope (and receiver) is the one in force; this order never ties, unlike a clock.
  await sql`alter table consent add column seq bigint generated always as identity`.execute(db);
  await db.schema.createIndex('consent_case_seq_idx').on('consent').columns(['case_id', 'seq']).execute();
  await db.schema.alterTable('referral').addColumn('source_case_id', 'uuid', (c) => c.references('case_file.id')).execute();
  await db.schema.createIndex('referral_source_case_idx').on('referral').column('source_case_id').execute();
}
