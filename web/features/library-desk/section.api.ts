// One section text in the editor: load, save (a new revision), the review workflow, history, preview and images.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  MarkdownPreviewResultSchema,
  RevisionDiffSchema,
  RevisionListSchema,
  RevisionSchema,
  SectionEditSchema,
  type SectionEdit,
  type SectionSave,
} from '#shared/library/library-edit.schema.ts';
import { ImageUploadedSchema, type ImageUpload } from '#shared/library/library-report.schema.ts';
import type { LibraryLanguage } from '#shared/library/library.schema.ts';
import { ApiRequestError, request } from '#web/lib/api.ts';
import { libraryKeys } from '#web/features/library/library.api.ts';
import { deskKeys } from './desk.api.ts';

const textPath = (sectionId: string, lang: string) => `/api/library/sections/${encodeURIComponent(sectionId)}/texts/${lang}`;

/** `lang` null: not a library language (the page says "not found" without asking). */
export function useSectionEdit(sectionId: string, lang: LibraryLanguage | null) {
  return useQuery({
    queryKey: deskKeys.text(sectionId, lang ?? ''),
    queryFn: () => request('GET', textPath(sectionId, lang ?? ''), { schema: SectionEditSchema }),
    enabled: lang !== null,
    staleTime: 0,
  });
}

/** The text as it is now, carried by a 409 (someone else changed it first); null for any other error. */
export function conflictOf(error: unknown): SectionEdit | null {
  if (!(error instanceof ApiRequestError) || error.status !== 409) return null;
  const parsed = SectionEditSchema.safeParse(error.body.current);
  return parsed.success ? parsed.data : null;
}

export type WorkflowAction =
  | { kind: 'save'; input: SectionSave }
  | { kind: 'submit' | 'publish' | 'withdraw'; version: number }
  | { kind: 'return'; version: number; note: string }
  | { kind: 'restore'; version: number; revisionId: string };

function send(sectionId: string, lang: string, action: WorkflowAction): Promise<SectionEdit> {
  const path = textPath(sectionId, lang);
  switch (action.kind) {
    case 'save':
      return request('PUT', path, { body: action.input, schema: SectionEditSchema });
    case 'return':
      return request('POST', `${path}/return`, { body: { version: action.version, note: action.note }, schema: SectionEditSchema });
    case 'restore':
      return request('POST', `${path}/restore`, { body: { version: action.version, revisionId: action.revisionId }, schema: SectionEditSchema });
    default:
      return request('POST', `${path}/${action.kind}`, { body: { version: action.version }, schema: SectionEditSchema });
  }
}

/** Every change to a text answers with the text as it is now: the cache takes it, and the lists around it refresh. */
export function useTextAction(sectionId: string, lang: LibraryLanguage) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: WorkflowAction) => send(sectionId, lang, action),
    onSuccess: async (edit, action) => {
      client.setQueryData(deskKeys.text(sectionId, lang), edit);
      // NOTE: a published text changes what readers see (and may make translations outdated).
      if (action.kind === 'publish') await client.invalidateQueries({ queryKey: libraryKeys.all });
    },
    onSettled: async () => {
      await client.invalidateQueries({ queryKey: deskKeys.revisions(sectionId, lang) });
      await client.invalidateQueries({ queryKey: deskKeys.dashboard });
      await client.invalidateQueries({ queryKey: ['desk', 'tree'] });
    },
  });
}

export function useRevisions(sectionId: string, lang: LibraryLanguage, enabled = true) {
  return useQuery({
    queryKey: deskKeys.revisions(sectionId, lang),
    queryFn: () => request('GET', `${textPath(sectionId, lang)}/revisions`, { schema: RevisionListSchema }),
    enabled,
    staleTime: 0,
  });
}

export function useRevision(id: string | null) {
  return useQuery({
    queryKey: deskKeys.revision(id ?? ''),
    queryFn: () => request('GET', `/api/library/revisions/${encodeURIComponent(id ?? '')}`, { schema: RevisionSchema }),
    enabled: Boolean(id),
    // A revision never changes.
    staleTime: Infinity,
  });
}

export function useDiff(from: string | null, to: string | null, mode: 'words' | 'lines') {
  return useQuery({
    queryKey: deskKeys.diff(from ?? '', to ?? '', mode),
    queryFn: () => request('GET', `/api/library/revisions/diff?${new URLSearchParams({ from: from ?? '', to: to ?? '', mode })}`, { schema: RevisionDiffSchema }),
    enabled: Boolean(from && to),
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  });
}

/** The body rendered and sanitised by the server exactly as readers will get it. */
export function usePreview(bodyMd: string, enabled: boolean) {
  return useQuery({
    queryKey: deskKeys.preview(bodyMd),
    queryFn: () => request('POST', '/api/library/preview', { body: { bodyMd }, schema: MarkdownPreviewResultSchema }),
    enabled,
    staleTime: Infinity,
  });
}

export function useUploadImage() {
  return useMutation({
    mutationFn: (input: ImageUpload) => request('POST', '/api/library/images', { body: input, schema: ImageUploadedSchema }),
  });
}
