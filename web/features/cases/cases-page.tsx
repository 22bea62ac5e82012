// /cases — the cases the signed-in professional works on (team or open break-glass), newest change first, filtered
// by open/closed, "only mine" and the case code, read in pages. The filters live in the page's memory, never in the
// address: even a case code stays out of URLs and browser history.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseListQuery, CaseSummary } from '#shared/cases/case.schema.ts';
import { Page } from '#web/components/page.tsx';
import { Banner } from '#web/components/ui/banner.tsx';
import { SelectField, TextField } from '#web/components/ui/form.tsx';
import { LoadOlder } from '#web/components/ui/load-older.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { TableWrap } from '#web/components/ui/table-wrap.tsx';
import { Tag } from '#web/components/ui/tag.tsx';
import { useMe } from '#web/features/account/me.api.ts';
import { useCasePages } from './cases.api.ts';

type Filter = { status: CaseListQuery['status']; mine?: 'true'; code?: string };

export function CasesPage() {
  const { t } = useTranslation('cases');
  const me = useMe();
  const mayOpen = me.data?.roles.some((r) => r === 'case_manager' || r === 'coordinator') ?? false;
  const [status, setStatus] = useState<Filter['status']>('open');
  const [mine, setMine] = useState(false);
  const [code, setCode] = useState('');
  const [applied, setApplied] = useState<Filter>({ status: 'open' });
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setApplied({ status, ...(mine ? { mine: 'true' as const } : {}), ...(code.trim() ? { code: code.trim() } : {}) });
  };
  return (
    <Page title={t('list.title')}>
      <p className="lead">{t('list.lead')}</p>
      {mayOpen && (
        <p>
          <Link className="button" to="/cases/new">
            {t('list.newCase')}
          </Link>
        </p>
      )}
      <form className="case-filters" onSubmit={apply} role="search" aria-label={t('list.filters')}>
        <SelectField id="cases-status" label={t('list.show')} value={status} onChange={(v) => setStatus(v as Filter['status'])} options={(['open', 'closed', 'all'] as const).map((s) => ({ value: s, label: t(`list.filter.${s}`) }))} />
        <TextField id="cases-code" label={t('list.searchCode')} hint={t('list.searchCodeHint')} value={code} onChange={setCode} maxLength={40} />
        <label className="checkbox case-filter-mine">
          <input type="checkbox" checked={mine} onChange={(e) => setMine(e.target.checked)} /> {t('list.onlyMine')}
        </label>
        <button type="submit" className="secondary">
          {t('list.apply')}
        </button>
      </form>
      <CaseResults filter={applied} mayOpen={mayOpen} />
    </Page>
  );
}

function CaseResults({ filter, mayOpen }: { filter: Filter; mayOpen: boolean }) {
  const { t } = useTranslation('cases');
  const pages = useCasePages(filter);
  const cases = pages.data?.pages.flatMap((p) => p.cases) ?? [];
  const filtered = filter.status !== 'open' || filter.mine || filter.code;
  if (pages.isPending) return <Loading />;
  if (pages.isError) {
    return (
      <Banner tone="error" role="alert">
        {t('list.loadError')}
      </Banner>
    );
  }
  if (cases.length === 0) {
    return (
      <Banner title={filtered ? t('list.noneFound') : t('list.empty')}>
        <p>{filtered ? t('list.noneFoundHelp') : mayOpen ? t('list.emptyOpen') : t('list.emptyAsk')}</p>
      </Banner>
    );
  }
  return (
    <>
      <CaseTable cases={cases} />
      <LoadOlder pages={pages} shown={t('list.shown', { count: cases.length })} label={t('list.loadOlder')} />
    </>
  );
}

function CaseTable({ cases }: { cases: CaseSummary[] }) {
  const { t, i18n } = useTranslation('cases');
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  return (
    <TableWrap label={t('list.title')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('list.code')}</th>
            <th scope="col">{t('list.status')}</th>
            <th scope="col">{t('list.ageBand')}</th>
            <th scope="col">{t('list.owner')}</th>
            <th scope="col">{t('list.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => (
            <tr key={c.id}>
              <th scope="row" data-label={t('list.code')}>
                <Link to={`/cases/${c.id}`}>{c.code}</Link> {c.isOwner && <Tag>{t('list.yours')}</Tag>}
                {c.viaBreakGlass && <Tag tone="warning">{t('page.breakGlass')}</Tag>}
              </th>
              <td data-label={t('list.status')}>{t(`status.${c.status}`)}</td>
              <td data-label={t('list.ageBand')}>{t(`ageBand.${c.ageBand}`)}</td>
              <td data-label={t('list.owner')}>{c.ownerName ?? '—'}</td>
              <td data-label={t('list.updated')}>{date.format(c.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
