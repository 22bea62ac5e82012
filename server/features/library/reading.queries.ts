// What readers see: published section texts in a language, beside the source language's, with word counts. Kysely only.
import { sql } from 'kysely';
import type { Db } from '#server/db/db.ts';

interface Scope {
  publicationId: string;
  chapterId?: string;
  language: string;
  sourceLanguage: string;
}

/** Every section of a publication (or one chapter) with its published text in `language` and in the source language. */
export function publishedSections(db: Db, scope: Scope) {
  let q = db
    .selectFrom('section')
    .innerJoin('chapter', 'chapter.id', 'section.chapterId')
    .leftJoin('sectionText as tt', (j) => j.onRef('tt.sectionId', '=', 'section.id').on('tt.language', '=', scope.language))
    .leftJoin('sectionRevision as tr', 'tr.id', 'tt.publishedRevisionId')
    .leftJoin('sectionRevision as link', 'link.id', 'tr.sourceRevisionId')
    .leftJoin('sectionText as st', (j) => j.onRef('st.sectionId', '=', 'section.id').on('st.language', '=', scope.sourceLanguage))
    .leftJoin('sectionRevision as sr', 'sr.id', 'st.publishedRevisionId')
    .select([
      'section.id',
      'section.slug',
      'section.chapterId',
      'tr.id as revisionId',
      'tr.title',
      'tt.publishedAt',
      'link.number as linkedSourceNumber',
      'sr.id as sourceRevisionId',
      'sr.title as sourceTitle',
      'sr.number as sourceNumber',
      'st.publishedAt as sourcePublishedAt',
    ])
    .select(['tr.wordCount as words', 'sr.wordCount as sourceWords'])
    .where('chapter.publicationId', '=', scope.publicationId)
    .orderBy('chapter.position')
    .orderBy('section.position');
  if (scope.chapterId) q = q.where('chapter.id', '=', scope.chapterId);
  return q.execute();
}
export type PublishedSectionRow = Awaited<ReturnType<typeof publishedSections>>[number];

/** Languages with published text, per publication (or for one chapter). */
export function publishedLanguages(db: Db, filter: { publicationId?: string; chapterId?: string } = {}) {
  let q = db
    .selectFrom('sectionText')
    .innerJoin('section', 'section.id', 'sectionText.sectionId')
    .innerJoin('chapter', 'chapter.id', 'section.chapterId')
    .select(['chapter.publicationId', 'sectionText.language'])
    .where('sectionText.publishedRevisionId', 'is not', null)
    .distinct();
  if (filter.publicationId) q = q.where('chapter.publicationId', '=', filter.publicationId);
  if (filter.chapterId) q = q.where('chapter.id', '=', filter.chapterId);
  return q.execute();
}

export function chapterCounts(db: Db) {
  return db
    .selectFrom('chapter')
    .select(['publicationId', sql<number>`count(*)::int`.as('n')])
    .groupBy('publicationId')
    .execute();
}
