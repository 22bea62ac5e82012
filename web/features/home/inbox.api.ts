// The signed-in person's waiting work (GET /api/inbox), for the home page.
import { useQuery } from '@tanstack/react-query';
import type { Inbox } from '#shared/inbox/inbox.schema.ts';
import { asSent, request } from '#web/lib/api.ts';

// NOTE: decoded without zod: the home page is part of the reader route's start bundle (docs/decisions/010); the
// server checks the response against InboxSchema. No staleness: coming back home after the work shows the new counts.
export function useInbox() {
  return useQuery({ queryKey: ['inbox'], queryFn: () => request('GET', '/api/inbox', { schema: asSent<Inbox>() }), staleTime: 0 });
}
