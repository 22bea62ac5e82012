// The home page: for someone who arrives not knowing the platform, where to start; for a signed-in person, their work.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '#web/components/page.tsx';
import { useMe } from '#web/features/account/me.api.ts';
import { FrontDoor } from './front-door.tsx';
import { UpcomingEvents } from './upcoming-events.tsx';
import { YourWork } from './your-work.tsx';

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Page title={t('home.title')}>
      <p className="lead">{t('home.lead')}</p>
      {me.data && <p>{t('home.signedInAs', { name: me.data.account.displayName })}</p>}
      {/* NOTE: nothing below until we know who this is, so a signed-in person never sees the signed-out page flash. */}
      {me.isSuccess && (me.data ? <YourWork /> : <FrontDoor />)}
      {me.isError && <FrontDoor />}
      {(me.isSuccess || me.isError) && <UpcomingEvents />}
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
