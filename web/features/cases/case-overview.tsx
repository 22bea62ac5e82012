// The case's general part: who the person is in codes (age band, gender, citizenship, languages), the trafficking
// status and who decided it, the HTCDS victim context, the child path, and how the case was opened. Team members who
// may write the general category edit it here (overview-form.tsx).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Banner } from '#web/components/ui/banner.tsx';
import { Card } from '#web/components/ui/card.tsx';
import { ChildProtectionFacts, ContextFacts, PersonFacts } from './case-facts.tsx';
import type { CaseSectionProps } from './case-sections.ts';
import { OverviewForm } from './overview-form.tsx';

export function CaseOverview({ detail }: CaseSectionProps) {
  const { t, i18n } = useTranslation('cases');
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  // NOTE: break-glass reads every category but writes none; the team's own grant decides the edit button.
  const mayEdit = detail.grant.teamCategories.includes('general') && !detail.anonymisedAt;
  if (editing) {
    return (
      <Card>
        <OverviewForm detail={detail} onDone={() => (setEditing(false), setSaved(true))} onCancel={() => setEditing(false)} />
      </Card>
    );
  }
  return (
    <Card>
      <h2>{t('section.overview')}</h2>
      {saved && (
        <Banner tone="success" role="status">
          <p>{t('overview.saved')}</p>
        </Banner>
      )}
      {detail.childPath && <Banner tone="warning">{t('overview.childPath')}</Banner>}
      {mayEdit && (
        <p>
          <button type="button" className="secondary" onClick={() => (setSaved(false), setEditing(true))}>
            {t('overview.edit')}
          </button>
        </p>
      )}
      <PersonFacts facts={detail}>
        <dt>{t('overview.owner')}</dt>
        <dd>{detail.ownerName ?? t('overview.notRecorded')}</dd>
        <dt>{t('overview.opened')}</dt>
        <dd>{date.format(detail.openedAt)}</dd>
        {detail.closedAt && (
          <>
            <dt>{t('overview.closed')}</dt>
            <dd>
              {date.format(detail.closedAt)}
              {detail.closureReason && ` (${t(`closureReason.${detail.closureReason}`)})`}
            </dd>
          </>
        )}
        {detail.openedFromReferral && (
          <>
            <dt>{t('overview.fromReferral')}</dt>
            <dd>
              <Link to={`/referrals/${detail.openedFromReferral.id}`}>{detail.openedFromReferral.reference}</Link>
            </dd>
          </>
        )}
      </PersonFacts>
      <ChildProtectionFacts facts={detail} />
      <h3>{t('form.victimContext')}</h3>
      <ContextFacts facts={detail} />
    </Card>
  );
}
