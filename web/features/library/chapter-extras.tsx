// Around a chapter's text: print and PDF, the source line printed pages carry, related services from the directory
// (only when there are some) and prev/next links.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ChapterPage } from '#shared/library/library.schema.ts';
import { pdfUrl } from './library.api.ts';
import { formatDate, useSignedIn } from './reader-language.ts';

/** Print this chapter, or download the whole publication as PDF in the chapter's language. */
export function ChapterTools({ page }: { page: ChapterPage }) {
  const { t } = useTranslation('library');
  return (
    <div className="chapter-tools">
      <button type="button" className="button secondary" onClick={() => window.print()}>
        {t('chapter.print')}
      </button>
      <a href={pdfUrl(page.publication.slug, page.language)} type="application/pdf" hrefLang={page.language}>
        {t('chapter.pdf')}
      </a>
    </div>
  );
}

/** Shown on paper only: which publication a printed page comes from, its address and the day it was printed. */
export function PrintSource({ page }: { page: ChapterPage }) {
  const { t } = useTranslation('library');
  // NOTE: the address without #section, so a printout never carries where in the chapter someone had scrolled to.
  const address = `${window.location.origin}${window.location.pathname}`;
  return (
    <p className="print-only print-source">
      {t('chapter.printSource', { publication: page.publication.title, address, date: formatDate(new Date(), page.language) })}
    </p>
  );
}

type RelatedService = ChapterPage['relatedServices'][number];

export function RelatedServices({ services }: { services: RelatedService[] }) {
  const { t } = useTranslation('library');
  if (services.length === 0) return null;
  return (
    <section aria-labelledby="related-services" className="related-services">
      <h2 id="related-services">{t('chapter.related')}</h2>
      <ul>
        {services.map((service) => (
          <li key={service.id}>{isSafeUrl(service.url) ? <a href={service.url}>{service.name}</a> : service.name}</li>
        ))}
      </ul>
    </section>
  );
}

/** Only links to this site or https pages (never javascript: or data: URLs). */
function isSafeUrl(url: string | null): url is string {
  return !!url && (/^https:\/\//i.test(url) || /^\/(?!\/)/.test(url));
}

export function ChapterPager({ page }: { page: ChapterPage }) {
  const { t } = useTranslation('library');
  const signedIn = useSignedIn();
  if (!page.prev && !page.next) return null;
  const base = `/library/${page.publication.slug}`;
  return (
    <nav aria-label={t('chapter.navLabel')} className="chapter-pager">
      {page.prev && (
        <Link to={`${base}/${page.prev.slug}`} rel="prev" className="pager-prev">
          <span className="pager-label">{t('chapter.prev')}</span>
          <span>{page.prev.title}</span>
          {page.prev.locked && !signedIn && <span className="lock-note">{t('toc.signInToRead')}</span>}
        </Link>
      )}
      {page.next && (
        <Link to={`${base}/${page.next.slug}`} rel="next" className="pager-next">
          <span className="pager-label">{t('chapter.next')}</span>
          <span>{page.next.title}</span>
          {page.next.locked && !signedIn && <span className="lock-note">{t('toc.signInToRead')}</span>}
        </Link>
      )}
    </nav>
  );
}
