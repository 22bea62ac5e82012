// Section texts (workflow state per section × language) and their immutable revisions. Kysely only.
import { sql, type Updateable } from 'kysely';
import type { Db } from '#server/db/db.ts';
import type { SectionTextTable } from '#server/db/schema.ts';

export const REVISION_COLUMNS = [
  'sectionRevision.id',
  'sectionRevision.sectionId',
  'sectionRevision.number',
  'sectionRevision.language',
  'sectionRevision.title',
  'sectionRevision.bodyMd',
  'sectionRevision.authorAccountId',
  'sectionRevision.sourceRevisionId',
  'sectionRevision.note',
  'sectionRevision.createdAt',
] as const;

const TEXT_COLUMNS = [
  'sectionText.sectionId',
  'sectionText.language',
  'sectionText.state',
  'sectionText.currentRevisionId',
  'sectionText.publishedRevisionId',
  'sectionText.submittedBy',
  'sectionText.submittedAt',
  'sectionText.publishedBy',
  'sectionText.publishedAt',
  'sectionText.updatedAt',
  'sectionText.version',
  'sectionText.reviewNote',
  'sectionText.reviewNoteBy',
  'sectionText.reviewNoteAt',
] as const;

export function findText(db: Db, sectionId: string, language: string, lock = false) {
  let q = db.selectFrom('sectionText').select(TEXT_COLUMNS).where('sectionId', '=', sectionId).where('language', '=', language);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}
export type TextRow = NonNullable<Awaited<ReturnType<typeof findText>>>;

/** All texts of a section (every language), for imports that compare against what is there. */
export function listTextsOfSections(db: Db, sectionIds: string[]) {
  if (sectionIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('sectionText').select(TEXT_COLUMNS).where('sectionId', 'in', sectionIds).execute();
}

export function findRevision(db: Db, id: string) {
  return db
    .selectFrom('sectionRevision')
    .leftJoin('account', 'account.id', 'sectionRevision.authorAccountId')
    .select(REVISION_COLUMNS)
    .select('account.displayName as authorName')
    .where('sectionRevision.id', '=', id)
    .executeTakeFirst();
}
export type RevisionRow = NonNullable<Awaited<ReturnType<typeof findRevision>>>;

export function findRevisions(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('sectionRevision').select(REVISION_COLUMNS).where('id', 'in', ids).execute();
}

export function listRevisions(db: Db, sectionId: string, language: string) {
  return db
    .selectFrom('sectionRevision')
    .leftJoin('account', 'account.id', 'sectionRevision.authorAccountId')
    .select(REVISION_COLUMNS)
    .select('account.displayName as authorName')
    .where('sectionRevision.sectionId', '=', sectionId)
    .where('sectionRevision.language', '=', language)
    .orderBy('sectionRevision.number', 'desc')
    .execute();
}

export interface RevisionValues {
  sectionId: string;
  language: string;
  title: string;
  bodyMd: string;
  authorAccountId: string | null;
  sourceRevisionId: string | null;
  note?: string | null;
  createdAt: Date;
  /** The HTML rendered from bodyMd and the renderer version (section-html.ts); null when not rendered. */
  bodyHtml?: string | null;
  htmlVersion?: number | null;
}

/** The stored HTML of revisions; their Markdown only for those without HTML of `htmlVersion` (to render them). */
export function findRevisionHtml(db: Db, ids: string[], htmlVersion: number) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('sectionRevision')
    .select(['id', 'bodyHtml', 'htmlVersion'])
    .select(sql<string | null>`case when html_version = ${htmlVersion} and body_html is not null then null else body_md end`.as('bodyMd'))
    .where('id', 'in', ids)
    .execute();
}

/** Stores a revision's HTML; the Markdown never changes, so this only fills in (or renews) what is derived from it. */
export async function setRevisionHtml(db: Db, id: string, bodyHtml: string, htmlVersion: number): Promise<void> {
  await db.updateTable('sectionRevision').set({ bodyHtml, htmlVersion }).where('id', '=', id).execute();
}

/** Appends a revision numbered one past the last of its section × language. */
/** A word: a run of non-space holding at least one letter or digit (table pipes do not count). */
const WORD_PATTERN = '[^[:space:]]*[[:alnum:]][^[:space:]]*';

/** Inserts the next revision of a section text; its words are counted here, once, for reading times. */
export async function insertRevision(db: Db, v: RevisionValues): Promise<{ id: string; number: number }> {
  const next = db
    .selectFrom('sectionRevision')
    .select(sql<number>`coalesce(max(number), 0) + 1`.as('n'))
    .where('sectionId', '=', v.sectionId)
    .where('language', '=', v.language);
  return db
    .insertInto('sectionRevision')
    .values({
      ...v,
      note: v.note ?? null,
      number: sql<number>`(${next})`,
      wordCount: sql<number>`coalesce(regexp_count(${v.bodyMd}::text, ${WORD_PATTERN}), 0)::int`,
    })
    .returning(['id', 'number'])
    .executeTakeFirstOrThrow();
}

export interface NewText {
  sectionId: string;
  language: string;
  state: string;
  currentRevisionId: string;
  publishedRevisionId: string | null;
  publishedBy?: string | null;
  publishedAt?: Date | null;
  updatedAt: Date;
}

export async function insertText(db: Db, v: NewText): Promise<void> {
  await db.insertInto('sectionText').values(v).execute();
}

/** The columns a workflow step may change; `updatedAt` always. */
export type TextChange = Omit<Updateable<SectionTextTable>, 'sectionId' | 'language' | 'version' | 'updatedAt'> & { updatedAt: Date };

/** Applies a change only when the text is still at `version`; returns false when someone was faster. */
export async function updateText(db: Db, sectionId: string, language: string, version: number, change: TextChange): Promise<boolean> {
  const result = await db
    .updateTable('sectionText')
    .set({ ...change, version: sql`version + 1` })
    .where('sectionId', '=', sectionId)
    .where('language', '=', language)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The published (or, for `current`, the latest saved) text of every section of a publication, per language. */
export function listPublicationTexts(db: Db, publicationId: string, which: 'published' | 'current') {
  const pointer = which === 'published' ? 'sectionText.publishedRevisionId' : 'sectionText.currentRevisionId';
  return db
    .selectFrom('sectionText')
    .innerJoin('section', 'section.id', 'sectionText.sectionId')
    .innerJoin('chapter', 'chapter.id', 'section.chapterId')
    .innerJoin('sectionRevision', 'sectionRevision.id', pointer)
    .select(['section.id as sectionId', 'section.slug', 'section.chapterId', 'sectionText.language', 'sectionRevision.title', 'sectionRevision.bodyMd'])
    .where('chapter.publicationId', '=', publicationId)
    .orderBy('chapter.position')
    .orderBy('section.position')
    .execute();
}
