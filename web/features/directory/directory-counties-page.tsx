// /directory/counties — every county of Romania and Norway with its number of services, each linking to the search
// filtered to it.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { COUNTRIES, REGIONS } from '#shared/directory/regions.ts';
import { Page } from '#web/components/page.tsx';
import { Banner } from '#web/components/ui/banner.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { useRegionCounts } from './directory.api.ts';
import { useDirectoryLabels } from './directory-labels.ts';

export function DirectoryCountiesPage() {
  const { t } = useTranslation('directory');
  const labels = useDirectoryLabels();
  const counts = useRegionCounts();
  return (
    <Page title={t('counties.title')}>
      <p className="lead">{t('counties.lead')}</p>
      <p>
        <Link to="/directory">{t('service.back')}</Link>
      </p>
      {counts.isPending && <Loading />}
      {counts.isError && <Banner tone="error">{t('loadError')}</Banner>}
      {counts.data &&
        COUNTRIES.map((country) => {
          const count = (code: string) => counts.data.regions.find((r) => r.code === code)?.count ?? 0;
          const regions = Object.entries(REGIONS[country] as Record<string, string>).sort(([, a], [, b]) => a.localeCompare(b, labels.lang));
          return (
            <section key={country} aria-labelledby={`counties-${country}`}>
              <h2 id={`counties-${country}`}>{t(`countries.${country}`)}</h2>
              <ul className="directory-counties">
                {regions.map(([code, name]) => (
                  <li key={code}>
                    <Link to={`/directory?region=${code}`}>{name}</Link> <span className="muted">{t('counties.count', { count: count(code) })}</span>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
    </Page>
  );
}
