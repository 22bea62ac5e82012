// /reports/library-usage: how often the library was read and downloaded in a period, by publication, chapter,
// language, kind and the country of signed-in readers' organisations. The counts hold no reader (see usage.service.ts).
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { UsageReport } from '#shared/library/library-report.schema.ts';
import type { LibraryLanguage } from '#shared/library/library.schema.ts';
import { Page } from '#web/components/page.tsx';
import { tocQuery, usePublications } from '#web/features/library/library.api.ts';
import { useReaderLanguage } from '#web/features/library/reader-language.ts';
import { ApiRequestError } from '#web/lib/api.ts';
import { Loading } from '#web/components/ui/loading.tsx';
import { useLibraryUsage } from './reports.api.ts';
import { PeriodForm, periodOf } from './period-form.tsx';
import { TableWrap } from '#web/components/ui/table-wrap.tsx';

/** The default period, this year so far. */
function thisYearSoFar(today: string) {
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

export function LibraryUsagePage() {
  const { t } = useTranslation('reports');
  const [params, setParams] = useSearchParams();
  const period = periodOf(params, thisYearSoFar(new Date().toISOString().slice(0, 10)));
  const usage = useLibraryUsage(period);
  return (
    <Page title={t('libraryUsage.title')}>
      <p>{t('libraryUsage.intro')}</p>
      <PeriodForm key={`${period.from}/${period.to}`} initial={period} onApply={(p) => setParams(p)} />
      {usage.isPending && <Loading />}
      {usage.isError && <LoadError error={usage.error} />}
      {usage.data && <UsageTables report={usage.data} />}
    </Page>
  );
}

function LoadError({ error }: { error: Error }) {
  const { t } = useTranslation();
  // NOTE: a 400 here is a period the server refuses (longer than ten years); its message says so.
  const message = error instanceof ApiRequestError && error.status === 400 ? error.body.message : t('error.generic');
  return (
    <p className="alert error" role="alert">
      {message}
    </p>
  );
}

interface Row {
  key: string;
  label: string;
  count: number;
}

function UsageTables({ report }: { report: UsageReport }) {
  const { t, i18n } = useTranslation('reports');
  const lang = useReaderLanguage();
  const publications = usePublications(lang);
  const titles = new Map(publications.data?.publications.map((p) => [p.slug, p.title]));
  const chapterTitles = useChapterTitles([...titles.keys()], lang);
  const countries = new Intl.DisplayNames([i18n.language], { type: 'region' });
  const totals = report.totals;
  if (totals.all === 0) return <p>{t('libraryUsage.empty')}</p>;
  const rows = (list: { key: string; count: number }[], label: (key: string) => string): Row[] => list.map(({ key, count }) => ({ key, label: label(key), count }));
  const chapterLabel = (key: string) => {
    const [publication = '', chapter = ''] = key.split('/');
    const title = chapter ? (chapterTitles.get(key) ?? chapter) : t('libraryUsage.wholePublication');
    return `${titles.get(publication) ?? publication} — ${title}`;
  };
  return (
    <>
      <p className="lead" role="status">
        {t('libraryUsage.total', { count: totals.all })}
      </p>
      <CountTable caption={t('libraryUsage.byPublication')} column={t('libraryUsage.columns.publication')} rows={rows(totals.byPublication, (k) => titles.get(k) ?? k)} />
      <CountTable caption={t('libraryUsage.byChapter')} column={t('libraryUsage.columns.chapter')} rows={rows(totals.byChapter, chapterLabel).slice(0, 20)} />
      <CountTable caption={t('libraryUsage.byLanguage')} column={t('libraryUsage.columns.language')} rows={rows(totals.byLanguage, (k) => t(`library:languages.${k}`, { defaultValue: k }))} />
      <CountTable caption={t('libraryUsage.byKind')} column={t('libraryUsage.columns.kind')} rows={rows(totals.byKind, (k) => t(`libraryUsage.kinds.${k}`))} />
      <CountTable caption={t('libraryUsage.byCountry')} column={t('libraryUsage.columns.country')} rows={rows(totals.byCountry, (k) => (k ? (countries.of(k) ?? k) : t('libraryUsage.anonymous')))} />
    </>
  );
}

/** Chapter titles in the reader's language, keyed "<publication>/<chapter>", from the tables of contents. */
function useChapterTitles(slugs: string[], lang: LibraryLanguage): Map<string, string> {
  const tocs = useQueries({ queries: slugs.map((slug) => tocQuery(slug, lang)) });
  return new Map(tocs.flatMap((toc) => toc.data?.chapters.map((c) => [`${toc.data.slug}/${c.slug}`, c.title] as const) ?? []));
}

function CountTable({ caption, column, rows }: { caption: string; column: string; rows: Row[] }) {
  const { t, i18n } = useTranslation('reports');
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <TableWrap label={caption} stack={false}>
      <table className="count-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{column}</th>
            <th scope="col" className="numeric">
              {t('libraryUsage.columns.count')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td className="numeric">{number.format(row.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
