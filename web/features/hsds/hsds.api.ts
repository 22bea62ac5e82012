// The directory's HSDS import (a mutation that answers a report) and the export links.
import { useMutation } from '@tanstack/react-query';
import { HsdsImportReportSchema, type HsdsImportRequest } from '#shared/hsds/hsds-import.schema.ts';
import { request } from '#web/lib/api.ts';

export function useHsdsImport() {
  return useMutation({ mutationFn: (body: HsdsImportRequest) => request('POST', '/api/directory/import', { body, schema: HsdsImportReportSchema }) });
}

export const exportUrl = (format: 'json' | 'zip', lang: string) => `/api/directory/export.${format}?lang=${lang}`;

/** A file as the import takes it: JSON as text, a zip as base64 (in slices: one call of btoa on megabytes overflows). */
export async function readUpload(file: File): Promise<{ format: 'json' | 'zip'; content: string }> {
  if (!file.name.toLowerCase().endsWith('.zip')) return { format: 'json', content: await file.text() };
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { format: 'zip', content: btoa(binary) };
}
