// /referrals — the organisation's incoming and outgoing referrals, overdue first, with filters by status and
// urgency; the box is kept in the address (?box=outgoing) so the home page's lines lead to the right one.
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Tab, TabList, TabPanel, Tabs, type Key } from 'react-aria-components';
import { URGENCIES } from '#shared/referrals/referral-vocabulary.ts';
import type { ReferralListItem, ReferralListQuery } from '#shared/referrals/referral.schema.ts';
import { AWAITING_ANSWER, TASK_STATUSES, type TaskStatus } from '#shared/referrals/task-status.ts';
import { Page } from '#web/components/page.tsx';
import { Banner } from '#web/components/ui/banner.tsx';
import { SelectField } from '#web/components/ui/form.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { TableWrap } from '#web/components/ui/table-wrap.tsx';
import { useMe } from '#web/features/account/me.api.ts';
import { Time } from '#web/features/library-desk/desk-frame.tsx';
import { ReferralTags, StatusText } from './referral-badges.tsx';
import { useReferrals } from './referrals.api.ts';

type Box = ReferralListQuery['box'];

export function ReferralsPage() {
  const { t } = useTranslation('referrals');
  const [params, setParams] = useSearchParams();
  const box: Box = params.get('box') === 'outgoing' ? 'outgoing' : 'incoming';
  const me = useMe();
  const isAdmin = me.data?.roles.includes('org_admin') ?? false;
  const choose = (key: Key) => setParams(key === 'outgoing' ? { box: 'outgoing' } : {});
  return (
    <Page title={t('title')}>
      <p className="lead">{t('lead')}</p>
      <div className="actions-row">
        <Link className="button" to="/referrals/new">
          {t('newReferral')}
        </Link>
        {isAdmin && <Link to="/referrals/settings">{t('settingsLink')}</Link>}
      </div>
      <Tabs selectedKey={box} onSelectionChange={choose}>
        <TabList aria-label={t('tabs.label')} className="tab-list">
          <Tab id="incoming" className="tab">
            {t('tabs.incoming')}
          </Tab>
          <Tab id="outgoing" className="tab">
            {t('tabs.outgoing')}
          </Tab>
        </TabList>
        <TabPanel id="incoming" className="tab-panel">
          {box === 'incoming' && <Box box="incoming" />}
        </TabPanel>
        <TabPanel id="outgoing" className="tab-panel">
          {box === 'outgoing' && <Box box="outgoing" />}
        </TabPanel>
      </Tabs>
    </Page>
  );
}

function Box({ box }: { box: Box }) {
  const { t } = useTranslation('referrals');
  const [status, setStatus] = useState('');
  const [urgency, setUrgency] = useState('');
  const [applied, setApplied] = useState<{ status?: TaskStatus; urgency?: 'routine' | 'urgent' }>({});
  const list = useReferrals({ box, ...applied });
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setApplied({ ...(status ? { status: status as TaskStatus } : {}), ...(urgency ? { urgency: urgency as 'routine' | 'urgent' } : {}) });
  };
  const statuses = box === 'incoming' ? TASK_STATUSES.filter((s) => s !== 'draft') : TASK_STATUSES;
  return (
    <>
      <form className="referral-filters" onSubmit={apply}>
        <SelectField id={`${box}-status`} label={t('filters.status')} value={status} onChange={setStatus} options={[{ value: '', label: t('filters.any') }, ...statuses.map((s) => ({ value: s, label: t(`status.${s}`) }))]} />
        <SelectField id={`${box}-urgency`} label={t('filters.urgency')} value={urgency} onChange={setUrgency} options={[{ value: '', label: t('filters.any') }, ...URGENCIES.map((u) => ({ value: u, label: t(`urgency.${u}`) }))]} />
        <button type="submit" className="secondary">
          {t('filters.apply')}
        </button>
      </form>
      {list.isPending && <Loading />}
      {list.isError && (
        <Banner tone="error" role="alert">
          {t('common:error.generic')}
        </Banner>
      )}
      {list.data && list.data.referrals.length === 0 && <p className="muted">{t('list.empty')}</p>}
      {list.data && list.data.referrals.length > 0 && <ReferralTable box={box} referrals={list.data.referrals} />}
      {list.data?.limited && <p className="muted">{t('list.limited')}</p>}
    </>
  );
}

function ReferralTable({ box, referrals }: { box: Box; referrals: ReferralListItem[] }) {
  const { t } = useTranslation('referrals');
  const columns = ['reference', 'service', box === 'incoming' ? 'counterpartIncoming' : 'counterpartOutgoing', 'status', 'due', 'updated'];
  const label = (c: string) => t(`list.columns.${c}`);
  return (
    <TableWrap label={t('list.label')}>
      <table className="referral-table">
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {label(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {referrals.map((r) => (
            <tr key={r.id}>
              <th scope="row" data-label={label('reference')}>
                <Link to={`/referrals/${r.id}`} aria-label={t('list.open', { reference: r.reference })}>
                  {r.reference}
                </Link>
              </th>
              <td data-label={label('service')}>{r.serviceName}</td>
              <td data-label={label(columns[2]!)}>{r.counterpartName}</td>
              <td data-label={label('status')}>
                <StatusText status={r.status} outcome={r.outcome} /> <ReferralTags overdue={r.overdue} urgency={r.urgency} external={r.external} consentWithdrawn={r.consentWithdrawn} />
              </td>
              <td data-label={label('due')}>{r.dueAt && AWAITING_ANSWER.includes(r.status) ? <Time date={r.dueAt} /> : t('detail.none')}</td>
              <td data-label={label('updated')}>
                <Time date={r.updatedAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
