// Requests of a case's consent ledger. Like every case query: nothing kept once no page shows it (CASE_QUERY).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CaseDetailSchema } from '#shared/cases/case.schema.ts';
import { CaseConsentDetailSchema, CaseConsentLedgerSchema, CaseConsentWithdrawalSchema, type CaseConsentCreate } from '#shared/cases/case-consent.schema.ts';
import { request } from '#web/lib/api.ts';
import { CASE_QUERY, caseKeys } from './cases.api.ts';

export function useConsentLedger(caseId: string, serviceId?: string) {
  const suffix = serviceId ? `?serviceId=${serviceId}` : '';
  return useQuery({
    queryKey: [...caseKeys.part(caseId, 'consents'), serviceId ?? null],
    queryFn: () => request('GET', `/api/cases/${caseId}/consents${suffix}`, { schema: CaseConsentLedgerSchema }),
    ...CASE_QUERY,
  });
}

/** One record with what relies on it (what a withdrawal would stop); only while the dialog asks. */
export function useConsentReliance(caseId: string, consentId: string | null) {
  return useQuery({
    queryKey: caseKeys.part(caseId, `consent-${consentId}`),
    queryFn: () => request('GET', `/api/cases/${caseId}/consents/${consentId}`, { schema: CaseConsentDetailSchema }),
    enabled: consentId !== null,
    ...CASE_QUERY,
  });
}

export function useRecordCaseConsent(caseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CaseConsentCreate) => request('POST', `/api/cases/${caseId}/consents`, { body, schema: CaseConsentLedgerSchema }),
    onSettled: () => client.invalidateQueries({ queryKey: caseKeys.part(caseId, 'consents') }),
  });
}

export function useWithdrawCaseConsent(caseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (consentId: string) => request('POST', `/api/cases/${caseId}/consents/${consentId}/withdraw`, { schema: CaseConsentWithdrawalSchema }),
    // NOTE: a withdrawal may remove team members: the case itself changes too.
    onSettled: () => client.invalidateQueries({ queryKey: caseKeys.one(caseId) }),
  });
}

/** The case a referral is made from (its code goes into the package); nothing asked without one. */
export function useReferringCase(caseId: string | null) {
  return useQuery({ queryKey: caseKeys.one(caseId ?? ''), queryFn: () => request('GET', `/api/cases/${caseId}`, { schema: CaseDetailSchema }), enabled: caseId !== null, ...CASE_QUERY });
}
