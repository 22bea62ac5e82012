// Route guards. SignInStepGuard sends a half-signed-in account (two-factor code or enrolment due) to that step from
// any page; RequireSignIn also sends a signed-out visitor to /sign-in, but keeps the page when the server could not
// be reached (sign-in-gate.ts). Both remember where the visitor wanted to go.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, type Location } from 'react-router';
import { useMe } from '#web/features/account/me.api.ts';
import { Banner } from '#web/components/ui/banner.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { pendingStepPath, signInGate } from './sign-in-gate.ts';

/** Router state carried to /sign-in: the page to return to afterwards. */
export interface ReturnState {
  from?: string;
}

function here(location: Location): string {
  return `${location.pathname}${location.search}`;
}

/** Where to go after signing in: the remembered page if it is one of ours, else home. */
export function returnPath(state: unknown): string {
  const from = (state as ReturnState | null)?.from;
  // NOTE: only same-site paths: "//host" or "/\host" would leave the site.
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/\\') ? from : '/';
}

/** Layout route: renders its child routes unless a sign-in step is due. */
export function SignInStepGuard() {
  const me = useMe();
  const location = useLocation();
  const pending = pendingStepPath(me.data?.signInStep);
  if (pending) return <Navigate to={pending} replace state={{ from: here(location) } satisfies ReturnState} />;
  return <Outlet />;
}

/** Layout route: renders its child routes for a fully signed-in account, or with a notice when offline. */
export function RequireSignIn() {
  const me = useMe();
  const location = useLocation();
  const { t } = useTranslation();
  const gate = signInGate(me);
  const unchecked = gate.kind === 'page' && gate.unchecked;
  const { refetch } = me;
  useEffect(() => {
    if (!unchecked) return;
    // NOTE: TanStack Query refetches on reconnect only if it saw the browser go offline, and a page loaded without
    // network never fired that event: ask again ourselves, or the notice would stay until the next page load.
    const recheck = () => void refetch();
    window.addEventListener('online', recheck);
    return () => window.removeEventListener('online', recheck);
  }, [unchecked, refetch]);
  if (gate.kind === 'wait') return <Loading />;
  if (gate.kind === 'redirect') return <Navigate to={gate.to} replace state={{ from: here(location) } satisfies ReturnState} />;
  return (
    <>
      {unchecked && (
        <Banner tone="warning" role="status" title={t('offline.title')}>
          <p>{t('offline.signInUnchecked')}</p>
        </Banner>
      )}
      <Outlet />
    </>
  );
}
