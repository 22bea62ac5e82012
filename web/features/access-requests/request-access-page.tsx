// /request-access: a professional without an account asks for one. The confirmation reads the same whether or not the
// address already has an account, so the page tells no one who uses the platform.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '#web/components/page.tsx';
import { focusSoon } from '#web/components/ui/form.tsx';
import { RequestAccessForm } from './request-access-form.tsx';

export function RequestAccessPage() {
  const { t } = useTranslation('access');
  const [sent, setSent] = useState(false);
  const confirmation = useRef<HTMLDivElement>(null);
  const done = () => {
    setSent(true);
    focusSoon(confirmation);
  };
  return (
    <Page title={t('page.title')}>
      {sent ? (
        <div className="alert success" role="status" tabIndex={-1} ref={confirmation}>
          <p>{t('page.sent')}</p>
          <p>{t('page.sentNext')}</p>
        </div>
      ) : (
        <>
          <p className="lead">{t('page.intro')}</p>
          <p>{t('page.noCaseData')}</p>
          <RequestAccessForm onSent={done} />
        </>
      )}
      <p>
        <Link to="/sign-in">{t('page.haveAccount')}</Link>
      </p>
    </Page>
  );
}
