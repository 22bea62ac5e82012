// The organisation's API tokens (org admins): list, create (the answer holds the secret, once), revoke.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiTokenCreatedSchema, ApiTokenListSchema, ApiTokenSchema, type ApiTokenCreate } from '#shared/api-tokens/api-token.schema.ts';
import { request } from '#web/lib/api.ts';

const TOKENS_KEY = ['api-tokens'] as const;

export function useApiTokens() {
  return useQuery({ queryKey: TOKENS_KEY, queryFn: () => request('GET', '/api/api-tokens', { schema: ApiTokenListSchema }) });
}

export function useCreateApiToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ApiTokenCreate) => request('POST', '/api/api-tokens', { body: input, schema: ApiTokenCreatedSchema }),
    onSuccess: () => client.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}

export function useRevokeApiToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request('POST', `/api/api-tokens/${id}/revoke`, { schema: ApiTokenSchema }),
    onSettled: () => client.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}
