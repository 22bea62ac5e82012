// Library structure rows: publications, chapters, sections. Kysely only.
import { sql } from 'kysely';
import type { Db } from '#server/db/db.ts';

export const PUBLICATION_COLUMNS = ['publication.id', 'publication.slug', 'publication.organisationId', 'publication.sourceLanguage', 'publication.titles', 'publication.position'] as const;

export function findPublicationBySlug(db: Db, slug: string) {
  return db.selectFrom('publication').select(PUBLICATION_COLUMNS).where('slug', '=', slug).executeTakeFirst();
}

export function findPublicationById(db: Db, id: string) {
  return db.selectFrom('publication').select(PUBLICATION_COLUMNS).where('id', '=', id).executeTakeFirst();
}

/** All publications, or those of one organisation. */
export function listPublications(db: Db, organisationId?: string) {
  let q = db.selectFrom('publication').select(PUBLICATION_COLUMNS).orderBy('position').orderBy('slug');
  if (organisationId) q = q.where('organisationId', '=', organisationId);
  return q.execute();
}

export function countPublications(db: Db): Promise<number> {
  return db
    .selectFrom('publication')
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow()
    .then((r) => r.n);
}

export interface PublicationValues {
  slug: string;
  organisationId: string;
  sourceLanguage: string;
  titles: Record<string, string>;
  position: number;
}

/** Creates or updates by slug; the owning organisation of an existing publication is kept. */
export async function upsertPublication(db: Db, v: PublicationValues): Promise<string> {
  const row = await db
    .insertInto('publication')
    .values({ ...v, titles: JSON.stringify(v.titles) })
    .onConflict((oc) =>
      oc.column('slug').doUpdateSet((eb) => ({
        titles: eb.ref('excluded.titles'),
        position: eb.ref('excluded.position'),
        version: sql`publication.version + 1`,
      })).where((eb) => eb.or([eb('publication.titles', 'is distinct from', eb.ref('excluded.titles')), eb('publication.position', '<>', eb.ref('excluded.position'))])),
    )
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? (await findPublicationBySlug(db, v.slug))!.id;
}

export interface ChapterValues {
  publicationId: string;
  slug: string;
  position: number;
  audience: string;
  titles: Record<string, string>;
  summaries: Record<string, string>;
  audienceReasons: Record<string, string>;
}

export async function upsertChapter(db: Db, v: ChapterValues): Promise<string> {
  const row = await db
    .insertInto('chapter')
    .values({ ...v, titles: JSON.stringify(v.titles), summaries: JSON.stringify(v.summaries), audienceReasons: JSON.stringify(v.audienceReasons) })
    .onConflict((oc) =>
      oc.columns(['publicationId', 'slug']).doUpdateSet((eb) => ({
        position: eb.ref('excluded.position'),
        audience: eb.ref('excluded.audience'),
        titles: eb.ref('excluded.titles'),
        summaries: eb.ref('excluded.summaries'),
        audienceReasons: eb.ref('excluded.audienceReasons'),
        version: sql`chapter.version + 1`,
      })).where((eb) =>
        eb.or([
          eb('chapter.position', '<>', eb.ref('excluded.position')),
          eb('chapter.audience', '<>', eb.ref('excluded.audience')),
          eb('chapter.titles', 'is distinct from', eb.ref('excluded.titles')),
          eb('chapter.summaries', 'is distinct from', eb.ref('excluded.summaries')),
          eb('chapter.audienceReasons', 'is distinct from', eb.ref('excluded.audienceReasons')),
        ]),
      ),
    )
    .returning('id')
    .executeTakeFirst();
  if (row) return row.id;
  const found = await db.selectFrom('chapter').select('id').where('publicationId', '=', v.publicationId).where('slug', '=', v.slug).executeTakeFirstOrThrow();
  return found.id;
}

export async function upsertSection(db: Db, v: { chapterId: string; slug: string; position: number }): Promise<string> {
  const row = await db
    .insertInto('section')
    .values(v)
    .onConflict((oc) => oc.columns(['chapterId', 'slug']).doUpdateSet((eb) => ({ position: eb.ref('excluded.position') })).where('section.position', '<>', (eb) => eb.ref('excluded.position')))
    .returning('id')
    .executeTakeFirst();
  if (row) return row.id;
  const found = await db.selectFrom('section').select('id').where('chapterId', '=', v.chapterId).where('slug', '=', v.slug).executeTakeFirstOrThrow();
  return found.id;
}

export function listChapters(db: Db, publicationId: string) {
  return db
    .selectFrom('chapter')
    .select(['chapter.id', 'chapter.slug', 'chapter.position', 'chapter.audience', 'chapter.titles', 'chapter.summaries', 'chapter.audienceReasons'])
    .where('publicationId', '=', publicationId)
    .orderBy('position')
    .execute();
}

export function listSectionsOfPublication(db: Db, publicationId: string) {
  return db
    .selectFrom('section')
    .innerJoin('chapter', 'chapter.id', 'section.chapterId')
    .select(['section.id', 'section.slug', 'section.position', 'section.chapterId'])
    .where('chapter.publicationId', '=', publicationId)
    .orderBy('chapter.position')
    .orderBy('section.position')
    .execute();
}

/** A section with its chapter and publication (for policy checks and headings). */
export function findSectionContext(db: Db, sectionId: string) {
  return db
    .selectFrom('section')
    .innerJoin('chapter', 'chapter.id', 'section.chapterId')
    .innerJoin('publication', 'publication.id', 'chapter.publicationId')
    .select([
      'section.id as sectionId',
      'section.slug as sectionSlug',
      'chapter.id as chapterId',
      'chapter.slug as chapterSlug',
      'chapter.titles as chapterTitles',
      'chapter.audience',
      'publication.id as publicationId',
      'publication.slug as publicationSlug',
      'publication.titles as publicationTitles',
      'publication.organisationId',
      'publication.sourceLanguage',
    ])
    .where('section.id', '=', sectionId)
    .executeTakeFirst();
}
export type SectionContext = NonNullable<Awaited<ReturnType<typeof findSectionContext>>>;

/** The organisation a CLI import attaches publications to: by id or exact name. */
export function findOrganisationByIdOrName(db: Db, idOrName: string) {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrName);
  return db
    .selectFrom('organisation')
    .select(['id', 'name'])
    .where((eb) => (isUuid ? eb.or([eb('id', '=', idOrName), eb('name', '=', idOrName)]) : eb('name', '=', idOrName)))
    .executeTakeFirst();
}

export function findFirstOrganisation(db: Db) {
  return db.selectFrom('organisation').select(['id', 'name']).orderBy('createdAt').orderBy('id').limit(1).executeTakeFirst();
}
