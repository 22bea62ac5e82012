// Kysely for the search index: section_search rows and the search_word vocabulary.
import { sql } from 'kysely';
import type { Db } from '#server/db/db.ts';
import { forgetSearchMemo } from './search-memo.ts';

export interface IndexSource {
  title: string;
  bodyMd: string;
  publicationId: string;
  chapterId: string;
}

export async function findIndexSource(db: Db, sectionId: string, revisionId: string): Promise<IndexSource | undefined> {
  return db
    .selectFrom('sectionRevision as r')
    .innerJoin('section as s', 's.id', 'r.sectionId')
    .innerJoin('chapter as c', 'c.id', 's.chapterId')
    .select(['r.title', 'r.bodyMd', 'c.publicationId', 's.chapterId'])
    .where('r.id', '=', revisionId)
    .where('r.sectionId', '=', sectionId)
    .executeTakeFirst();
}

export interface IndexRow {
  sectionId: string;
  language: string;
  revisionId: string;
  publicationId: string;
  chapterId: string;
  title: string;
  headings: string;
  body: string;
  plainText: string;
  config: string;
}

/**
 * Title weighs A, headings inside the body B, the body C: ts_rank_cd ranks a title hit above a body hit. `head` holds
 * the title and heading lexemes alone, so the best title hits can be found without reading whole documents.
 */
export async function upsertSectionSearch(db: Db, row: IndexRow): Promise<void> {
  forgetSearchMemo();
  const cfg = sql`${row.config}::regconfig`;
  const head = sql<string>`setweight(to_tsvector(${cfg}, ${row.title}), 'A') || setweight(to_tsvector(${cfg}, ${row.headings}), 'B')`;
  const document = sql<string>`${head} || setweight(to_tsvector(${cfg}, ${row.body}), 'C')`;
  const values = {
    sectionId: row.sectionId,
    language: row.language,
    revisionId: row.revisionId,
    publicationId: row.publicationId,
    chapterId: row.chapterId,
    title: row.title,
    plainText: row.plainText,
    document,
    head,
  };
  await db
    .insertInto('sectionSearch')
    .values(values)
    .onConflict((oc) =>
      // NOTE: the vectors from `excluded`, not computed again: to_tsvector is most of an update's time.
      oc.columns(['sectionId', 'language']).doUpdateSet((eb) => ({
        revisionId: row.revisionId,
        publicationId: row.publicationId,
        chapterId: row.chapterId,
        title: row.title,
        plainText: row.plainText,
        document: eb.ref('excluded.document'),
        head: eb.ref('excluded.head'),
      })),
    )
    .execute();
}

/**
 * Remembers the distinct words of a text (lower case, 3–40 letters) for typo correction; with `fold`, each word
 * also without diacritics, so a query typed without them is corrected to a word in the same spelling.
 */
export async function addSearchWords(db: Db, language: string, text: string, fold: boolean): Promise<void> {
  forgetSearchMemo();
  await sql`insert into search_word (language, word)
    select ${language}, w from (
      select distinct unnest(case when ${fold} then array[t, ph_unaccent(t)] else array[t] end) as w
      from unnest(tsvector_to_array(to_tsvector('simple', ${text}))) as t
    ) words
    where char_length(w) between 3 and 40 and w ~ '^[[:alpha:]]+$'
    on conflict do nothing`.execute(db);
}

export async function deleteSectionSearch(db: Db, sectionId: string, language: string): Promise<void> {
  forgetSearchMemo();
  await db.deleteFrom('sectionSearch').where('sectionId', '=', sectionId).where('language', '=', language).execute();
}
