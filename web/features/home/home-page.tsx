import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '#web/components/page.tsx';
import { useMe } from '#web/features/account/me.api.ts';

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Page title={t('home.title')}>
      <p className="lead">{t('home.lead')}</p>
      {me.data ? (
        <p>{t('home.signedInAs', { name: me.data.account.displayName })}</p>
      ) : (
        <p>
          <Link to="/sign-in" className="button">
            {t('nav.signIn')}
          </Link>
        </p>
      )}
    </Page>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')}>
      <p>{t('notFound.text')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </Page>
  );
}
