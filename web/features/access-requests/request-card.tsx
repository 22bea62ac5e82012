// One pending request: who asks, their profession, workplace and country, the organisation they chose, and when.
import { useTranslation } from 'react-i18next';
import type { AccessRequest } from '#shared/access-requests/access-request.schema.ts';

export function RequestCard(props: { request: AccessRequest; onApprove(): void; onDecline(): void }) {
  const { t, i18n } = useTranslation('access');
  const { request } = props;
  const headingId = `request-${request.id}`;
  const country = new Intl.DisplayNames([i18n.language], { type: 'region' }).of(request.country) ?? request.country;
  const received = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(request.createdAt);
  const profession = request.profession === 'other' ? (request.professionOther ?? t('professions.other')) : t(`professions.${request.profession}`);
  return (
    <li className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>{request.name}</h3>
      <dl className="facts">
        <dt>{t('admin.email')}</dt>
        <dd>{request.email}</dd>
        <dt>{t('admin.profession')}</dt>
        <dd>{profession}</dd>
        <dt>{t('admin.institution')}</dt>
        <dd>{request.institution}</dd>
        <dt>{t('admin.country')}</dt>
        <dd>{country}</dd>
        <dt>{t('admin.organisation')}</dt>
        <dd>{request.organisationName ?? t('admin.unknownOrganisation')}</dd>
        <dt>{t('admin.received')}</dt>
        <dd>{received}</dd>
      </dl>
      <div className="actions-row">
        <button type="button" onClick={props.onApprove} aria-describedby={headingId}>
          {t('admin.approve')}
        </button>
        <button type="button" className="secondary" onClick={props.onDecline} aria-describedby={headingId}>
          {t('admin.decline')}
        </button>
      </div>
    </li>
  );
}
