// "My work today" on the signed-in home, for people who hold case work: their tasks due today or overdue and the
// follow-ups due on their assistance records, as case codes, what and when — never a note. Loaded lazily (with its
// strings), so the reader's start bundle stays as it is (docs/decisions/010).
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Loading } from '#web/components/ui/loading.tsx';
import { TableWrap } from '#web/components/ui/table-wrap.tsx';
import { Tag } from '#web/components/ui/tag.tsx';
import { useMyWork } from '#web/features/cases/assistance.api.ts';

export function MyWorkToday() {
  const { t, i18n } = useTranslation('case-assistance');
  const work = useMyWork(true);
  const heading = useRef<HTMLHeadingElement>(null);
  const { hash } = useLocation();
  // NOTE: the inbox line links here (/#my-work); a client-side navigation does not scroll to a hash by itself.
  useEffect(() => {
    if (hash === '#my-work' && work.data) heading.current?.focus();
  }, [hash, work.data]);
  const date = (day: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
  return (
    <section aria-labelledby="my-work-today" id="my-work">
      <h2 id="my-work-today" ref={heading} tabIndex={-1}>{t('myWork.heading')}</h2>
      {work.isPending && <Loading />}
      {work.isError && <p className="alert error">{t('myWork.loadError')}</p>}
      {work.data &&
        (work.data.items.length === 0 ? (
          <p>{t('myWork.empty')}</p>
        ) : (
          <TableWrap label={t('myWork.tableLabel')}>
            <table>
              <caption className="visually-hidden">{t('myWork.tableLabel')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('myWork.case')}</th>
                  <th scope="col">{t('myWork.what')}</th>
                  <th scope="col">{t('myWork.due')}</th>
                </tr>
              </thead>
              <tbody>
                {work.data.items.map((item, i) => (
                  <tr key={`${item.kind}-${item.caseId}-${i}`}>
                    <th scope="row">
                      <Link to={`/cases/${item.caseId}/${item.kind === 'task' ? 'tasks' : 'assistance'}`}>{item.caseCode}</Link>
                    </th>
                    <td>{item.kind === 'task' ? t(`tasks.kinds.${item.taskKind}`) : t('myWork.followUp', { type: t(`assistance.types.${item.assistanceType}`) })}</td>
                    <td>
                      {date(item.dueOn)} {item.dueOn < work.data.today ? <Tag tone="warning">{t('myWork.overdue')}</Tag> : <Tag>{t('myWork.today')}</Tag>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        ))}
    </section>
  );
}
