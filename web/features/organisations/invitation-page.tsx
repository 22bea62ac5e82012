// /invitation: the page an invitation link opens. The token comes in the URL fragment (never sent to a server in a
// URL); it is read once, then removed from the address bar and the history, and sent only in POST bodies.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InvitationAccepted, InvitationPreview } from '#shared/organisations/invitation.schema.ts';
import { Page } from '#web/components/page.tsx';
import { useMe, useRefreshMe } from '#web/features/account/me.api.ts';
import { apiError } from '#web/components/ui/form.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { RoleList } from './role-fields.tsx';
import { useAcceptInvitation, useInvitationPreview } from './invitation-accept.api.ts';
import { NewAccountForm } from './new-account-form.tsx';
import { BusyButton } from '#web/components/ui/busy-button.tsx';

function tokenFromHash(): string | null {
  const token = new URLSearchParams(window.location.hash.replace(/^#/, '')).get('token');
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : null;
}

export function InvitationPage() {
  const { t } = useTranslation('organisations');
  const [token] = useState(tokenFromHash);
  const [accepted, setAccepted] = useState<InvitationAccepted | null>(null);
  const preview = useInvitationPreview(accepted ? null : token);
  useEffect(() => {
    if (window.location.hash) window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  }, []);

  return (
    <Page title={t('accept.title')}>
      {accepted ? (
        <Accepted result={accepted} />
      ) : !token ? (
        <p className="alert error">{t('accept.noToken')}</p>
      ) : preview.isPending ? (
        <Loading />
      ) : preview.isError ? (
        <p className="alert error" role="alert">
          {t(apiError(preview.error)?.status === 404 ? 'accept.invalid' : apiError(preview.error)?.status === 429 ? 'common:error.tooMany' : 'common:error.generic')}
        </p>
      ) : (
        <Offer token={token} preview={preview.data} onAccepted={setAccepted} />
      )}
    </Page>
  );
}

function Offer(props: { token: string; preview: InvitationPreview; onAccepted(result: InvitationAccepted): void }) {
  const { t } = useTranslation('organisations');
  const me = useMe();
  const signedIn = me.data?.signInStep === 'done' ? me.data : null;
  return (
    <>
      <p className="lead">{t('accept.offer', { organisation: props.preview.organisationName })}</p>
      <p>
        {t('accept.roles')} <RoleList roles={props.preview.roles} />
      </p>
      {me.isPending ? null : signedIn ? (
        <JoinWithAccount token={props.token} email={signedIn.account.email} onAccepted={props.onAccepted} />
      ) : (
        <NewAccountForm token={props.token} onAccepted={props.onAccepted} />
      )}
    </>
  );
}

function JoinWithAccount(props: { token: string; email: string; onAccepted(result: InvitationAccepted): void }) {
  const { t } = useTranslation('organisations');
  const accept = useAcceptInvitation();
  const status = apiError(accept.error)?.status;
  const errorKey = status === 403 ? 'accept.otherEmail' : status === 409 ? 'accept.alreadyMember' : status === 404 ? 'accept.invalid' : 'common:error.generic';
  return (
    <section className="card" aria-labelledby="join-heading">
      <h2 id="join-heading">{t('accept.joinHeading')}</h2>
      <p>{t('accept.joinText', { email: props.email })}</p>
      {accept.isError && (
        <p className="alert error" role="alert">
          {t(errorKey)}
        </p>
      )}
      <BusyButton busy={accept.isPending} onClick={() => accept.mutate({ token: props.token }, { onSuccess: props.onAccepted })}>
        {t('accept.join')}
      </BusyButton>
    </section>
  );
}

function Accepted({ result }: { result: InvitationAccepted }) {
  const { t } = useTranslation('organisations');
  const refreshMe = useRefreshMe();
  useEffect(() => {
    if (result.outcome === 'joined') void refreshMe();
  }, [result.outcome, refreshMe]);
  return (
    <div className="alert success" role="status">
      <p>{t(result.outcome === 'created' ? 'accept.created' : 'accept.joined', { organisation: result.organisationName })}</p>
      <p>{result.outcome === 'created' ? <Link to="/sign-in">{t('accept.signInNow')}</Link> : <Link to="/">{t('accept.continue')}</Link>}</p>
    </div>
  );
}
