// The results table: time, who, action, entity, details. Names and entities link to "only these" filters.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AuditEntry } from '#shared/audit/audit.schema.ts';

export function AuditTable({ entries, showOrganisation, filterLink }: { entries: AuditEntry[]; showOrganisation: boolean; filterLink(extra: Record<string, string>): string }) {
  const { t, i18n } = useTranslation('audit');
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' });
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{t('table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('table.time')}</th>
            <th scope="col">{t('table.who')}</th>
            {showOrganisation && <th scope="col">{t('table.organisation')}</th>}
            <th scope="col">{t('table.action')}</th>
            <th scope="col">{t('table.entity')}</th>
            <th scope="col">{t('table.details')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.seq}>
              <td>
                <time dateTime={e.at.toISOString()}>{time.format(e.at)}</time>
              </td>
              <td>
                {e.actorAccountId ? (
                  <Link to={filterLink({ actorAccountId: e.actorAccountId })} aria-label={t('table.onlyActor', { name: e.actorName ?? t('table.unknownAccount') })}>
                    {e.actorName ?? t('table.unknownAccount')}
                  </Link>
                ) : (
                  <span className="muted">{t('table.system')}</span>
                )}
              </td>
              {showOrganisation && <td>{e.organisationName ?? <span className="muted">{t('table.noOrganisation')}</span>}</td>}
              <td>
                <code>{e.action}</code>
              </td>
              <td>
                <EntityCell entry={e} filterLink={filterLink} />
              </td>
              <td>
                <Details entry={e} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function EntityCell({ entry, filterLink }: { entry: AuditEntry; filterLink(extra: Record<string, string>): string }) {
  const { t } = useTranslation('audit');
  const label = entry.entityId ? `${entry.entityType} ${entry.entityId}` : entry.entityType;
  if (!entry.entityId) return <code>{label}</code>;
  return (
    <Link to={filterLink({ entityType: entry.entityType, entityId: entry.entityId })} aria-label={t('table.onlyEntity', { entity: label })}>
      <code className="wrap-anywhere">{label}</code>
    </Link>
  );
}

function Details({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation('audit');
  const items = Object.entries(entry.details);
  return (
    <ul className="detail-list">
      {items.map(([key, value]) => (
        <li key={key}>
          <span className="muted">{key}:</span> <code className="wrap-anywhere">{typeof value === 'string' ? value : JSON.stringify(value)}</code>
        </li>
      ))}
      {entry.ip && (
        <li>
          <span className="muted">{t('table.ip')}:</span> <code>{entry.ip}</code>
        </li>
      )}
      <li className="muted">#{entry.seq}</li>
    </ul>
  );
}
