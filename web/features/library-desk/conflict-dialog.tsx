// Someone saved this text while it was being edited here (409): the newer revision is shown, and the editor chooses
// to load it (dropping the text typed here) or to keep the text typed here (a later save goes on top of theirs).
import { useTranslation } from 'react-i18next';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import type { SectionEdit } from '#shared/library/library-edit.schema.ts';
import { StateBadge, useFormatTime } from './desk-frame.tsx';

export function ConflictDialog({ current, onLoad, onKeep }: { current: SectionEdit; onLoad(): void; onKeep(): void }) {
  const { t } = useTranslation('library-desk');
  const format = useFormatTime();
  const revision = current.current;
  return (
    <ModalOverlay className="modal-overlay" isOpen onOpenChange={(open) => !open && onKeep()}>
      <Modal className="modal modal-wide">
        <Dialog className="dialog" role="alertdialog">
          <Heading slot="title" level={2}>
            {t('conflict.title')}
          </Heading>
          <p>{t('conflict.text')}</p>
          {revision && (
            <>
              <p>
                {revision.authorName
                  ? t('conflict.newer', { number: revision.number, name: revision.authorName, time: format(revision.createdAt) })
                  : t('conflict.newerImported', { number: revision.number, time: format(revision.createdAt) })}{' '}
                <StateBadge state={current.state} />
              </p>
              <div className="source-md" role="region" aria-label={t('conflict.newerText')} tabIndex={0} lang={revision.language}>
                <p className="source-title">{revision.title}</p>
                {revision.bodyMd}
              </div>
            </>
          )}
          <div className="actions-row">
            <button type="button" onClick={onLoad}>
              {t('conflict.load')}
            </button>
            <button type="button" className="secondary" onClick={onKeep} autoFocus>
              {t('conflict.keep')}
            </button>
          </div>
          <p className="hint">{t('conflict.keepHint')}</p>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
