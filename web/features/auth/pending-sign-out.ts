// A sign-out pressed without network: the session cookie is httpOnly, so the page cannot end it itself. The device
// remembers that the person signed out, counts as signed out meanwhile, and ends the session on the server at the first
// answer from it (a shared phone at a venue must not show the organiser signed in again once the network is back).
import { isNetworkFailure, request } from '#web/lib/api.ts';

const KEY = 'ph-sign-out-pending';

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
type SignOutCall = () => Promise<unknown>;

const browserStore = (): Store | null => (typeof localStorage === 'undefined' ? null : localStorage);
const serverSignOut: SignOutCall = () => request('POST', '/api/auth/sign-out');

export function rememberPendingSignOut(store = browserStore()): void {
  store?.setItem(KEY, '1');
}

/** A new sign-in replaces whatever session the pending sign-out was meant to end. */
export function forgetPendingSignOut(store = browserStore()): void {
  store?.removeItem(KEY);
}

/**
 * Ends the session a sign-out without network left open. Returns true while the device still counts as signed out
 * without the server knowing (no network yet); any answer from the server (200, or 401 for a session already gone)
 * settles it.
 */
export async function settlePendingSignOut(store = browserStore(), signOut = serverSignOut): Promise<boolean> {
  if (store?.getItem(KEY) !== '1') return false;
  try {
    await signOut();
  } catch (error) {
    if (isNetworkFailure(error)) return true;
  }
  store.removeItem(KEY);
  return false;
}
