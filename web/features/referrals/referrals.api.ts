// Referral and consent requests of the web app: the two boxes, one referral, status changes, sending, consents,
// answer times, and the directory search the service picker uses.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DirectorySearchResultSchema } from '#shared/directory/directory-search.schema.ts';
import { ConsentListSchema, ConsentViewSchema, type ConsentCreate } from '#shared/referrals/consent.schema.ts';
import {
  ReferralDetailSchema,
  ReferralListSchema,
  ReferralSettingsSchema,
  type ReferralCreate,
  type ReferralListQuery,
  type ReferralSettingsUpdate,
  type ReferralStatusChange,
} from '#shared/referrals/referral.schema.ts';
import { request } from '#web/lib/api.ts';

export const referralKeys = {
  all: ['referrals'] as const,
  list: (q: ReferralListQuery) => ['referrals', 'list', q] as const,
  one: (id: string) => ['referrals', 'one', id] as const,
  consents: (serviceId: string) => ['referrals', 'consents', serviceId] as const,
  settings: ['referrals', 'settings'] as const,
};

function query(q: Record<string, string | boolean | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') params.set(k, String(v));
  return params.toString();
}

export function useReferrals(q: ReferralListQuery) {
  return useQuery({ queryKey: referralKeys.list(q), queryFn: () => request('GET', `/api/referrals?${query(q)}`, { schema: ReferralListSchema }) });
}

export function useReferral(id: string) {
  return useQuery({ queryKey: referralKeys.one(id), queryFn: () => request('GET', `/api/referrals/${id}`, { schema: ReferralDetailSchema }), retry: false });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => Promise.all([client.invalidateQueries({ queryKey: referralKeys.all }), client.invalidateQueries({ queryKey: ['inbox'] })]);
}

export function useChangeStatus(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: ReferralStatusChange) => request('POST', `/api/referrals/${id}/status`, { body, schema: ReferralDetailSchema }), onSettled: invalidate });
}

export function useCreateReferral() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: ReferralCreate) => request('POST', '/api/referrals', { body, schema: ReferralDetailSchema }), onSuccess: invalidate });
}

export function useConsentsFor(serviceId: string | null) {
  return useQuery({
    queryKey: referralKeys.consents(serviceId ?? ''),
    queryFn: () => request('GET', `/api/consents?${query({ serviceId: serviceId ?? undefined })}`, { schema: ConsentListSchema }),
    enabled: !!serviceId,
  });
}

export function useRecordConsent() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: ConsentCreate) => request('POST', '/api/consents', { body, schema: ConsentViewSchema }), onSuccess: invalidate });
}

export function useWithdrawConsent() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (id: string) => request('POST', `/api/consents/${id}/withdraw`, { schema: ConsentViewSchema }), onSettled: invalidate });
}

export function useServiceSearch(q: string, lang: string, enabled: boolean) {
  return useQuery({
    queryKey: ['directory', 'accepting', q, lang],
    queryFn: () => request('GET', `/api/directory/services?${query({ accepting: 'true', q: q || undefined, lang })}`, { schema: DirectorySearchResultSchema }),
    enabled,
  });
}

export function useReferralSettings() {
  return useQuery({ queryKey: referralKeys.settings, queryFn: () => request('GET', '/api/referral-settings', { schema: ReferralSettingsSchema }), retry: false });
}

export function useSaveReferralSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ReferralSettingsUpdate) => request('PUT', '/api/referral-settings', { body, schema: ReferralSettingsSchema }),
    onSuccess: (data) => client.setQueryData(referralKeys.settings, data),
  });
}
