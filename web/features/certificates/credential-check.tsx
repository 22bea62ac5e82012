// "Check a credential file": paste the JSON or choose the file; the server verifies it (proof, issuer, status, dates).
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CREDENTIAL_TEXT_MAX } from '#shared/certificates/certificate.schema.ts';
import { FileField } from '#web/components/ui/file-field.tsx';
import { SubmitButton } from '#web/components/ui/form.tsx';
import { useCheckCredential } from './certificates.api.ts';
import { VerificationResult } from './verification-result.tsx';

export function CredentialCheck() {
  const { t } = useTranslation('certificates');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const check = useCheckCredential();
  const onFile = async (file: File | null) => {
    if (!file) return;
    if (file.size > CREDENTIAL_TEXT_MAX) return setError(t('check.tooLarge'));
    setError(null);
    setText(await file.text());
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim().length < 2) return setError(t('check.empty'));
    if (text.length > CREDENTIAL_TEXT_MAX) return setError(t('check.tooLarge'));
    setError(null);
    check.mutate(text);
  };
  return (
    <section className="card stack" aria-labelledby="credential-check-heading">
      <h2 id="credential-check-heading">{t('check.heading')}</h2>
      <p>{t('check.intro')}</p>
      <form className="stack" noValidate onSubmit={submit}>
        <FileField id="credential-file" label={t('check.file')} hint={t('check.fileHint')} accept={['.json', 'application/json', 'application/ld+json']} inputRef={fileRef} onFile={(f) => void onFile(f)} />
        <div className="field">
          <label htmlFor="credential-text">{t('check.paste')}</label>
          <textarea id="credential-text" rows={6} value={text} onChange={(e) => setText(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? 'credential-text-error' : undefined} spellCheck={false} />
          {error && (
            <span className="field-error" id="credential-text-error">
              {error}
            </span>
          )}
        </div>
        <div>
          <SubmitButton pending={check.isPending}>{t('check.submit')}</SubmitButton>
        </div>
      </form>
      {check.isError && (
        <p className="alert error" role="alert">
          {t('errors.generic')}
        </p>
      )}
      {check.data && <VerificationResult verification={check.data} />}
    </section>
  );
}
