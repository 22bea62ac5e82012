// /admin/api-tokens: an organisation admin's tokens for the organisation's own systems (FHIR at /fhir): create one
// (its secret shown once), see each one's permissions, expiry and last use, revoke one at once.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiToken, ApiTokenCreated } from '#shared/api-tokens/api-token.schema.ts';
import { Page } from '#web/components/page.tsx';
import { Banner } from '#web/components/ui/banner.tsx';
import { BusyButton } from '#web/components/ui/busy-button.tsx';
import { apiError, focusSoon } from '#web/components/ui/form.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { TableWrap } from '#web/components/ui/table-wrap.tsx';
import { Tag } from '#web/components/ui/tag.tsx';
import { useMe } from '#web/features/account/me.api.ts';
import { LoadError } from '#web/features/organisations/load-error.tsx';
import { ApiTokenForm, scopeKey } from './api-token-form.tsx';
import { useApiTokens, useRevokeApiToken } from './api-tokens.api.ts';
import { NewTokenBanner } from './new-token-banner.tsx';

export function ApiTokensPage() {
  const { t } = useTranslation('api-tokens');
  const [created, setCreated] = useState<ApiTokenCreated | null>(null);
  const me = useMe();
  // NOTE: tokens belong to an organisation; a platform admin who holds none has none to keep here.
  const withoutOrganisation = !!me.data && !me.data.organisationId;
  return (
    <Page title={t('title')}>
      <p className="lead">{t('lead')}</p>
      <p>{t('howTo')}</p>
      {withoutOrganisation ? (
        <Banner>{t('noOrganisation')}</Banner>
      ) : (
        <>
          {created && <NewTokenBanner key={created.token.id} created={created} onDone={() => setCreated(null)} />}
          <TokenList />
          <ApiTokenForm onCreated={setCreated} />
        </>
      )}
    </Page>
  );
}

const TONE = { active: 'published', expired: 'warning', revoked: 'neutral' } as const;

function TokenList() {
  const { t, i18n } = useTranslation('api-tokens');
  const tokens = useApiTokens();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const dateTime = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  // NOTE: a token works through the day chosen (UTC) and stops at the start of the next: show that last day.
  const lastDay = (expiresAt: Date) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(expiresAt.getTime() - 1));
  const revoked = (token: ApiToken) => {
    setConfirming(null);
    setNotice(t('list.revoked', { name: token.name }));
    focusSoon(heading);
  };
  return (
    <section aria-labelledby="api-tokens-heading">
      <h2 id="api-tokens-heading" tabIndex={-1} ref={heading}>
        {t('list.heading')}
      </h2>
      <div role="status">{notice && <p className="alert success">{notice}</p>}</div>
      {tokens.isPending && <Loading />}
      {tokens.isError && <LoadError status={apiError(tokens.error)?.status ?? null} />}
      {tokens.data?.tokens.length === 0 && <p>{t('list.none')}</p>}
      {tokens.data && tokens.data.tokens.length > 0 && (
        <TableWrap label={t('list.heading')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('list.name')}</th>
                <th scope="col">{t('list.scopes')}</th>
                <th scope="col">{t('list.state')}</th>
                <th scope="col">{t('list.expires')}</th>
                <th scope="col">{t('list.lastUsed')}</th>
                <th scope="col">{t('list.created')}</th>
                <th scope="col">{t('list.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.tokens.map((token) => (
                <tr key={token.id}>
                  <th scope="row" className="api-token-name">
                    {token.name}
                  </th>
                  <td>{token.scopes.map((s) => t(`scopes.${scopeKey(s)}`)).join(', ')}</td>
                  <td>
                    <Tag tone={TONE[token.state]}>{t(`states.${token.state}`)}</Tag>
                  </td>
                  <td>{lastDay(token.expiresAt)}</td>
                  <td>{token.lastUsedAt ? dateTime.format(token.lastUsedAt) : t('list.never')}</td>
                  <td>
                    {dateTime.format(token.createdAt)}
                    {token.createdByName && <span className="api-token-by">{t('list.by', { name: token.createdByName })}</span>}
                  </td>
                  <td>{token.state === 'revoked' ? '—' : <RevokeControl token={token} confirming={confirming === token.id} onAsk={() => setConfirming(token.id)} onCancel={() => setConfirming(null)} onRevoked={revoked} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}

function RevokeControl(props: { token: ApiToken; confirming: boolean; onAsk(): void; onCancel(): void; onRevoked(token: ApiToken): void }) {
  const { t } = useTranslation('api-tokens');
  const revoke = useRevokeApiToken();
  const failed = revoke.isError;
  if (!props.confirming) {
    return (
      <button type="button" className="secondary" onClick={props.onAsk} aria-label={`${t('list.revoke')}: ${props.token.name}`}>
        {t('list.revoke')}
      </button>
    );
  }
  return (
    <div className="stack">
      <p>{t('list.confirm', { name: props.token.name })}</p>
      {failed && (
        <Banner tone="error" role="alert">
          {t('common:error.generic')}
        </Banner>
      )}
      <div className="actions-row">
        <BusyButton className="danger" busy={revoke.isPending} onClick={() => revoke.mutate(props.token.id, { onSuccess: props.onRevoked })}>
          {t('list.revokeNow')}
        </BusyButton>
        <button type="button" className="secondary" onClick={props.onCancel}>
          {t('list.cancel')}
        </button>
      </div>
    </div>
  );
}
