// /registration#<token>: the person's own registration (the secret stays in the fragment and goes to the server in a
// POST body only): event, status, waiting-list place, an open offer to accept or decline, cancel, the calendar file,
// and the parts other features add (QR code, evaluation, certificate). Without a fragment: "my registrations".
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Page } from '#web/components/page.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { useMe } from '#web/features/account/me.api.ts';
import type { RegistrationView } from '#shared/events/registration.schema.ts';
import { EvaluationLink } from './evaluation-link.tsx';
import { RegistrationCertificate } from './registration-certificate.tsx';
import { RegistrationQr } from './registration-qr.tsx';
import { downloadIcs, useMyRegistrations, useRegistrationView } from './registration.api.ts';
import { type ActionOutcome, CancelRegistration, OfferAnswer, OutcomeAnnouncement } from './registration-actions.tsx';

export function RegistrationPage() {
  const { t } = useTranslation('event-registration');
  const token = useLocation().hash.replace(/^#/, '');
  if (!token) return <MyRegistrationsPage />;
  return (
    <Page title={t('page.title')}>
      <RegistrationDetails token={token} />
    </Page>
  );
}

function RegistrationDetails({ token }: { token: string }) {
  const { t } = useTranslation('event-registration');
  const view = useRegistrationView(token);
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null);
  if (view.isPending) return <Loading />;
  if (view.isError || !view.data) return <p className="alert error">{t('page.invalid')}</p>;
  const r = view.data;
  return (
    <div className="stack registration-view">
      <OutcomeAnnouncement outcome={outcome} />
      <EventFacts r={r} />
      {r.eventStatus === 'cancelled' && <p className="alert notice">{t('page.eventCancelled')}</p>}
      {r.via === 'offer' && r.status !== 'offered' && <p className="hint">{t('page.offerLinkNote')}</p>}
      {r.status === 'offered' && r.offer?.status === 'open' && <OfferAnswer token={token} expiresAt={r.offer.expiresAt} onOutcome={setOutcome} />}
      {r.via === 'manage' && (
        <>
          <RegistrationQr {...slotProps(token, r)} />
          <EvaluationLink {...slotProps(token, r)} />
          <RegistrationCertificate {...slotProps(token, r)} />
          <CalendarButton token={token} r={r} />
          {!r.eventStarted && ['pending_approval', 'confirmed', 'waitlisted', 'offered'].includes(r.status) && <CancelRegistration token={token} waitlisted={r.status === 'waitlisted'} onOutcome={setOutcome} />}
        </>
      )}
    </div>
  );
}

function slotProps(token: string, r: RegistrationView) {
  return { token, registrationId: r.registrationId, eventId: r.eventId, status: r.status, checkedIn: r.checkedIn, eventEnded: r.eventEnded, language: r.language };
}

function EventFacts({ r }: { r: RegistrationView }) {
  const { t, i18n } = useTranslation('event-registration');
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'full', timeStyle: 'short', timeZone: r.timeZone });
  const place = [r.venueName, r.venueAddress, r.venueCity].filter(Boolean).join(', ');
  return (
    <section aria-labelledby="registration-event" className="card">
      <h2 id="registration-event">
        <Link to={`/events/${r.eventId}`}>{r.title}</Link>
      </h2>
      <dl className="facts">
        <dt>{t('page.when')}</dt>
        <dd>
          <time dateTime={r.startsAt.toISOString()}>{when.format(r.startsAt)}</time>
        </dd>
        {place && (
          <>
            <dt>{t('page.where')}</dt>
            <dd>{place}</dd>
          </>
        )}
        {r.onlineUrl && (
          <>
            <dt>{t('page.online')}</dt>
            <dd className="wrap-anywhere">
              <a href={r.onlineUrl} rel="noopener noreferrer">
                {r.onlineUrl}
              </a>
            </dd>
          </>
        )}
        <dt>{t('page.status')}</dt>
        <dd>
          <strong>{t(`status.${r.status}`)}</strong>
          {r.waitlistPosition !== null && <span> — {t('page.position', { n: r.waitlistPosition })}</span>}
        </dd>
      </dl>
    </section>
  );
}

function CalendarButton({ token, r }: { token: string; r: RegistrationView }) {
  const { t } = useTranslation('event-registration');
  const [failed, setFailed] = useState(false);
  if (r.status === 'cancelled' || r.status === 'rejected' || r.eventEnded) return null;
  return (
    <div>
      <button type="button" className="button secondary" onClick={() => downloadIcs(token).then(() => setFailed(false), () => setFailed(true))}>
        {t('page.addToCalendar')}
      </button>
      {failed && (
        <p className="alert error" role="alert">
          {t('page.calendarFailed')}
        </p>
      )}
    </div>
  );
}

function MyRegistrationsPage() {
  const { t, i18n } = useTranslation('event-registration');
  const me = useMe();
  const signedIn = !!me.data;
  const mine = useMyRegistrations(signedIn);
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  return (
    <Page title={t('page.myTitle')}>
      {me.isPending && <Loading />}
      {me.isSuccess && !signedIn && <p className="alert notice">{t('page.invalid')}</p>}
      {signedIn && <p>{t('page.mineIntro')}</p>}
      {mine.isPending && signedIn && <Loading />}
      {mine.data && mine.data.registrations.length === 0 && (
        <p>
          {t('page.mineEmpty')} <Link to="/events">{t('page.browse')}</Link>
        </p>
      )}
      {mine.data && mine.data.registrations.length > 0 && (
        <ul className="my-registrations">
          {mine.data.registrations.map((r) => (
            <li key={r.eventId} className="card">
              <Link to={`/events/${r.eventId}`}>{r.title}</Link>
              <span className="hint">
                <time dateTime={r.startsAt.toISOString()}>{date.format(r.startsAt)}</time> · {t(`status.${r.status}`)}
                {r.checkedIn && ` · ${t('page.checkedIn')}`}
              </span>
              <Link to={`/registration#${r.token}`}>{t('page.openMine')}</Link>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
