// The library search thesaurus, editable in the desk: groups of synonyms per language (seeded from
// content/search/thesaurus.json by the content import). Platform-wide: search is per language, not per organisation.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('search_synonym_group')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('language', 'text', (c) => c.notNull()) // ro | en | nb
    .addColumn('terms', 'jsonb', (c) => c.notNull()) // lower-case words or phrases, each finds the others
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('search_synonym_group_language_idx').on('search_synonym_group').columns(['language', 'position']).execute();
}
