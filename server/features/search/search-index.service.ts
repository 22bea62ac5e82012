// Search index: keeps one full-text row per published section text, so readers can search the library per language.
// The library feature calls these inside its publish, import and unpublish transactions.
import type { Db } from '#server/db/db.ts';
import { markdownText } from './markdown-text.ts';
import { FOLDS_DIACRITICS, tsConfig } from './search-language.ts';
import { addSearchWords, deleteSectionSearch, findIndexSource, upsertSectionSearch } from './search-index.queries.ts';
import type { LibraryLanguage } from '#shared/library/library.schema.ts';

export interface SectionTextRef {
  sectionId: string;
  language: string;
  /** The published revision to index. */
  revisionId: string;
}

/** Indexes (or re-indexes) the published text of one section in one language; call it inside the publishing transaction. */
export async function indexSectionText(trx: Db, ref: SectionTextRef): Promise<void> {
  const config = tsConfig(ref.language);
  const source = await findIndexSource(trx, ref.sectionId, ref.revisionId);
  if (!source) throw new Error('indexSectionText: the revision does not belong to the section');
  const text = markdownText(source.bodyMd);
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
