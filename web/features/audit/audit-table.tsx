// The results table: time, who, and what was done (by name) with its details in words; ids, codes, the IP address and
// the entry number sit behind each entry's "Technical details". Names and records link to "only these" filters.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AuditEntry } from '#shared/audit/audit.schema.ts';
import { actionName, splitDetails } from './audit-names.ts';
import { TableWrap } from '#web/components/ui/table-wrap.tsx';

type FilterLink = (extra: Record<string, string>) => string;

export function AuditTable({ entries, showOrganisation, filterLink }: { entries: AuditEntry[]; showOrganisation: boolean; filterLink: FilterLink }) {
  const { t, i18n } = useTranslation('audit');
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' });
  return (
    <TableWrap label={t('table.caption')}>
      <table>
        <caption className="visually-hidden">{t('table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('table.time')}</th>
            <th scope="col">{t('table.who')}</th>
            {showOrganisation && <th scope="col">{t('table.organisation')}</th>}
            <th scope="col">{t('table.action')}</th>
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
                {/* NOTE: one cell for what was done and its details, so a phone's narrow table keeps them readable. */}
                <div>
                  <strong>{actionName(t, e.action) ?? t('filters.action.unknown')}</strong>
                </div>
                <Details entry={e} filterLink={filterLink} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function Details({ entry, filterLink }: { entry: AuditEntry; filterLink: FilterLink }) {
  const { t, i18n } = useTranslation('audit');
  const { plain, technical } = splitDetails(t, i18n.language, entry.details);
  return (
    <>
      {plain.length > 0 && (
        <ul className="detail-list">
          {plain.map((d) => (
            <li key={d.key}>
              <span className="muted">{d.label}:</span> {d.value}
            </li>
          ))}
        </ul>
      )}
      <details className="audit-technical">
        <summary>{t('table.technicalDetails')}</summary>
        <ul className="detail-list">
          <li>
            <span className="muted">{t('table.entity')}:</span> <code className="wrap-anywhere">{entry.entityId ? `${entry.entityType} ${entry.entityId}` : entry.entityType}</code>
            {entry.entityId && (
              <>
                {' '}
                <Link to={filterLink({ entityType: entry.entityType, entityId: entry.entityId })}>{t('table.onlyEntityShort')}</Link>
              </>
            )}
          </li>
          <li>
            <span className="muted">{t('table.actionCode')}:</span> <code className="wrap-anywhere">{entry.action}</code>
          </li>
          {technical.map(([key, value]) => (
            <li key={key}>
              <span className="muted">{key}:</span> <code className="wrap-anywhere">{typeof value === 'string' ? value : JSON.stringify(value)}</code>
            </li>
          ))}
          {entry.ip && (
            <li>
              <span className="muted">{t('table.ip')}:</span> <code>{entry.ip}</code>
            </li>
          )}
          <li>
            <span className="muted">{t('table.seq')}:</span> {entry.seq}
          </li>
        </ul>
      </details>
    </>
  );
}
