// /cases/:id/assistance — the assistance the reader's grant covers, grouped by type, and the case comments. The
// server lists only the categories the grant reads; the page says which ones those are.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssistanceRecord } from '#shared/cases/assistance.schema.ts';
import { ASSISTANCE_CATEGORY, ASSISTANCE_TYPES, type CaseCategory } from '#shared/cases/case-vocabulary.ts';
import { Banner } from '#web/components/ui/banner.tsx';
import { Card } from '#web/components/ui/card.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { Tag } from '#web/components/ui/tag.tsx';
import { useAssistance } from './assistance.api.ts';
import { AssistanceForm } from './assistance-form.tsx';
import type { CaseSectionProps } from './case-sections.ts';
import { CommentsPanel } from './comments-panel.tsx';

/** The categories the reader may write in (team grants, case not closed). */
export function writableOf(detail: CaseSectionProps['detail']): CaseCategory[] {
  const closed = detail.status === 'Closed' || detail.status === 'ClosedReferred';
  return detail.grant.via === 'team' && !closed ? detail.grant.teamCategories : [];
}

export function AssistanceSection({ detail }: CaseSectionProps) {
  const { t } = useTranslation('case-assistance');
  const list = useAssistance(detail.id);
  const [editing, setEditing] = useState<AssistanceRecord | 'new' | null>(null);
  const writable = writableOf(detail);
  const mayAdd = ASSISTANCE_TYPES.some((type) => writable.includes(ASSISTANCE_CATEGORY[type]));
  return (
    <>
      <Card labelledBy="assistance-heading">
        <h2 id="assistance-heading">{t('assistance.heading')}</h2>
        {list.isPending && <Loading />}
        {list.isError && <Banner tone="error">{t('common.loadError')}</Banner>}
        {list.data && (
          <>
            <p>{t('assistance.intro', { categories: list.data.categories.map((c) => t(`category.${c}`)).join(', ') })}</p>
            {mayAdd && (
              <p>
                <button type="button" onClick={() => setEditing('new')}>
                  {t('assistance.add')}
                </button>
              </p>
            )}
            {list.data.records.length === 0 ? <p>{t('common.none')}</p> : <ByType records={list.data.records} writable={writable} onEdit={setEditing} />}
          </>
        )}
      </Card>
      <CommentsPanel detail={detail} writable={writable} />
      {editing && <AssistanceForm caseId={detail.id} record={editing === 'new' ? null : editing} writable={writable} shareTargets={list.data?.shareTargets ?? []} onClose={() => setEditing(null)} />}
    </>
  );
}

function ByType({ records, writable, onEdit }: { records: AssistanceRecord[]; writable: CaseCategory[]; onEdit(r: AssistanceRecord): void }) {
  const { t } = useTranslation('case-assistance');
  const groups = ASSISTANCE_TYPES.map((type) => ({ type, records: records.filter((r) => r.type === type) })).filter((g) => g.records.length > 0);
  return (
    <>
      {groups.map((g) => (
        <section key={g.type} aria-labelledby={`assistance-${g.type}`} className="assistance-group">
          <h3 id={`assistance-${g.type}`}>{t(`assistance.types.${g.type}`)}</h3>
          <ul className="case-records">
            {g.records.map((r) => (
              <li key={r.id}>
                <RecordView record={r} onEdit={writable.includes(r.category) ? () => onEdit(r) : null} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function RecordView({ record: r, onEdit }: { record: AssistanceRecord; onEdit: (() => void) | null }) {
  const { t, i18n } = useTranslation('case-assistance');
  const date = (day: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
  const none = t('common.notRecorded');
  return (
    <article className="case-record">
      <p>
        <Tag tone={r.state === 'delivered' ? 'published' : 'neutral'}>{t(`assistance.states.${r.state}`)}</Tag> {date(r.occurredOn)}
        {r.serviceCategory && <> · {t(`assistance.services.${r.serviceCategory}`)}</>}
      </p>
      <dl className="facts">
        <dt>{t('assistance.provider')}</dt>
        <dd>{[r.providerOrganisationName, r.providerRole && t(`assistance.roles.${r.providerRole}`)].filter(Boolean).join(', ') || none}</dd>
        <dt>{t('assistance.deliveryMode')}</dt>
        <dd>{r.deliveryMode ? t(`assistance.modes.${r.deliveryMode}`) : none}</dd>
        <dt>{t('assistance.interpreterUsed')}</dt>
        <dd>{r.interpreterUsed === null ? none : r.interpreterUsed ? `${t('common.yes')}${r.interpreterLanguage ? ` (${r.interpreterLanguage})` : ''}` : t('common.no')}</dd>
        <dt>{t('assistance.outcome')}</dt>
        <dd>{r.outcome ? t(`assistance.outcomes.${r.outcome}`) : none}</dd>
        <dt>{t('assistance.followUpDue')}</dt>
        <dd>{r.followUpDue ? date(r.followUpDue) : none}</dd>
        <dt>{t('assistance.consent')}</dt>
        <dd>{r.consentId ? t('assistance.consentOnRecord') : none}</dd>
        <dt>{t('assistance.sharedWith')}</dt>
        <dd>{r.sharedWith.length > 0 ? r.sharedWith.map((s) => s.name).join(', ') : t('assistance.notShared')}</dd>
        {r.note && (
          <>
            <dt>{t('assistance.note')}</dt>
            <dd className="case-text">{r.note}</dd>
          </>
        )}
      </dl>
      <p className="hint">{t('common.by', { name: r.createdByName ?? '—' })}</p>
      {onEdit && (
        <button type="button" className="secondary" onClick={onEdit} aria-label={`${t('common.edit')}: ${t(`assistance.types.${r.type}`)}, ${date(r.occurredOn)}`}>
          {t('common.edit')}
        </button>
      )}
    </article>
  );
}
