// Around a chapter's text: related services from the directory (only when there are some) and prev/next links.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ChapterPage } from '#shared/library/library.schema.ts';
import { useSignedIn } from './reader-language.ts';

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
