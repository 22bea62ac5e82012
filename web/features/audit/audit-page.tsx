// /admin/audit: filter, browse ("Load older"), export as CSV, and (platform admins) verify the hash chain.
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { AuditEntry, AuditVerify } from '#shared/audit/audit.schema.ts';
import { Page } from '#web/components/page.tsx';
import { useMe } from '#web/features/account/me.api.ts';
import { ApiRequestError } from '#web/lib/api.ts';
import { Loading } from '#web/components/ui/loading.tsx';
import { LoadOlder } from '#web/components/ui/load-older.tsx';
import { useMembers } from '#web/features/organisations/members.api.ts';
import { auditExportUrl, useAuditPages, useAuditPeople, useVerifyAudit, type AuditPerson } from './audit.api.ts';
import { AuditFilterForm } from './audit-filter-form.tsx';
import { formFromParams, paramsFromForm, toApiFilter } from './audit-filters.ts';
import { AuditTable } from './audit-table.tsx';
import { BusyButton } from '#web/components/ui/busy-button.tsx';
import { Card } from '#web/components/ui/card.tsx';

export function AuditPage() {
  const { t } = useTranslation('audit');
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const isPlatformAdmin = me.data?.account.isPlatformAdmin ?? false;
  const form = formFromParams(params);
  const parsed = toApiFilter(form);
  const filter = 'filter' in parsed ? parsed.filter : {};
  const pages = useAuditPages(filter, 'filter' in parsed);
  const entries = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const recent = useAuditPeople(isPlatformAdmin ? filter.organisationId : undefined);
  // NOTE: an organisation admin picks from everyone in the organisation; a platform admin from the people in the trail.
  const members = useMembers(!isPlatformAdmin && me.data !== undefined);
  const known = (members.data?.members ?? []).map((m) => ({ accountId: m.accountId, name: m.displayName }));
  const people = peopleOf([...known, ...(recent.data ?? [])], entries);
  const filterLink = (extra: Record<string, string>) => `?${paramsFromForm({ ...form, ...extra }).toString()}`;

  return (
    <Page title={t('title')}>
      <p>{t('intro')}</p>
      <AuditFilterForm key={params.toString()} initial={form} showOrganisation={isPlatformAdmin} people={people} onApply={(f) => setParams(paramsFromForm(f))} />
      <div className="actions-row">
        <a className="button secondary" href={auditExportUrl(filter)} download>
          {t('export')}
        </a>
        <span className="hint">{t('exportHint')}</span>
      </div>
      {isPlatformAdmin && <VerifyChain />}
      <h2>{t('results')}</h2>
      {pages.isPending && 'filter' in parsed && <Loading />}
      {pages.isError && <ErrorAlert error={pages.error} />}
      {pages.isSuccess && entries.length === 0 && <p>{t('empty')}</p>}
      {entries.length > 0 && <AuditTable entries={entries} showOrganisation={isPlatformAdmin} filterLink={filterLink} />}
      <LoadOlder pages={pages} shown={t('shown', { count: entries.length })} label={t('loadOlder')} />
    </Page>
  );
}

/** The people of the newest entries, and those in the results shown (a filtered view names people outside them). */
function peopleOf(recent: AuditPerson[], entries: AuditEntry[]): AuditPerson[] {
  const people = new Map(recent.map((p) => [p.accountId, p]));
  for (const e of entries) if (e.actorAccountId && !people.has(e.actorAccountId)) people.set(e.actorAccountId, { accountId: e.actorAccountId, name: e.actorName });
  return [...people.values()];
}

function VerifyChain() {
  const { t } = useTranslation('audit');
  const verify = useVerifyAudit();
  return (
    <Card labelledBy="verify-heading">
      <h2 id="verify-heading">{t('verify.heading')}</h2>
      <p>{t('verify.text')}</p>
      <BusyButton onClick={() => verify.mutate()} busy={verify.isPending} busyLabel={t('verify.running')}>
        {t('verify.button')}
      </BusyButton>
      <div aria-live="polite">
        {verify.data && <VerifyResult result={verify.data} />}
        {verify.isError && <ErrorAlert error={verify.error} />}
      </div>
    </Card>
  );
}

function VerifyResult({ result }: { result: AuditVerify }) {
  const { t } = useTranslation('audit');
  if (result.ok) return <p className="alert success">{t('verify.ok', { count: result.checked })}</p>;
  const broken = result.firstBroken;
  return (
    <div className="alert error" role="alert">
      <p>
        <strong>{t('verify.broken')}</strong>
      </p>
      {broken && <p>{t('verify.firstBroken', { seq: broken.seq, reason: t(`verify.reasons.${broken.reason}`), count: result.checked })}</p>}
    </div>
  );
}

function ErrorAlert({ error }: { error: Error }) {
  const { t } = useTranslation();
  const forbidden = error instanceof ApiRequestError && error.status === 403;
  return (
    <p className="alert error" role="alert">
      {forbidden ? t('error.forbidden') : t('error.generic')}
    </p>
  );
}
