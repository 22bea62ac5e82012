// The package as the receiver reads it (and the sender checks it): the minimum dataset, nothing else.
import { useTranslation } from 'react-i18next';
import { CATEGORY_LABELS, type ServiceCategory } from '#shared/directory/taxonomy.ts';
import type { ReferralPackage } from '#shared/referrals/referral.schema.ts';
import { Card } from '#web/components/ui/card.tsx';

export function PackageView({ pack }: { pack: ReferralPackage }) {
  const { t, i18n } = useTranslation('referrals');
  const lang = (['en', 'ro', 'nb'].includes(i18n.language) ? i18n.language : 'en') as 'en' | 'ro' | 'nb';
  const languageName = new Intl.DisplayNames([i18n.language], { type: 'language' });
  const none = t('detail.none');
  const rows: [string, string][] = [
    [t('detail.code'), pack.subjectCode],
    [t('detail.ageBand'), t(`ageBand.${pack.ageBand}`)],
    [t('detail.sex'), pack.sex ? t(`sex.${pack.sex}`) : none],
    [t('detail.languages'), pack.languages.map((l) => languageName.of(l) ?? l).join(', ') || none],
    [t('detail.needs'), pack.needs.map((n) => CATEGORY_LABELS[n as ServiceCategory]?.[lang] ?? n).join(', ') || none],
    [t('filters.urgency'), t(`urgency.${pack.urgency}`)],
    [t('detail.safeContact'), pack.safeContact ?? none],
    [t('detail.note'), pack.note ?? none],
  ];
  if (pack.identity) rows.push([t('detail.identity'), [pack.identity.name, pack.identity.birthYear, pack.identity.phone].filter(Boolean).join(' · ')]);
  return (
    <Card labelledBy="referral-package">
      <h2 id="referral-package">{t('detail.package', { version: pack.version })}</h2>
      <p className="hint">{t('detail.packageHint')}</p>
      <dl className="referral-facts">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd className="preserve-lines">{value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
