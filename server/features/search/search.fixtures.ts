// Test fixture: a published, indexed section text written straight into the library tables, for tests that need
// exact texts (ranking, diacritics, escaping) beside the real content imported by the library feature.
import type { Db } from '#server/db/db.ts';
import { indexSectionText } from './search-index.service.ts';

/** One published revision (number 1) of a section text, indexed for search; returns the revision id. */
export async function publishText(db: Db, sectionId: string, language: string, title: string, bodyMd: string): Promise<string> {
  const { id } = await db.insertInto('sectionRevision').values({ sectionId, language, number: 1, title, bodyMd }).returning('id').executeTakeFirstOrThrow();
  await db
    .insertInto('sectionText')
    .values({ sectionId, language, state: 'published', currentRevisionId: id, publishedRevisionId: id, publishedAt: new Date() })
    .execute();
  await indexSectionText(db, { sectionId, language, revisionId: id });
  return id;
}
