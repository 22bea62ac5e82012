// Library search: text search configurations that fold diacritics inside the parser pipeline.
// NOTE: folding in the configuration (unaccent as a filtering dictionary before the stemmer, the pattern of the
// PostgreSQL unaccent documentation) rather than unaccenting the text before to_tsvector keeps the stored text intact,
// so ts_headline can highlight "victimă", "traficanţi" (cedilla) and "traficanți" (comma) for the query "victima
// traficanti" and still show the words with their diacritics. Norwegian keeps the built-in configuration: folding
// æ/ø/å would merge different words (får/far, sår/sar, før/for) and readers type those letters on their keyboards.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create text search configuration ph_romanian (copy = pg_catalog.romanian)`.execute(db);
  await sql`alter text search configuration ph_romanian
    alter mapping for word, hword, hword_part with public.unaccent, pg_catalog.romanian_stem`.execute(db);
  await sql`create text search configuration ph_english (copy = pg_catalog.english)`.execute(db);
  await sql`alter text search configuration ph_english
    alter mapping for word, hword, hword_part with public.unaccent, pg_catalog.english_stem`.execute(db);
}
