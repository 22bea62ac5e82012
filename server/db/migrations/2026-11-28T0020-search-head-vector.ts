// Library search at scale (measured on PGlite with 10,000 sections per language, docs/performance.md):
// - `head`: the title (A) and heading (B) lexemes alone, so the best title hits are found without whole documents;
// - document and plain_text stored uncompressed and out of line (EXTERNAL, small toast_tuple_target): rows scanned
//   for matching stay narrow, and ranking a document costs no pglz decompression (slow in WebAssembly);
// - GIN indexes per language, without a pending list: a common English word no longer builds a bitmap of every
//   Romanian and Norwegian text quoting an English source, and searches never scan an unmerged pending list.
// NOTE: a new library language needs its two partial indexes here too (a new migration), or its searches scan.
import { sql, type Kysely } from 'kysely';

const LANGUAGES = ['en', 'ro', 'nb'];

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table section_search add column head tsvector not null default ''::tsvector`.execute(db);
  await sql`update section_search set head = ts_filter(document, '{a,b}')`.execute(db);
  await sql`alter table section_search alter column document set storage external`.execute(db);
  await sql`alter table section_search alter column plain_text set storage external`.execute(db);
  await sql`alter table section_search set (toast_tuple_target = 256)`.execute(db);
  await sql`drop index section_search_document_idx`.execute(db);
  for (const lang of LANGUAGES) {
    await sql`create index ${sql.raw(`section_search_document_${lang}_idx`)} on section_search
      using gin (document) with (fastupdate = off) where language = ${sql.lit(lang)}`.execute(db);
    await sql`create index ${sql.raw(`section_search_head_${lang}_idx`)} on section_search
      using gin (head) with (fastupdate = off) where language = ${sql.lit(lang)}`.execute(db);
  }
}
