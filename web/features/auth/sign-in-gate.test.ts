// The guard of signed-in pages: a 401 (fetchMe's null) still goes to sign-in, but a request that never reached the
// server (offline reload of the check-in page) keeps the page, marked unchecked.
import { describe, expect, test } from 'vitest';
import type { Me } from '#shared/auth/me.schema.ts';
import { ApiRequestError } from '#web/lib/api.ts';
import { signInGate } from './sign-in-gate.ts';

const me = (signInStep: string) => ({ signInStep }) as unknown as Me;

describe('signInGate', () => {
  test('a signed-in account sees the page; a sign-in step due or a 401 goes to sign-in', () => {
    expect(signInGate({ data: me('done'), error: null })).toEqual({ kind: 'page', unchecked: false });
    expect(signInGate({ data: me('totp'), error: null })).toEqual({ kind: 'redirect', to: '/sign-in' });
    expect(signInGate({ data: me('enrol_totp'), error: null })).toEqual({ kind: 'redirect', to: '/sign-in/enrol' });
    expect(signInGate({ data: null, error: null })).toEqual({ kind: 'redirect', to: '/sign-in' });
  });

  test('no answer yet: wait', () => {
    expect(signInGate({ data: undefined, error: null })).toEqual({ kind: 'wait' });
  });

  test('the server not reached (fetch rejected, a timeout, a gateway error): the page stays, unchecked', () => {
    for (const error of [new TypeError('Failed to fetch'), new DOMException('timed out', 'TimeoutError'), new ApiRequestError(503, { code: 'unavailable', message: 'Offline' })]) {
      expect(signInGate({ data: undefined, error })).toEqual({ kind: 'page', unchecked: true });
    }
  });

  test('a refusal that is not a network failure still goes to sign-in', () => {
    expect(signInGate({ data: undefined, error: new ApiRequestError(403, { code: 'forbidden', message: 'No' }) })).toEqual({ kind: 'redirect', to: '/sign-in' });
  });
});
