// The search thesaurus in the desk: one language's synonym groups, and adding, changing and deleting a group.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LibraryLanguage } from '#shared/library/library.schema.ts';
import { SynonymGroupListSchema, SynonymGroupSchema, type SynonymGroupCreate, type SynonymGroupUpdate } from '#shared/search/thesaurus.schema.ts';
import { request } from '#web/lib/api.ts';

const BASE = '/api/library/thesaurus';
const keys = { all: ['thesaurus'] as const, of: (lang: LibraryLanguage) => ['thesaurus', lang] as const };

export function useThesaurus(lang: LibraryLanguage) {
  return useQuery({ queryKey: keys.of(lang), queryFn: () => request('GET', `${BASE}?lang=${lang}`, { schema: SynonymGroupListSchema }) });
}

function useInvalidate() {
  const client = useQueryClient();
  // NOTE: search answers change with the thesaurus too; they are not cached by key here (no-store), so only the lists.
  return () => client.invalidateQueries({ queryKey: keys.all });
}

export function useCreateGroup() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: SynonymGroupCreate) => request('POST', BASE, { body, schema: SynonymGroupSchema }), onSuccess: invalidate });
}

export function useUpdateGroup() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: SynonymGroupUpdate }) => request('PUT', `${BASE}/${id}`, { body, schema: SynonymGroupSchema }),
    onSuccess: invalidate,
  });
}

export function useDeleteGroup() {
  const invalidate = useInvalidate();
  // NOTE: also after a refusal (409: changed by someone else; 404: already deleted), so the list shows what is current.
  return useMutation({ mutationFn: ({ id, version }: { id: string; version: number }) => request('DELETE', `${BASE}/${id}?version=${version}`), onSettled: invalidate });
}
