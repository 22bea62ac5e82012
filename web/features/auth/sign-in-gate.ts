// What a page for signed-in accounts does with the "who am I" answer: wait, show the page, or send the visitor to
// sign-in (or to the sign-in step still due). Pure, so the rule is tested without a browser.
import type { Me } from '#shared/auth/me.schema.ts';
import { isNetworkFailure } from '#web/lib/api.ts';

export type SignInGate = { kind: 'wait' } | { kind: 'page'; unchecked: boolean } | { kind: 'redirect'; to: string };

/** The path of the sign-in step still due, or null when none is. */
export function pendingStepPath(step: string | undefined): string | null {
  if (step === 'totp') return '/sign-in';
  if (step === 'enrol_totp') return '/sign-in/enrol';
  return null;
}

/**
 * `data` is null only when the server answered 401 (fetchMe). NOTE: a request that never reached the server (an
 * organiser reloading the check-in page at a venue without network) says nothing about the session: the page stays,
 * marked unchecked, and shows what the device has saved; the server still checks every call it gets.
 */
export function signInGate(me: { data: Me | null | undefined; error: unknown }): SignInGate {
  if (me.data) {
    const pending = pendingStepPath(me.data.signInStep);
    return pending ? { kind: 'redirect', to: pending } : { kind: 'page', unchecked: false };
  }
  if (me.data === null) return { kind: 'redirect', to: '/sign-in' };
  if (me.error) return isNetworkFailure(me.error) ? { kind: 'page', unchecked: true } : { kind: 'redirect', to: '/sign-in' };
  return { kind: 'wait' };
}
