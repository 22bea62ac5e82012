// Library PDF cache: one cached file per publication, language and variant — 'public' (professionals-only chapters
// left out) for anonymous readers, 'full' for signed-in ones — so the two never evict each other.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('publication_pdf').addColumn('variant', 'text', (c) => c.notNull().defaultTo('public')).execute();
  await sql`alter table publication_pdf drop constraint publication_pdf_pkey`.execute(db);
  await sql`alter table publication_pdf add constraint publication_pdf_pkey primary key (publication_id, language, variant)`.execute(db);
}
