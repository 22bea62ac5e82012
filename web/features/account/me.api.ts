// The signed-in account (or null), shared by the whole app through TanStack Query.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Language, Me } from '#shared/auth/me.schema.ts';
import { ApiRequestError, asSent, request } from '#web/lib/api.ts';
import { isLanguage, loadLanguage } from '#web/lib/i18n.ts';

export const ME_KEY = ['me'] as const;

export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await request('GET', '/api/me', { schema: asSent<Me>() });
    // NOTE: the shell switches to the account's language when it sees it (app-shell.tsx); with the strings already
    // here the switch is immediate, and the signed-in page does not first appear in the browser's language.
    if (isLanguage(me.account.language)) await loadLanguage(me.account.language).catch(() => undefined);
    return me;
  } catch (error) {
    if (error instanceof ApiRequestError && error.status === 401) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 60_000 });
}

export function useRefreshMe(): () => Promise<void> {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ME_KEY });
}

export async function saveLanguage(language: Language): Promise<void> {
  await request('PUT', '/api/me/language', { body: { language } });
}
