// Library search at scale: a small title-and-headings vector beside the full document, and the document kept inline.
// NOTE (measured on PGlite, 10,000 sections per language, docs/performance.md): a common word matches most sections;
// ranking them all with ts_rank_cd took ~270 ms when `document` lived in TOAST (three buffer reads per row) and ~40 ms
// inline. Search now ranks a bounded candidate set: the best title/heading hits (ranked on `head`, a few lexemes per
// row) plus a slice of body hits — see search.queries.ts.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table section_search add column head tsvector not null default ''::tsvector`.execute(db);
  // MAIN: compressed but kept in the row when it fits; plain_text (read for 10 snippets at most) goes to TOAST first.
  await sql`alter table section_search alter column document set storage main`.execute(db);
  // Existing rows: head = the title (A) and heading (B) lexemes; `|| ''` rewrites document under the new storage.
  await sql`update section_search set head = ts_filter(document, '{a,b}'), document = document || ''::tsvector`.execute(db);
  await sql`create index section_search_head_idx on section_search using gin (head)`.execute(db);
}
