// /account: the signed-in person's own settings: who they are, language, organisation, password, two-factor, sessions.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '#web/components/page.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { useMe } from './me.api.ts';
import { LanguageSection, OrganisationSection } from './preferences-section.tsx';
import { PasswordSection } from './password-section.tsx';
import { SessionsSection } from './sessions-section.tsx';
import { TwoFactorSection } from './two-factor-section.tsx';

export function AccountPage() {
  const { t } = useTranslation('account');
  const me = useMe();
  if (!me.data) return <Loading />;
  const { account } = me.data;
  return (
    <Page title={t('title')}>
      <section aria-labelledby="account-profile">
        <h2 id="account-profile">{t('profile.heading')}</h2>
        <dl className="facts">
          <dt>{t('profile.name')}</dt>
          <dd>{account.displayName}</dd>
          <dt>{t('profile.email')}</dt>
          <dd className="wrap-anywhere">{account.email}</dd>
        </dl>
        <p>
          <Link to="/registration">{t('event-registration:account.link')}</Link>
        </p>
      </section>
      <OrganisationSection me={me.data} />
      <LanguageSection current={account.language} />
      <PasswordSection email={account.email} />
      <TwoFactorSection />
      <SessionsSection />
    </Page>
  );
}
