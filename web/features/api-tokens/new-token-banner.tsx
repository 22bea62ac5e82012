// The secret of a token just created, shown this once with a copy button: only its fingerprint is stored.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiTokenCreated } from '#shared/api-tokens/api-token.schema.ts';
import { Banner } from '#web/components/ui/banner.tsx';

export function NewTokenBanner({ created, onDone }: { created: ApiTokenCreated; onDone(): void }) {
  const { t } = useTranslation('api-tokens');
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const banner = useRef<HTMLDivElement>(null);
  useEffect(() => banner.current?.focus(), []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.secret);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };
  return (
    <Banner tone="success" title={t('created.title', { name: created.token.name })} ref={banner} tabIndex={-1}>
      <p>{t('created.once')}</p>
      <div className="field">
        <label htmlFor="new-api-token">{t('created.label')}</label>
        <input id="new-api-token" className="api-token-secret" readOnly value={created.secret} onFocus={(e) => e.currentTarget.select()} spellCheck={false} />
      </div>
      <p className="actions-row">
        <button type="button" onClick={() => void copy()}>
          {t('created.copy')}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          {t('created.done')}
        </button>
      </p>
      <p role="status">{copied === 'yes' ? t('created.copied') : copied === 'no' ? t('created.copyFailed') : ''}</p>
    </Banner>
  );
}
