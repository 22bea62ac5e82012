// The account's sessions: where it is signed in (browser and system only), with sign-out per session or everywhere else.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { Loading } from '#web/components/ui/loading.tsx';
import { useRevokeSession, useSessions, useSignOutEverywhere } from './account.api.ts';
import { ME_KEY } from './me.api.ts';
import { TableWrap } from '#web/components/ui/table-wrap.tsx';
import { BusyButton } from '#web/components/ui/busy-button.tsx';
import { forgetCheckInData } from '#web/features/events/check-in-store.ts';

export function SessionsSection() {
  const { t, i18n } = useTranslation('account');
  const id = useId();
  const sessions = useSessions();
  const revoke = useRevokeSession();
  const everywhere = useSignOutEverywhere();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [message, setMessage] = useState<string | null>(null);
  const when = (d: Date) => d.toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  const signOutOne = async (sessionId: string, current: boolean) => {
    try {
      await revoke.mutateAsync(sessionId);
      if (current) {
        client.clear();
        await forgetCheckInData();
        client.setQueryData(ME_KEY, null);
        await navigate('/sign-in');
        return;
      }
      setMessage(t('sessions.signedOutOne'));
    } catch {
      setMessage(t('common:error.generic'));
    }
  };
  const signOutOthers = async () => {
    try {
      const { signedOut } = await everywhere.mutateAsync();
      setMessage(t('sessions.signedOutOthers', { count: signedOut }));
    } catch {
      setMessage(t('common:error.generic'));
    }
  };
  const list = sessions.data?.sessions ?? [];
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('sessions.heading')}</h2>
      <p>{t('sessions.intro')}</p>
      {sessions.isPending && <Loading />}
      {sessions.isError && <p className="alert error">{t('common:error.generic')}</p>}
      {list.length > 0 && (
        <TableWrap label={t('sessions.caption')}>
          <table>
            <caption className="visually-hidden">{t('sessions.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sessions.device')}</th>
                <th scope="col">{t('sessions.started')}</th>
                <th scope="col">{t('sessions.lastActive')}</th>
                <th scope="col">{t('sessions.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((s) => (
                <tr key={s.id}>
                  <td>
                    {t('sessions.deviceText', { browser: t(`browsers.${s.browser}`), os: t(`systems.${s.os}`) })}
                    {s.current && <strong> ({t('sessions.current')})</strong>}
                  </td>
                  <td>{when(s.createdAt)}</td>
                  <td>{when(s.lastSeenAt)}</td>
                  <td>
                    <BusyButton className="secondary" busy={revoke.isPending && revoke.variables === s.id} disabled={revoke.isPending} onClick={() => void signOutOne(s.id, s.current)}>
                      {s.current ? t('sessions.signOutThis') : t('sessions.signOut')}
                    </BusyButton>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <p>
        <BusyButton className="danger" busy={everywhere.isPending} disabled={list.length < 2} onClick={() => void signOutOthers()}>
          {t('sessions.signOutEverywhere')}
        </BusyButton>
      </p>
      <div role="status">{message && <p className="alert">{message}</p>}</div>
    </section>
  );
}
