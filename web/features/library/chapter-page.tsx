// /library/:publication/:chapter — one chapter: its sections (server-sanitised HTML), notices about translations,
// an in-page table of sections, prev/next, related services; the reader's place survives a language switch.
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import type { ChapterPage as Chapter, PublicationToc } from '#shared/library/library.schema.ts';
import { Loading } from '#web/components/ui/loading.tsx';
import { ChapterSection, SectionsNav } from './chapter-section.tsx';
import { ChapterError } from './chapter-error.tsx';
import { HelpAside } from '#web/features/help/help-aside.tsx';
import { ChapterPager, ChapterTools, PrintSource, RelatedServices } from './chapter-extras.tsx';
import { useKeepPlace } from './keep-place.ts';
import { useChapter, useToc } from './library.api.ts';
import { useWarmOfflineLibrary } from './offline.ts';
import { ReaderPage } from './reader-frame.tsx';
import { formatDate, useReaderLanguage, useSignedIn } from './reader-language.ts';

export function ChapterPage() {
  const { publication = '', chapter = '' } = useParams();
  // NOTE: a new chapter is a new page (focus, scroll and the remembered place start afresh).
  return <ChapterView key={`${publication}/${chapter}`} publication={publication} chapter={chapter} />;
}

function ChapterView({ publication, chapter }: { publication: string; chapter: string }) {
  const lang = useReaderLanguage();
  const signedIn = useSignedIn();
  const hash = decodeHash(useLocation().hash);
  const query = useChapter(publication, chapter, lang, signedIn);
  const toc = useToc(publication, lang).data;
  useKeepPlace({ lang, shownLang: query.data?.language, hash });
  useWarmOfflineLibrary();
  if (query.isPending) return <Loading />;
  if (query.isError) return <ChapterError error={query.error} toc={toc} chapter={chapter} />;
  return <ChapterText page={query.data} toc={toc} focusHeading={!hash} />;
}

function ChapterText({ page, toc, focusHeading }: { page: Chapter; toc: PublicationToc | undefined; focusHeading: boolean }) {
  const { t } = useTranslation('library');
  const number = toc?.chapters.find((c) => c.slug === page.slug)?.position;
  const documentTitle = number ? t('chapter.documentTitle', { number, publication: page.publication.title }) : page.publication.title;
  return (
    <ReaderPage
      heading={page.title}
      documentTitle={documentTitle}
      focusHeading={focusHeading}
      crumbs={[
        { to: '/library', label: t('title') },
        { to: `/library/${page.publication.slug}`, label: page.publication.title },
      ]}
    >
      <PrintSource page={page} />
      <ChapterMeta page={page} />
      <ChapterTools page={page} />
      <TranslationNotices page={page} />
      <SectionsNav sections={page.sections} />
      {page.sections.map((section) => (
        <ChapterSection key={section.id} section={section} pageLanguage={page.language} />
      ))}
      <HelpAside chapter={page.slug} lang={page.language} />
      <RelatedServices services={page.relatedServices} />
      <ChapterPager page={page} />
    </ReaderPage>
  );
}

function ChapterMeta({ page }: { page: Chapter }) {
  const { t } = useTranslation('library');
  return (
    <p className="reader-meta">
      <span>{t('toc.minutes', { count: page.readingMinutes })}</span>
      {page.publishedAt && (
        <time dateTime={page.publishedAt.toISOString()}>
          {t('chapter.published', { date: formatDate(page.publishedAt, page.language) })}
        </time>
      )}
    </p>
  );
}

/** One notice per kind for the whole chapter; each affected section is also marked where it starts. */
function TranslationNotices({ page }: { page: Chapter }) {
  const { t } = useTranslation('library');
  const shown = [...new Set(page.sections.filter((s) => s.fallback).map((s) => s.language))];
  const outdated = page.sections.find((s) => s.outdated);
  const name = (lang: string) => t(`languages.${lang}`);
  return (
    <>
      {shown.length > 0 && (
        <p className="alert notice">
          {t('chapter.fallback', { wanted: name(page.language), shown: shown.map(name).join(', ') })}
        </p>
      )}
      {outdated && <p className="alert notice">{t('chapter.outdated', { language: name(outdated.sourceLanguage) })}</p>}
    </>
  );
}

function decodeHash(hash: string): string {
  try {
    return decodeURIComponent(hash.replace(/^#/, ''));
  } catch {
    return '';
  }
}
