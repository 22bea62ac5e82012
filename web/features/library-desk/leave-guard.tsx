// A warning before leaving the editor with unsaved changes: the browser's own prompt when the tab is closed or
// reloaded, and a dialog of ours when a link inside the app is followed.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useBlocker } from 'react-router';

export function LeaveGuard({ dirty }: { dirty: boolean }) {
  const { t } = useTranslation('library-desk');
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  if (blocker.state !== 'blocked') return null;
  return (
    <ModalOverlay className="modal-overlay" isOpen onOpenChange={(open) => !open && blocker.reset()} isDismissable>
      <Modal className="modal">
        <Dialog className="dialog" role="alertdialog">
          <Heading slot="title" level={2}>
            {t('leave.title')}
          </Heading>
          <p>{t('leave.text')}</p>
          <div className="actions-row">
            <button type="button" onClick={() => blocker.reset()} autoFocus>
              {t('leave.stay')}
            </button>
            <button type="button" className="danger" onClick={() => blocker.proceed()}>
              {t('leave.leave')}
            </button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
