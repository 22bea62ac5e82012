// The editors' side of the help-contact registry: list (with the re-checking flags), create, change, verify, withdraw.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { HelpDeskContactSchema, HelpDeskListSchema, type HelpContactCreate, type HelpContactUpdate } from '#shared/help/help-contact.schema.ts';
import { request } from '#web/lib/api.ts';
import { helpKeys } from './help.api.ts';

const BASE = '/api/help/desk/contacts';

export function useDeskContacts() {
  return useQuery({ queryKey: helpKeys.desk, queryFn: () => request('GET', BASE, { schema: HelpDeskListSchema }) });
}

/** After any change: the editors' list and every public list (page, chapter asides) are stale. */
function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: helpKeys.all });
}

export function useCreateContact() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: HelpContactCreate) => request('POST', BASE, { body, schema: HelpDeskContactSchema }), onSuccess: invalidate });
}

export function useUpdateContact() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: HelpContactUpdate }) => request('PUT', `${BASE}/${id}`, { body, schema: HelpDeskContactSchema }),
    onSuccess: invalidate,
  });
}

/** "verify" (checked at the source today) or "withdraw" (off the public list). */
export function useContactStep() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, step, version }: { id: string; step: 'verify' | 'withdraw'; version: number }) =>
      request('POST', `${BASE}/${id}/${step}`, { body: { version }, schema: HelpDeskContactSchema }),
    onSuccess: invalidate,
  });
}
