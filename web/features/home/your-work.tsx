// The signed-in home: what waits for this person (one card per kind of work, with its count and where it is done),
// then the same routes into the library as signed out.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InboxItem } from '#shared/inbox/inbox.schema.ts';
import { Loading } from '#web/components/ui/loading.tsx';
import { useInbox } from './inbox.api.ts';
import { LibrarySearchBox } from './library-search-box.tsx';
import { StartHere } from './start-here.tsx';

export function YourWork() {
  const { t } = useTranslation();
  const inbox = useInbox();
  return (
    <>
      <section aria-labelledby="home-work">
        <h2 id="home-work">{t('home.work.heading')}</h2>
        {inbox.isPending && <Loading />}
        {inbox.isError && <p className="alert error">{t('home.work.error')}</p>}
        {inbox.data && (inbox.data.items.length > 0 ? <WorkCards items={inbox.data.items} /> : <NothingWaiting />)}
      </section>
      <StartHere />
      <LibrarySearchBox />
    </>
  );
}

function WorkCards({ items }: { items: InboxItem[] }) {
  const { t } = useTranslation();
  return (
    <ul className="home-cards">
      {items.map((item) => (
        <li key={item.kind} className="card home-card home-work-item">
          <Link to={item.href}>{t(`home.inbox.${item.kind}`, { count: item.count })}</Link>
        </li>
      ))}
    </ul>
  );
}

function NothingWaiting() {
  const { t } = useTranslation();
  return (
    <p>
      {t('home.work.empty')} <Link to="/library">{t('home.work.library')}</Link>
    </p>
  );
}
