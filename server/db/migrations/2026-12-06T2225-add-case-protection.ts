// Data protection of case files (issue 10): who set a legal hold and why (sealed), which categories the retention
// purge has already removed (so it runs once per category), and the register of erasures on request (the reason
// sealed, the counts as numbers). Forward-only.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('case_file').addColumn('legal_hold_reason', 'text').execute(); // sealed
  await db.schema.alterTable('case_file').addColumn('legal_hold_by', 'uuid', (c) => c.references('account.id').onDelete('set null')).execute();
  await db.schema.alterTable('case_file').addColumn('legal_hold_at', 'timestamptz').execute();
  // CaseCategory codes whose data the retention purge or an erasure removed
  await db.schema.alterTable('case_file').addColumn('purged_categories', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`)).execute();
  // NOTE: the purge looks for closed cases, not anonymised and not on hold; a partial index keeps that scan small.
  await sql`create index case_file_retention_idx on case_file (closed_at) where closed_at is not null and anonymised_at is null and legal_hold = false`.execute(db);

  await db.schema
    .createTable('case_erasure') // an erasure on the person's request: what, when, by whom; the reason sealed
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('case_file.id').onDelete('cascade'))
    .addColumn('scope', 'text', (c) => c.notNull()) // identity | all
    .addColumn('reason', 'text', (c) => c.notNull()) // sealed
    .addColumn('counts', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`)) // rows removed or blanked, by table
    .addColumn('erased_by', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('erased_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('case_erasure_case_idx').on('case_erasure').columns(['case_id', 'erased_at']).execute();
}
