// Typing the short code printed under a QR code that will not scan (a cracked screen, a faded print).
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmitButton } from '#web/components/ui/form.tsx';

export function CheckInCodeForm({ onCode, busy }: { onCode(code: string): Promise<void>; busy: boolean }) {
  const { t } = useTranslation('event-check-in');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!code.trim()) {
      setError(t('code.required'));
      input.current?.focus();
      return;
    }
    setError(null);
    await onCode(code.trim());
    setCode('');
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="check-in-code-form" aria-labelledby="check-in-code-heading">
      <h2 id="check-in-code-heading">{t('code.heading')}</h2>
      <div className="field">
        <label htmlFor="check-in-code">{t('code.label')}</label>
        <p className="hint" id="check-in-code-hint">
          {t('code.hint')}
        </p>
        {error && (
          <p className="field-error" id="check-in-code-error">
            {error}
          </p>
        )}
        <input
          id="check-in-code"
          ref={input}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={64}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'check-in-code-hint check-in-code-error' : 'check-in-code-hint'}
        />
      </div>
      <SubmitButton pending={busy}>{t('code.submit')}</SubmitButton>
    </form>
  );
}
