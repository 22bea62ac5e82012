// Imports the library from content/ (outline.json + Markdown per chapter and language) into the database.
// Idempotent: unchanged text creates nothing; changed text becomes a new published revision (authored by null,
// i.e. "through git"). A text with an unpublished draft or review in the web editor is left alone and reported.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Transaction } from 'kysely';
import type { Ctx } from '#server/context.ts';
import type { Database } from '#server/db/schema.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import { importHelpContacts } from '#server/features/help/help-import.ts';
import { forgetThesaurus } from '#server/features/search/search-thesaurus.ts';
import { importThesaurus } from '#server/features/search/thesaurus-import.ts';
import { LIBRARY_LANGUAGES } from '#shared/lib/languages.ts';
import { SECTION_BODY_MAX, SECTION_TITLE_MAX } from '#shared/library/library-edit.schema.ts';
import type { LibraryLanguage } from '#shared/library/library.schema.ts';
import { OutlineSchema, parseChapterFile, type ChapterFile, type Outline } from './content-files.ts';
import { findFirstOrganisation, findOrganisationByIdOrName, upsertChapter, upsertPublication, upsertSection } from './structure.queries.ts';
import { publishNewRevision, type TextOutcome } from './text-publish.ts';
import { findRevisions, listTextsOfSections } from './text.queries.ts';

/** The coordinating association of the demo partnership: the default owner of imported publications. */
const DEMO_OWNER = 'Asociația Punți pentru Sănătate';

export const DEFAULT_CONTENT_DIR = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../content');

export interface ImportSummary {
  publications: number;
  chapters: number;
  sections: number;
  created: number;
  updated: number;
  unchanged: number;
  /** "<publication>/<chapter>#<section> (<lang>)": texts with work in progress in the editor, not overwritten. */
  skipped: string[];
  /** Help-now contacts added from help-contacts.json (those whose key was new). */
  helpContacts: number;
  /** Search synonym groups added from search/thesaurus.json (for languages that had none). */
  synonymGroups: number;
}

interface LoadedChapter {
  slug: string;
  position: number;
  outlineAudience: string | undefined;
  files: Partial<Record<LibraryLanguage, ChapterFile>>;
}

/** Imports every publication of `dir` into the organisation named (id or name), by default the demo owner. */
export async function importContent(ctx: Ctx, options: { dir?: string; organisation?: string } = {}): Promise<ImportSummary> {
  const dir = options.dir ?? DEFAULT_CONTENT_DIR;
  const outline = OutlineSchema.parse(JSON.parse(await readFile(path.join(dir, 'outline.json'), 'utf8')));
  const loaded = await Promise.all(outline.publications.map((p) => loadPublication(dir, p)));
  const organisationId = await resolveOrganisation(ctx, options.organisation);
  const summary: ImportSummary = { publications: 0, chapters: 0, sections: 0, created: 0, updated: 0, unchanged: 0, skipped: [], helpContacts: 0, synonymGroups: 0 };
  await ctx.db.transaction().execute(async (trx) => {
    for (const [i, publication] of outline.publications.entries()) {
      await importPublication(ctx, trx, { publication, chapters: loaded[i]!, organisationId, position: i + 1 }, summary);
    }
    summary.helpContacts = await importHelpContacts(ctx, trx, dir, organisationId);
    summary.synonymGroups = await importThesaurus(ctx, trx, dir);
    const { skipped, helpContacts: _help, synonymGroups: _synonyms, ...counts } = summary;
    await recordAudit(ctx, trx, { action: 'library.content_imported', entityType: 'library', organisationId, details: { ...counts, skipped: skipped.length } });
  });
  if (summary.synonymGroups > 0) forgetThesaurus();
  return summary;
}

async function resolveOrganisation(ctx: Ctx, idOrName: string | undefined): Promise<string> {
  const found = idOrName
    ? await findOrganisationByIdOrName(ctx.db, idOrName)
    : ((await findOrganisationByIdOrName(ctx.db, DEMO_OWNER)) ?? (await findFirstOrganisation(ctx.db)));
  if (!found) throw new AppError('not_found', idOrName ? 'No organisation with this id or name.' : 'Create an organisation first: publications belong to one.');
  return found.id;
}

async function loadPublication(dir: string, publication: Outline['publications'][number]): Promise<LoadedChapter[]> {
  const listings = new Map<LibraryLanguage, string[]>();
  for (const lang of LIBRARY_LANGUAGES) listings.set(lang, await readdir(path.join(dir, publication.slug, lang)).catch(() => []));
  return Promise.all(
    publication.chapters.map(async (chapter) => {
      const files: LoadedChapter['files'] = {};
      for (const lang of LIBRARY_LANGUAGES) {
        const name = listings.get(lang)!.find((f) => f === `${chapter.id}.md` || new RegExp(`^\\d+-${chapter.id}\\.md$`).test(f));
        if (!name) continue;
        const file = path.join(dir, publication.slug, lang, name);
        files[lang] = withinLimits(parseChapterFile(await readFile(file, 'utf8'), path.relative(dir, file)), path.relative(dir, file));
      }
      return { slug: chapter.id, position: chapter.order, outlineAudience: chapter.audience, files };
    }),
  );
}

/** The editor's limits hold for text from git too: a section past them is refused, naming the file. */
function withinLimits(file: ChapterFile, where: string): ChapterFile {
  for (const s of file.sections) {
    if (s.title.length > SECTION_TITLE_MAX) throw new Error(`${where}: the title of section "${s.slug}" is longer than ${SECTION_TITLE_MAX} characters`);
    if (s.bodyMd.length > SECTION_BODY_MAX) throw new Error(`${where}: section "${s.slug}" is longer than ${SECTION_BODY_MAX.toLocaleString('en')} characters; split it`);
  }
  return file;
}

interface PublicationInput {
  publication: Outline['publications'][number];
  chapters: LoadedChapter[];
  organisationId: string;
  position: number;
}

async function importPublication(ctx: Ctx, trx: Transaction<Database>, input: PublicationInput, summary: ImportSummary): Promise<void> {
  const source = input.publication.sourceLanguage ?? 'en';
  const titles = Object.fromEntries(Object.entries(input.publication.title).filter(([, t]) => t));
  const publicationId = await upsertPublication(trx, { slug: input.publication.slug, organisationId: input.organisationId, sourceLanguage: source, titles, position: input.position });
  summary.publications++;
  // Source language first: translations link to the source revision published in this same import.
  const languages = [source, ...LIBRARY_LANGUAGES.filter((l) => l !== source)];
  for (const chapter of input.chapters) {
    const sourceFile = chapter.files[source] ?? Object.values(chapter.files)[0];
    if (!sourceFile) continue;
    const chapterId = await upsertChapter(trx, {
      publicationId,
      slug: chapter.slug,
      position: chapter.position,
      audience: sourceFile.audience ?? chapter.outlineAudience ?? 'public',
      titles: pick(chapter.files, (f) => f.title),
      summaries: pick(chapter.files, (f) => f.summary),
      audienceReasons: Object.fromEntries(Object.entries(pick(chapter.files, (f) => f.audienceReason ?? '')).filter(([, r]) => r)),
    });
    summary.chapters++;
    const sectionIds = await upsertSections(trx, chapterId, chapter, languages);
    summary.sections += sectionIds.size;
    await importTexts(ctx, trx, { publicationId, chapter, sectionIds, languages, label: `${input.publication.slug}/${chapter.slug}` }, summary);
  }
}

function pick(files: LoadedChapter['files'], value: (f: ChapterFile) => string): Record<string, string> {
  return Object.fromEntries(Object.entries(files).map(([lang, f]) => [lang, value(f)]));
}

/** Sections in the order of the source file; sections only some translations have come after. */
async function upsertSections(trx: Transaction<Database>, chapterId: string, chapter: LoadedChapter, languages: string[]): Promise<Map<string, string>> {
  const order: string[] = [];
  for (const lang of languages) for (const s of chapter.files[lang as LibraryLanguage]?.sections ?? []) if (!order.includes(s.slug)) order.push(s.slug);
  const ids = new Map<string, string>();
  for (const [i, slug] of order.entries()) ids.set(slug, await upsertSection(trx, { chapterId, slug, position: i + 1 }));
  return ids;
}

interface TextsInput {
  publicationId: string;
  chapter: LoadedChapter;
  sectionIds: Map<string, string>;
  languages: string[];
  label: string;
}

async function importTexts(ctx: Ctx, trx: Transaction<Database>, input: TextsInput, summary: ImportSummary): Promise<void> {
  const texts = await listTextsOfSections(trx, [...input.sectionIds.values()]);
  const published = new Map((await findRevisions(trx, texts.flatMap((t) => (t.publishedRevisionId ? [t.publishedRevisionId] : [])))).map((r) => [r.id, r]));
  const sourcePublished = new Map<string, string | null>();
  for (const [index, lang] of input.languages.entries()) {
    for (const s of input.chapter.files[lang as LibraryLanguage]?.sections ?? []) {
      const sectionId = input.sectionIds.get(s.slug)!;
      const existing = texts.find((t) => t.sectionId === sectionId && t.language === lang);
      const current = existing?.publishedRevisionId ? published.get(existing.publishedRevisionId) : undefined;
      const sourceRevisionId = index === 0 ? null : (sourcePublished.get(sectionId) ?? null);
      let outcome: TextOutcome = 'unchanged';
      let revisionId = existing?.publishedRevisionId ?? null;
      if (!current || current.title !== s.title || current.bodyMd !== s.bodyMd) {
        const text = { sectionId, sectionSlug: s.slug, publicationId: input.publicationId, language: lang, title: s.title, bodyMd: s.bodyMd, sourceRevisionId, existing };
        const result = await publishNewRevision(ctx, trx, text).catch((error: unknown) => {
          throw error instanceof AppError ? new Error(`${input.label}#${s.slug} (${lang}): ${error.message}`) : error;
        });
        outcome = result.outcome;
        revisionId = result.revisionId ?? revisionId;
      }
      if (index === 0) sourcePublished.set(sectionId, revisionId);
      if (outcome === 'skipped') summary.skipped.push(`${input.label}#${s.slug} (${lang})`);
      else summary[outcome]++;
    }
  }
}
