// The person's answers on their registration page: accept or decline an offer, and cancel (or leave the waiting list)
// after a confirmation dialog; an expired offer says so (410) instead of failing quietly. Each answer is reported to
// the page through `onOutcome`, because the section that was answered disappears once the registration reloads.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BusyButton } from '#web/components/ui/busy-button.tsx';
import { apiError } from '#web/components/ui/form.tsx';
import { ModalDialog } from '#web/components/ui/modal-dialog.tsx';
import { useRegistrationAction } from './registration.api.ts';

export interface ActionOutcome {
  tone: 'success' | 'error';
  text: string;
}

/** Always mounted, so a screen reader hears the outcome even though the section that caused it is gone. */
export function OutcomeAnnouncement({ outcome }: { outcome: ActionOutcome | null }) {
  return (
    <div role="status" aria-live="polite">
      {outcome && <p className={`alert ${outcome.tone}`}>{outcome.text}</p>}
    </div>
  );
}

export function OfferAnswer({ token, expiresAt, onOutcome: setNote }: { token: string; expiresAt: Date; onOutcome: (outcome: ActionOutcome) => void }) {
  const { t, i18n } = useTranslation('event-registration');
  const accept = useRegistrationAction(token, 'offer/accept');
  const decline = useRegistrationAction(token, 'offer/decline');
  const onError = (error: unknown) => setNote({ tone: 'error', text: apiError(error)?.status === 410 ? t('page.expired') : t('page.answered') });
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'full', timeStyle: 'short' }).format(expiresAt);
  return (
    <section aria-labelledby="offer-heading" className="card registration-offer">
      <h2 id="offer-heading">{t('page.offerTitle')}</h2>
      <p>{t('page.offerExpires', { date })}</p>
      <div className="actions-row">
        <BusyButton busy={accept.isPending} className="button" onClick={() => accept.mutate(undefined, { onSuccess: () => setNote({ tone: 'success', text: t('page.accepted') }), onError })}>
          {t('page.accept')}
        </BusyButton>
        <BusyButton busy={decline.isPending} className="button secondary" onClick={() => decline.mutate(undefined, { onSuccess: () => setNote({ tone: 'success', text: t('page.declined') }), onError })}>
          {t('page.decline')}
        </BusyButton>
      </div>
    </section>
  );
}

export function CancelRegistration({ token, waitlisted, onOutcome }: { token: string; waitlisted: boolean; onOutcome: (outcome: ActionOutcome) => void }) {
  const { t } = useTranslation('event-registration');
  const cancel = useRegistrationAction(token, 'cancel');
  const [open, setOpen] = useState(false);
  return (
    <div>
      <button type="button" className="button danger" onClick={() => setOpen(true)}>
        {waitlisted ? t('page.leave') : t('page.cancel')}
      </button>
      {open && (
        <ModalDialog role="alertdialog" onClose={() => setOpen(false)}>
          <h2 slot="title">{waitlisted ? t('page.leaveTitle') : t('page.cancelTitle')}</h2>
          <p>{waitlisted ? t('page.leaveBody') : t('page.cancelBody')}</p>
          <div className="actions-row">
            <BusyButton
              busy={cancel.isPending}
              className="button danger"
              onClick={() =>
                cancel.mutate(undefined, {
                  onSettled: () => setOpen(false),
                  onSuccess: () => onOutcome({ tone: 'success', text: t('page.cancelled') }),
                  onError: () => onOutcome({ tone: 'error', text: t('page.cancelFailed') }),
                })
              }
            >
              {waitlisted ? t('page.confirmLeave') : t('page.confirmCancel')}
            </BusyButton>
            <button type="button" className="button secondary" onClick={() => setOpen(false)}>
              {t('page.keep')}
            </button>
          </div>
        </ModalDialog>
      )}
    </div>
  );
}
