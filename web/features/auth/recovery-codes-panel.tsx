// Shows freshly made recovery codes once, and asks the person to confirm they saved them before going on.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RecoveryCodeTools } from './recovery-code-tools.tsx';

export function RecoveryCodesPanel(props: { codes: string[]; continueLabel: string; onContinue(): void }) {
  const { t } = useTranslation('auth');
  const id = useId();
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const checkbox = useRef<HTMLInputElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!saved) {
      setError(true);
      checkbox.current?.focus();
      return;
    }
    props.onContinue();
  };
  return (
    <section aria-labelledby={`${id}-heading`} className="card">
      <div className="recovery-print">
        <h2 id={`${id}-heading`} tabIndex={-1} ref={heading}>
          {t('recovery.heading')}
        </h2>
        <p>{t('recovery.intro')}</p>
        {/* NOTE: no numbers: they ran into the codes (issue 8); role="list" because Safari drops list-style:none lists. */}
        <ul className="recovery-codes code" role="list" aria-label={t('recovery.listLabel')}>
          {props.codes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
      </div>
      <RecoveryCodeTools codes={props.codes} />
      <p className="muted">{t('recovery.once')}</p>
      <form className="stack" onSubmit={submit} noValidate>
        <div className="checkbox-field">
          <input
            ref={checkbox}
            type="checkbox"
            id={`${id}-saved`}
            checked={saved}
            onChange={(e) => {
              setSaved(e.target.checked);
              setError(false);
            }}
            aria-invalid={error || undefined}
            aria-describedby={error ? `${id}-saved-error` : undefined}
          />
          <label htmlFor={`${id}-saved`}>{t('recovery.saved')}</label>
        </div>
        {error && (
          <p className="field-error" id={`${id}-saved-error`} role="alert">
            {t('recovery.savedMissing')}
          </p>
        )}
        <p>
          <button type="submit">{props.continueLabel}</button>
        </p>
      </form>
    </section>
  );
}
