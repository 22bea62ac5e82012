// A sign-out pressed offline: the device counts as signed out until the server has ended the session, and a new
// sign-in is never undone by it.
import { describe, expect, test } from 'vitest';
import { ApiRequestError } from '#web/lib/api.ts';
import { forgetPendingSignOut, rememberPendingSignOut, settlePendingSignOut } from './pending-sign-out.ts';

function memoryStore() {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), removeItem: (k: string) => void items.delete(k) };
}

describe('a sign-out without network', () => {
  test('nothing pending: the server is not called', async () => {
    let calls = 0;
    expect(await settlePendingSignOut(memoryStore(), async () => void calls++)).toBe(false);
    expect(calls).toBe(0);
  });

  test('still offline: the device stays signed out and keeps the sign-out for later', async () => {
    const store = memoryStore();
    rememberPendingSignOut(store);
    const offline = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await settlePendingSignOut(store, offline)).toBe(true);
    expect(await settlePendingSignOut(store, offline)).toBe(true);
  });

  test('back online: the session is ended once, then forgotten', async () => {
    const store = memoryStore();
    rememberPendingSignOut(store);
    let calls = 0;
    expect(await settlePendingSignOut(store, async () => void calls++)).toBe(false);
    expect(await settlePendingSignOut(store, async () => void calls++)).toBe(false);
    expect(calls).toBe(1);
  });

  test('a session already gone (401) settles it too', async () => {
    const store = memoryStore();
    rememberPendingSignOut(store);
    const gone = async () => {
      throw new ApiRequestError(401, { code: 'unauthorized', message: 'Sign in.' });
    };
    expect(await settlePendingSignOut(store, gone)).toBe(false);
    expect(store.getItem('ph-sign-out-pending')).toBeNull();
  });

  test('signing in again forgets it, so the new session is not ended', async () => {
    const store = memoryStore();
    rememberPendingSignOut(store);
    forgetPendingSignOut(store);
    let calls = 0;
    expect(await settlePendingSignOut(store, async () => void calls++)).toBe(false);
    expect(calls).toBe(0);
  });
});
