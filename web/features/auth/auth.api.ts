// The sign-in flow's calls: password, two-factor code, enrolment, password reset.
import { useQuery } from '@tanstack/react-query';
import {
  OkSchema,
  SignInResultSchema,
  TotpConfirmResultSchema,
  TotpEnrolmentSchema,
  type SignIn,
} from '#shared/auth/sign-in.schema.ts';
import { request } from '#web/lib/api.ts';
import { forgetPendingSignOut } from './pending-sign-out.ts';

export async function signIn(input: SignIn) {
  const result = await request('POST', '/api/auth/sign-in', { body: input, schema: SignInResultSchema });
  forgetPendingSignOut();
  return result;
}

export function submitSecondFactor(code: string) {
  return request('POST', '/api/auth/totp', { body: { code }, schema: SignInResultSchema });
}

/** Starts enrolment once per visit of the page (TanStack Query shares one request between double renders). */
export function useTotpEnrolment(enabled: boolean) {
  return useQuery({
    queryKey: ['totp-enrolment'],
    queryFn: () => request('POST', '/api/auth/totp/enrol/start', { schema: TotpEnrolmentSchema }),
    enabled,
    staleTime: Infinity,
    // NOTE: the secret must not outlive the page in the cache.
    gcTime: 0,
    retry: false,
  });
}

export function confirmEnrolment(code: string) {
  return request('POST', '/api/auth/totp/enrol/confirm', { body: { code }, schema: TotpConfirmResultSchema });
}

export function requestPasswordReset(email: string) {
  return request('POST', '/api/auth/password-reset/request', { body: { email }, schema: OkSchema });
}

export function completePasswordReset(token: string, password: string) {
  return request('POST', '/api/auth/password-reset/complete', { body: { token, password }, schema: OkSchema });
}
