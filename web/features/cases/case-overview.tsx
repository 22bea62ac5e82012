// The case's general part: who the person is in codes (age band, gender, citizenship, languages), the trafficking
// status and who decided it, the child path, and how the case was opened.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Banner } from '#web/components/ui/banner.tsx';
import { Card } from '#web/components/ui/card.tsx';
import type { CaseSectionProps } from './case-sections.ts';

export function CaseOverview({ detail }: CaseSectionProps) {
  const { t, i18n } = useTranslation('cases');
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  return (
    <Card>
      <h2>{t('section.overview')}</h2>
      {detail.childPath && <Banner tone="warning">{t('overview.childPath')}</Banner>}
      <dl className="facts">
        <dt>{t('overview.ageBand')}</dt>
        <dd>{t(`ageBand.${detail.ageBand}`)}</dd>
        <dt>{t('overview.gender')}</dt>
        <dd>{detail.gender ? t(`gender.${detail.gender}`) : t('overview.notRecorded')}</dd>
        <dt>{t('overview.traffickingStatus')}</dt>
        <dd>{detail.traffickingStatus ? t(`traffickingStatus.${detail.traffickingStatus}`) : t('overview.notRecorded')}</dd>
        <dt>{t('overview.owner')}</dt>
        <dd>{detail.ownerName ?? t('overview.notRecorded')}</dd>
        <dt>{t('overview.opened')}</dt>
        <dd>{date.format(detail.openedAt)}</dd>
        {detail.openedFromReferral && (
          <>
            <dt>{t('overview.fromReferral')}</dt>
            <dd>
              <Link to={`/referrals/${detail.openedFromReferral.id}`}>{detail.openedFromReferral.reference}</Link>
            </dd>
          </>
        )}
      </dl>
    </Card>
  );
}
