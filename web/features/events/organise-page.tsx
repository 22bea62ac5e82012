// /events/organise — the organiser's events (their organisation leads or co-organises them), any status: title to
// the edit page, type, status, dates, places held of capacity; and the "New event" button.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '#web/components/page.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { TableWrap } from '#web/components/ui/table-wrap.tsx';
import { useReaderLanguage } from '#web/features/library/reader-language.ts';
import { formatEventDay } from './event-time.ts';
import { useOrganisedEvents } from './events.api.ts';

export function OrganisePage() {
  const { t } = useTranslation('events');
  const lang = useReaderLanguage();
  const list = useOrganisedEvents(lang);
  const newEvent = (
    <Link className="button" to="/events/new">
      {t('organise.new')}
    </Link>
  );
  return (
    <Page title={t('organise.title')} actions={newEvent}>
      <p className="lead">{t('organise.lead')}</p>
      {list.isPending && <Loading />}
      {list.isError && (
        <p className="alert error" role="alert">
          {t('organise.error')}
        </p>
      )}
      {list.data && list.data.events.length === 0 && <p>{t('organise.none')}</p>}
      {list.data && list.data.events.length > 0 && (
        <TableWrap label={t('organise.table')}>
          <table>
            <caption className="visually-hidden">{t('organise.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('organise.columns.title')}</th>
                <th scope="col">{t('organise.columns.type')}</th>
                <th scope="col">{t('organise.columns.status')}</th>
                <th scope="col">{t('organise.columns.when')}</th>
                <th scope="col">{t('organise.columns.places')}</th>
                <th scope="col">{t('organise.columns.role')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.events.map((e) => (
                <tr key={e.id}>
                  <td>
                    <Link to={`/events/${e.id}/edit`}>{e.title}</Link>
                  </td>
                  <td>{t(`types.${e.type}`)}</td>
                  <td>
                    <span className={`badge event-status-${e.status}`}>{t(`status.${e.status}`)}</span>
                  </td>
                  <td>{formatEventDay(e.startsAt, e.timeZone, lang)}</td>
                  <td>{t('organise.held', { held: e.seatsHeld, capacity: e.capacity })}</td>
                  <td>{e.lead ? t('organise.lead_role') : t('organise.coOrganiser')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </Page>
  );
}
