// The signed-in account (or null), shared by the whole app through TanStack Query.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Language, Me } from '#shared/auth/me.schema.ts';
import { ApiRequestError, asSent, request } from '#web/lib/api.ts';
import { isLanguage, loadLanguage } from '#web/lib/i18n.ts';
import { settlePendingSignOut } from '#web/features/auth/pending-sign-out.ts';

export const ME_KEY = ['me'] as const;

export async function fetchMe(): Promise<Me | null> {
  // NOTE: signed out on this device without network: signed out it stays, until the server has ended the session.
  if (await settlePendingSignOut()) return null;
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

/**
 * Saves the account's language. The cached account says so at once: the shell applies the account's language
 * whenever it renders (app-shell.tsx), and with the old value still cached it switched the page straight back.
 * A failed save puts the old value back.
 */
export function useSaveLanguage(): (language: Language) => Promise<void> {
  const client = useQueryClient();
  return async (language) => {
    const before = client.getQueryData<Me | null>(ME_KEY);
    const updated: Me | null | undefined = before && { ...before, account: { ...before.account, language } };
    client.setQueryData(ME_KEY, updated);
    try {
      await request('PUT', '/api/me/language', { body: { language } });
    } catch (error) {
      client.setQueryData(ME_KEY, before);
      throw error;
    }
  };
}
