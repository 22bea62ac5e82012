// The actions on one certificate: download the PDF and the credential, open and copy the verification link.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CertificateSummary } from '#shared/certificates/certificate.schema.ts';
import { BusyButton } from '#web/components/ui/busy-button.tsx';
import { downloadFile } from './certificates.api.ts';

/** Where the files come from: the registration link's secret (in the body) or the signed-in owner's id. */
export type FileSource = { token: string } | { owner: true };

export function CertificateActions({ certificate, source }: { certificate: CertificateSummary; source: FileSource }) {
  const { t } = useTranslation('certificates');
  const [busy, setBusy] = useState<'pdf' | 'json' | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const download = async (kind: 'pdf' | 'json') => {
    setBusy(kind);
    setNote(null);
    try {
      if ('token' in source) await downloadFile(kind === 'pdf' ? '/api/certificates/pdf' : '/api/certificates/credential', { token: source.token });
      else await downloadFile(kind === 'pdf' ? `/api/certificates/${certificate.id}/pdf` : `/api/certificates/${certificate.id}/credential.json`);
    } catch {
      setNote(t('actions.downloadFailed'));
    } finally {
      setBusy(null);
    }
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(certificate.verifyUrl);
      setNote(t('actions.copied'));
    } catch {
      setNote(t('actions.copyFailed'));
    }
  };
  return (
    <div className="certificate-actions">
      <BusyButton busy={busy === 'pdf'} disabled={busy !== null} onClick={() => void download('pdf')}>
        {t('actions.pdf')}
        <span className="visually-hidden"> ({certificate.title})</span>
      </BusyButton>
      <BusyButton className="secondary" busy={busy === 'json'} disabled={busy !== null} onClick={() => void download('json')}>
        {t('actions.credential')}
        <span className="visually-hidden"> ({certificate.title})</span>
      </BusyButton>
      <button type="button" className="secondary" onClick={() => void copy()}>
        {t('actions.copyLink')}
        <span className="visually-hidden"> ({certificate.title})</span>
      </button>
      <a href={`/verify/${certificate.code}`}>{t('actions.openVerify')}</a>
      <p className="hint" role="status">
        {note}
      </p>
    </div>
  );
}
