// Account settings calls: sessions, password, two-factor status and recovery codes.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { SessionListSchema, SignedOutCountSchema, type PasswordChange } from '#shared/auth/account.schema.ts';
import { OkSchema, RecoveryCodesSchema, TwoFactorStatusSchema } from '#shared/auth/sign-in.schema.ts';
import { request } from '#web/lib/api.ts';
import { ME_KEY } from './me.api.ts';

const SESSIONS_KEY = ['me', 'sessions'] as const;
const TWO_FACTOR_KEY = ['me', 'two-factor'] as const;

export function useSessions() {
  return useQuery({ queryKey: SESSIONS_KEY, queryFn: () => request('GET', '/api/me/sessions', { schema: SessionListSchema }) });
}

export function useRevokeSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request('DELETE', `/api/me/sessions/${encodeURIComponent(id)}`, { schema: OkSchema }),
    onSettled: () => client.invalidateQueries({ queryKey: SESSIONS_KEY }),
  });
}

export function useSignOutEverywhere() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => request('POST', '/api/me/sessions/sign-out-everywhere', { schema: SignedOutCountSchema }),
    onSettled: () => client.invalidateQueries({ queryKey: SESSIONS_KEY }),
  });
}

export function changePassword(input: PasswordChange) {
  return request('PUT', '/api/me/password', { body: input, schema: OkSchema });
}

export function useTwoFactorStatus() {
  return useQuery({ queryKey: TWO_FACTOR_KEY, queryFn: () => request('GET', '/api/auth/totp', { schema: TwoFactorStatusSchema }) });
}

export function regenerateRecoveryCodes(currentPassword: string) {
  return request('POST', '/api/auth/totp/recovery-codes', { body: { currentPassword }, schema: RecoveryCodesSchema });
}

export function disableTwoFactor(currentPassword: string) {
  return request('POST', '/api/auth/totp/disable', { body: { currentPassword }, schema: OkSchema });
}

/** After two-factor changes: the status and "me" (twoFactorEnabled) are stale. */
export function useRefreshTwoFactor(): () => Promise<void> {
  const client = useQueryClient();
  return async () => {
    await client.invalidateQueries({ queryKey: TWO_FACTOR_KEY });
    await client.invalidateQueries({ queryKey: ME_KEY, exact: true });
  };
}
