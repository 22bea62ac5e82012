// Sign-out: ends the session and forgets what this device keeps for the account (offline library, identification-aid
// answers, the check-in roster and queue). When check-in scans still wait for the server it asks first, since
// deleting them loses check-ins nobody else recorded.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { isNetworkFailure, request } from '#web/lib/api.ts';
import { ME_KEY } from '#web/features/account/me.api.ts';
import { rememberPendingSignOut } from '#web/features/auth/pending-sign-out.ts';
import { countUnsyncedScans, forgetCheckInData } from '#web/features/events/check-in-store.ts';
import { keepState as forgetAidAnswers } from '#web/features/identify/aid-state.ts';
import { clearOfflineLibrary } from '#web/features/library/offline.ts';
import { BusyButton } from './ui/busy-button.tsx';
import { ModalDialog } from './ui/modal-dialog.tsx';

export function SignOutButton() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [unsynced, setUnsynced] = useState(0);
  const signOut = async () => {
    setBusy(true);
    const reached = await request('POST', '/api/auth/sign-out').then(
      () => true,
      (error: unknown) => !isNetworkFailure(error),
    );
    if (!reached) rememberPendingSignOut();
    client.clear();
    clearOfflineLibrary();
    forgetAidAnswers(null);
    await forgetCheckInData();
    client.setQueryData(ME_KEY, null);
    // NOTE: without network the sign-in page's script file may not be on the device (nor could anyone sign in);
    // home always opens offline (sw.js).
    await navigate(reached ? '/sign-in' : '/');
  };
  const ask = async () => {
    setBusy(true);
    const count = await countUnsyncedScans();
    if (count === 0) return signOut();
    setBusy(false);
    setUnsynced(count);
  };
  return (
    <>
      <BusyButton className="link-button" busy={busy && unsynced === 0} onClick={() => void ask()}>
        {t('nav.signOut')}
      </BusyButton>
      {unsynced > 0 && (
        <ModalDialog role="alertdialog" onClose={() => setUnsynced(0)}>
          <h2 slot="title">{t('signOut.unsyncedTitle', { count: unsynced })}</h2>
          <p>{t('signOut.unsyncedBody', { count: unsynced })}</p>
          <div className="actions-row">
            {/* NOTE: staying is the safe choice, so it comes first and has the focus. */}
            <button type="button" className="button" autoFocus onClick={() => setUnsynced(0)}>
              {t('signOut.stay')}
            </button>
            <BusyButton busy={busy} className="button danger" onClick={() => void signOut()}>
              {t('signOut.discard', { count: unsynced })}
            </BusyButton>
          </div>
        </ModalDialog>
      )}
    </>
  );
}
