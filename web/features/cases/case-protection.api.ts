// Requests of the case's documents and data-protection part. Case queries keep nothing after the page closes
// (CASE_QUERY); downloads are plain links, so the bytes go straight to the person's device and never into a cache.
import { useMutation, useQuery } from '@tanstack/react-query';
import { AttachmentListSchema, AttachmentViewSchema, ErasureResultSchema, LegalHoldViewSchema, type ErasureRequest, type LegalHoldChange } from '#shared/cases/case-protection.schema.ts';
import type { CaseCategory } from '#shared/cases/case-vocabulary.ts';
import { request } from '#web/lib/api.ts';
import { CASE_QUERY, caseKeys, useInvalidateCases } from './cases.api.ts';

export function useAttachments(caseId: string) {
  return useQuery({ queryKey: caseKeys.part(caseId, 'attachments'), queryFn: () => request('GET', `/api/cases/${caseId}/attachments`, { schema: AttachmentListSchema }), ...CASE_QUERY });
}

export function useUploadAttachment(caseId: string) {
  const invalidate = useInvalidateCases();
  return useMutation({
    mutationFn: (v: { category: CaseCategory; fileName: string; dataBase64: string }) =>
      request('POST', `/api/cases/${caseId}/attachments?category=${v.category}`, { body: { fileName: v.fileName, dataBase64: v.dataBase64 }, schema: AttachmentViewSchema }),
    onSuccess: invalidate,
  });
}

export function useLegalHold(caseId: string) {
  const invalidate = useInvalidateCases();
  return useMutation({ mutationFn: (body: LegalHoldChange) => request('POST', `/api/cases/${caseId}/legal-hold`, { body, schema: LegalHoldViewSchema }), onSettled: invalidate });
}

export function useErase(caseId: string) {
  const invalidate = useInvalidateCases();
  return useMutation({ mutationFn: (body: ErasureRequest) => request('POST', `/api/cases/${caseId}/erase`, { body, schema: ErasureResultSchema }), onSettled: invalidate });
}

export const attachmentUrl = (caseId: string, attachmentId: string) => `/api/cases/${caseId}/attachments/${attachmentId}`;
export const exportUrl = (caseId: string, format: 'json' | 'pdf', lang?: string) => `/api/cases/${caseId}/export.${format}${lang ? `?lang=${lang}` : ''}`;
