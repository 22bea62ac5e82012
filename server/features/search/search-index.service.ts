// Search index: keeps one full-text row per published section text, so readers can search the library per language.
// The library feature calls these inside its publish, import and unpublish transactions; the text of a body is
// extracted before, in a worker thread (sectionSearchText), so the transaction does not wait on a Markdown parse.
import type { Db } from '#server/db/db.ts';
import { AppError } from '#server/errors.ts';
import { PoolBusyError, isInputFailure, shortTasks } from '#server/lib/worker-pool.ts';
import { rawSectionText, type SectionText, type markdownText } from './markdown-text.ts';
import { FOLDS_DIACRITICS, tsConfig } from './search-language.ts';
import { addSearchWords, deleteSectionSearch, findIndexSource, upsertSectionSearch } from './search-index.queries.ts';
import { SECTION_BODY_MAX } from '#shared/library/library-edit.schema.ts';
import type { LibraryLanguage } from '#shared/library/library.schema.ts';

export type { SectionText };

const MARKDOWN_TEXT = new URL('./markdown-text.ts', import.meta.url);

export interface SectionTextRef {
  sectionId: string;
  language: string;
  /** The published revision to index. */
  revisionId: string;
  /** Its text from sectionSearchText, when the caller extracted it before its transaction. */
  text?: SectionText;
}

/**
 * The words of a section body for the index, extracted in a worker thread under its time limit. A body that cannot be
 * parsed in time (only ever an old one: the editor refuses such a text) is indexed as written instead.
 */
export async function sectionSearchText(bodyMd: string): Promise<SectionText> {
  try {
    return await shortTasks.call<typeof markdownText>(MARKDOWN_TEXT, 'markdownText', [bodyMd]);
  } catch (error) {
    if (error instanceof PoolBusyError) throw new AppError('unavailable', 'The server is busy. Try again in a moment.');
    if (isInputFailure(error)) return rawSectionText(bodyMd);
    throw error;
  }
}

/**
 * Index text is cut at the editor's body limit. NOTE: only a text saved before that limit is longer; its first
 * SECTION_BODY_MAX characters are searchable, and the database's text-search work per publish stays bounded.
 */
const cut = (s: string) => (s.length <= SECTION_BODY_MAX ? s : s.slice(0, SECTION_BODY_MAX).replace(/[\ud800-\udbff]$/, ''));

/** Indexes (or re-indexes) the published text of one section in one language; call it inside the publishing transaction. */
export async function indexSectionText(trx: Db, ref: SectionTextRef): Promise<void> {
  const config = tsConfig(ref.language);
  const source = await findIndexSource(trx, ref.sectionId, ref.revisionId);
  if (!source) throw new Error('indexSectionText: the revision does not belong to the section');
  const extracted = ref.text ?? (await sectionSearchText(source.bodyMd));
  const text = { headings: cut(extracted.headings), body: cut(extracted.body), plain: cut(extracted.plain) };
  await upsertSectionSearch(trx, {
    sectionId: ref.sectionId,
    language: ref.language,
    revisionId: ref.revisionId,
    publicationId: source.publicationId,
    chapterId: source.chapterId,
    title: source.title,
    headings: text.headings,
    body: text.body,
    plainText: text.plain,
    config,
  });
  // NOTE: words are only ever added: a word left behind by an older text costs a suggestion that finds nothing,
  // and suggestions are only offered when the corrected query finds something.
  await addSearchWords(trx, ref.language, `${source.title}\n${text.plain}`, FOLDS_DIACRITICS[ref.language as LibraryLanguage]);
}

/** Takes a section text out of search (unpublished or deleted); call it inside the same transaction. */
export async function removeSectionText(trx: Db, ref: Omit<SectionTextRef, 'revisionId'>): Promise<void> {
  await deleteSectionSearch(trx, ref.sectionId, ref.language);
}
