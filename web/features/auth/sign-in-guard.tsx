// Route guards. SignInStepGuard sends a half-signed-in account (two-factor code or enrolment due) to that step from
// any page; RequireSignIn also sends a signed-out visitor to /sign-in. Both remember where the visitor wanted to go.
import { Navigate, Outlet, useLocation, type Location } from 'react-router';
import { useMe } from '#web/features/account/me.api.ts';
import { Loading } from '#web/components/ui/loading.tsx';

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

/** The path of the sign-in step still due, or null when none is. */
export function pendingStepPath(step: string | undefined): string | null {
  if (step === 'totp') return '/sign-in';
  if (step === 'enrol_totp') return '/sign-in/enrol';
  return null;
}

/** Layout route: renders its child routes unless a sign-in step is due. */
export function SignInStepGuard() {
  const me = useMe();
  const location = useLocation();
  const pending = pendingStepPath(me.data?.signInStep);
  if (pending) return <Navigate to={pending} replace state={{ from: here(location) } satisfies ReturnState} />;
  return <Outlet />;
}

/** Layout route: renders its child routes only for a fully signed-in account. */
export function RequireSignIn() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  const pending = pendingStepPath(me.data?.signInStep);
  if (!me.data || pending) return <Navigate to={pending ?? '/sign-in'} replace state={{ from: here(location) } satisfies ReturnState} />;
  return <Outlet />;
}
