// Kysely for the publication PDF: what is published (ids first, bodies only when the cache misses), the cache itself.
import type { Db } from '#server/db/db.ts';

export function findPublication(db: Db, slug: string) {
  return db.selectFrom('publication').select(['id', 'slug', 'titles', 'sourceLanguage', 'version']).where('slug', '=', slug).executeTakeFirst();
}

interface Scope {
  publicationId: string;
  language: string;
  sourceLanguage: string;
  /** Signed-in readers' copy includes professionals-only chapters. */
  includeProfessionals: boolean;
}

/**
 * Every section with a published text in `language` or, failing that, in the source language (the reader shows the
 * same fallback), in reading order, with its chapter.
 */
export function publishedOutline(db: Db, scope: Scope) {
  let q = db
    .selectFrom('section')
    .innerJoin('chapter', 'chapter.id', 'section.chapterId')
    .leftJoin('sectionText as own', (j) => j.onRef('own.sectionId', '=', 'section.id').on('own.language', '=', scope.language))
    .leftJoin('sectionText as src', (j) => j.onRef('src.sectionId', '=', 'section.id').on('src.language', '=', scope.sourceLanguage))
    .select([
      'chapter.id as chapterId',
      'chapter.slug as chapterSlug',
      'chapter.position as chapterPosition',
      'chapter.audience',
      'chapter.titles as chapterTitles',
      'chapter.version as chapterVersion',
      'section.slug as sectionSlug',
      'own.publishedRevisionId as ownRevisionId',
      'own.publishedAt as ownPublishedAt',
      'src.publishedRevisionId as sourceRevisionId',
      'src.publishedAt as sourcePublishedAt',
    ])
    .where('chapter.publicationId', '=', scope.publicationId)
    .where((eb) => eb.or([eb('own.publishedRevisionId', 'is not', null), eb('src.publishedRevisionId', 'is not', null)]))
    .orderBy('chapter.position')
    .orderBy('section.position');
  if (!scope.includeProfessionals) q = q.where('chapter.audience', '=', 'public');
  return q.execute();
}
export type OutlineRow = Awaited<ReturnType<typeof publishedOutline>>[number];

/** Titles (all languages) of the professionals-only chapters: the public copy names what it leaves out. */
export function professionalChapters(db: Db, publicationId: string) {
  return db
    .selectFrom('chapter')
    .select(['titles'])
    .where('publicationId', '=', publicationId)
    .where('audience', '=', 'professionals')
    .orderBy('position')
    .execute();
}

export function revisionTexts(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('sectionRevision').select(['id', 'title', 'bodyMd']).where('id', 'in', ids).execute();
}

interface CacheKey {
  publicationId: string;
  language: string;
  variant: string;
}

export function findCachedPdf(db: Db, key: CacheKey) {
  return db
    .selectFrom('publicationPdf')
    .select(['fingerprint', 'bytes'])
    .where('publicationId', '=', key.publicationId)
    .where('language', '=', key.language)
    .where('variant', '=', key.variant)
    .executeTakeFirst();
}

export async function storePdf(db: Db, key: CacheKey & { fingerprint: string; bytes: Buffer }): Promise<void> {
  await db
    .insertInto('publicationPdf')
    .values(key)
    .onConflict((oc) =>
      oc.columns(['publicationId', 'language', 'variant']).doUpdateSet({ fingerprint: key.fingerprint, bytes: key.bytes }),
    )
    .execute();
}
