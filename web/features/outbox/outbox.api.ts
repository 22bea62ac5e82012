// Outbox queries: the list (newest first, "Load older") and one email.
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { OutboxEmailSchema, OutboxPageSchema } from '#shared/email/outbox.schema.ts';
import { request } from '#web/lib/api.ts';

const PAGE_SIZE = 50;

export function useOutboxPages() {
  return useInfiniteQuery({
    queryKey: ['outbox'],
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (pageParam) params.set('before', pageParam);
      return request('GET', `/api/outbox?${params.toString()}`, { schema: OutboxPageSchema });
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}

export function useOutboxEmail(id: string) {
  return useQuery({ queryKey: ['outbox', id], queryFn: () => request('GET', `/api/outbox/${encodeURIComponent(id)}`, { schema: OutboxEmailSchema }) });
}
