// Library search: the chapter of each indexed section, so "professionals-only chapters only for signed-in readers"
// is a look-up in the small chapter table instead of a join through every section (measured: ~9 ms a query on PGlite
// at 10,000 sections per language). A section never moves to another chapter; indexSectionText writes it.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table section_search add column chapter_id uuid references chapter(id) on delete cascade`.execute(db);
  await sql`update section_search ss set chapter_id = s.chapter_id from section s where s.id = ss.section_id`.execute(db);
  await sql`alter table section_search alter column chapter_id set not null`.execute(db);
}
