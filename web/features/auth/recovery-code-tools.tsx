// Copy, download and print for freshly made recovery codes; the result is announced in a status line.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveFile } from '#web/lib/save-file.ts';

/** NOTE: a neutral file name and content: a download folder or a printout may be seen by someone else. */
export const RECOVERY_CODES_FILE = 'recovery-codes.txt';

export function RecoveryCodeTools(props: { codes: string[] }) {
  const { t } = useTranslation('auth');
  const [message, setMessage] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(`${props.codes.join('\n')}\n`);
      setMessage(t('recovery.copied'));
    } catch {
      setMessage(t('recovery.copyFailed'));
    }
  };
  const download = () => {
    saveFile(RECOVERY_CODES_FILE, new Blob([`${t('recovery.fileLine')}\n\n${props.codes.join('\n')}\n`], { type: 'text/plain;charset=utf-8' }));
    setMessage(t('recovery.downloaded'));
  };
  return (
    <>
      <div className="actions-row">
        <button type="button" className="secondary" onClick={() => void copy()}>
          {t('recovery.copy')}
        </button>
        <button type="button" className="secondary" onClick={download}>
          {t('recovery.download')}
        </button>
        {/* NOTE: the print styles (web/styles.css) leave only the heading and the codes on the page. */}
        <button type="button" className="secondary" onClick={() => window.print()}>
          {t('recovery.print')}
        </button>
      </div>
      <p role="status">
        {message}
      </p>
    </>
  );
}
