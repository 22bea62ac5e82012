// Editor queues: section texts by state, and translations that lag behind their source. Kysely only.
import type { Db } from '#server/db/db.ts';

export async function findAccountName(db: Db, accountId: string | null): Promise<string | null> {
  if (!accountId) return null;
  const row = await db.selectFrom('account').select('displayName').where('id', '=', accountId).executeTakeFirst();
  return row?.displayName ?? null;
}

export interface TextFilter {
  /** null = every organisation (platform admin). */
  organisationId: string | null;
  publicationId?: string;
  state?: 'draft' | 'in_review' | 'published';
  /** Only translations whose current revision was made from an older source revision than the one published. */
  outdatedOnly?: boolean;
  limit?: number;
}

/** Section texts with their current revision's title and author, and what is needed to tell if they are outdated. */
export function listTexts(db: Db, f: TextFilter) {
  let q = db
    .selectFrom('sectionText as t')
    .innerJoin('section', 'section.id', 't.sectionId')
    .innerJoin('chapter', 'chapter.id', 'section.chapterId')
    .innerJoin('publication', 'publication.id', 'chapter.publicationId')
    .innerJoin('sectionRevision as cr', 'cr.id', 't.currentRevisionId')
    .leftJoin('account as author', 'author.id', 'cr.authorAccountId')
    .leftJoin('sectionRevision as link', 'link.id', 'cr.sourceRevisionId')
    .leftJoin('sectionText as st', (j) => j.onRef('st.sectionId', '=', 't.sectionId').onRef('st.language', '=', 'publication.sourceLanguage'))
    .leftJoin('sectionRevision as sr', 'sr.id', 'st.publishedRevisionId')
    .select([
      't.sectionId',
      'section.slug as sectionSlug',
      'cr.title',
      'chapter.slug as chapterSlug',
      'chapter.titles as chapterTitles',
      'publication.slug as publicationSlug',
      'publication.sourceLanguage',
      't.language',
      't.state',
      't.version',
      'author.displayName as authorName',
      't.updatedAt',
      't.submittedAt',
      't.submittedBy',
      'cr.authorAccountId',
      'link.number as linkedSourceNumber',
      'sr.number as sourceNumber',
    ])
    .orderBy('publication.position')
    .orderBy('chapter.position')
    .orderBy('section.position')
    .orderBy('t.language');
  if (f.organisationId) q = q.where('publication.organisationId', '=', f.organisationId);
  if (f.publicationId) q = q.where('publication.id', '=', f.publicationId);
  if (f.state) q = q.where('t.state', '=', f.state);
  if (f.outdatedOnly) {
    q = q
      .whereRef('t.language', '<>', 'publication.sourceLanguage')
      .where('sr.id', 'is not', null)
      .where((eb) => eb.or([eb('link.id', 'is', null), eb('link.number', '<', eb.ref('sr.number'))]));
  }
  return q.limit(f.limit ?? 500).execute();
}
export type TextListRow = Awaited<ReturnType<typeof listTexts>>[number];

/** Section texts with their current revision, within one organisation's publications (all of them for null). */
function textsWithCurrentRevision(db: Db, organisationId: string | null) {
  const q = db
    .selectFrom('sectionText as t')
    .innerJoin('section', 'section.id', 't.sectionId')
    .innerJoin('chapter', 'chapter.id', 'section.chapterId')
    .innerJoin('publication', 'publication.id', 'chapter.publicationId')
    .innerJoin('sectionRevision as cr', 'cr.id', 't.currentRevisionId')
    .select((eb) => eb.fn.countAll<number>().as('n'));
  return organisationId ? q.where('publication.organisationId', '=', organisationId) : q;
}

/** Texts in review that `reviewerId` may publish: neither written (current revision) nor submitted by them. */
export async function countTextsAwaitingReview(db: Db, organisationId: string | null, reviewerId: string): Promise<number> {
  const q = textsWithCurrentRevision(db, organisationId)
    .where('t.state', '=', 'in_review')
    .where('cr.authorAccountId', 'is distinct from', reviewerId)
    .where('t.submittedBy', 'is distinct from', reviewerId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** Drafts a reviewer sent back with a note whose current revision `authorId` wrote. */
export async function countReturnedTexts(db: Db, organisationId: string | null, authorId: string): Promise<number> {
  const q = textsWithCurrentRevision(db, organisationId).where('t.state', '=', 'draft').where('t.reviewNote', 'is not', null).where('cr.authorAccountId', '=', authorId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}
