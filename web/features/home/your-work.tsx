// The signed-in home: what waits for this person (one card per kind of work, with its count and where it is done),
// then the same routes into the library as signed out.
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CASE_DATA_ROLES } from '#shared/auth/roles.ts';
import type { InboxItem } from '#shared/inbox/inbox.schema.ts';
import { Loading } from '#web/components/ui/loading.tsx';
import { useMe } from '#web/features/account/me.api.ts';
import { loadAllNamespaces } from '#web/lib/i18n.ts';
import { useInbox } from './inbox.api.ts';
import { LibrarySearchBox } from './library-search-box.tsx';
import { StartHere } from './start-here.tsx';

// NOTE: only for people who hold case work, and loaded with its strings only then (not in the reader's start bundle).
const MyWorkToday = lazy(async () => {
  const [module] = await Promise.all([import('./my-work-today.tsx'), loadAllNamespaces()]);
  return { default: module.MyWorkToday };
});

// NOTE: lazy too, with its own namespace: the learning strings stay out of the start bundle.
const ContinueCourse = lazy(async () => {
  const [module] = await Promise.all([import('#web/features/learning/continue-course.tsx'), loadAllNamespaces()]);
  return { default: module.ContinueCourse };
});

export function YourWork() {
  const { t } = useTranslation();
  const inbox = useInbox();
  const me = useMe();
  const hasCaseWork = me.data?.roles.some((r) => (CASE_DATA_ROLES as readonly string[]).includes(r)) ?? false;
  return (
    <>
      <section aria-labelledby="home-work">
        <h2 id="home-work">{t('home.work.heading')}</h2>
        {inbox.isPending && <Loading />}
        {inbox.isError && <p className="alert error">{t('home.work.error')}</p>}
        {inbox.data && (inbox.data.items.length > 0 ? <WorkCards items={inbox.data.items} /> : <NothingWaiting />)}
      </section>
      <Suspense fallback={null}>
        <ContinueCourse />
      </Suspense>
      {hasCaseWork && (
        <Suspense fallback={<Loading />}>
          <MyWorkToday />
        </Suspense>
      )}
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
