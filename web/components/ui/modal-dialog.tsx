// The one modal frame of the app's dialogs (react-aria: focus kept inside, Esc and a click outside close it). Render it
// only while the dialog is open; `alertdialog` for confirmations of something that cannot be undone.
import type { ReactNode } from 'react';
import { Dialog, Modal, ModalOverlay } from 'react-aria-components';

export function ModalDialog(props: { onClose(): void; role?: 'dialog' | 'alertdialog'; children: ReactNode }) {
  return (
    <ModalOverlay className="modal-overlay" isOpen onOpenChange={(open) => !open && props.onClose()} isDismissable>
      <Modal className="modal">
        <Dialog className="dialog" role={props.role ?? 'dialog'}>
          {props.children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
