// The "Safe contact" panel at the top of every case part: when and how the person may be contacted, and what must
// never be done. It comes before any contact action, so nobody calls, writes or visits without having seen it.
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '#shared/cases/case.schema.ts';

export function SafeContactPanel({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation('cases');
  const sc = detail.safeContact;
  return (
    <section className="safe-contact-panel" aria-labelledby="safe-contact-title">
      <h2 id="safe-contact-title">{t('safeContact.title')}</h2>
      {!sc ? (
        <p>{t('safeContact.none')}</p>
      ) : (
        <>
          {sc.never.length > 0 && (
            <div className="safe-contact-never">
              <p className="alert-title">{t('safeContact.never')}</p>
              <ul>
                {sc.never.map((n) => (
                  <li key={n}>{t(`never.${n}`)}</li>
                ))}
              </ul>
            </div>
          )}
          <dl className="facts">
            <dt>{t('safeContact.channels')}</dt>
            <dd>{sc.channels.length > 0 ? sc.channels.map((c) => t(`channel.${c}`)).join(', ') : t('overview.notRecorded')}</dd>
            <dt>{t('safeContact.times')}</dt>
            <dd>{sc.times ?? t('overview.notRecorded')}</dd>
            <dt>{t('safeContact.codeWord')}</dt>
            <dd>{sc.codeWord ?? t('overview.notRecorded')}</dd>
            {sc.note && (
              <>
                <dt>{t('safeContact.note')}</dt>
                <dd className="preserve-lines">{sc.note}</dd>
              </>
            )}
          </dl>
        </>
      )}
    </section>
  );
}
