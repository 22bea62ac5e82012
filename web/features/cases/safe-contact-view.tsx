// The case's safe-contact instructions (when and how the person may be contacted, what never to do), shown before
// any contact action. Without instructions it says so, and to ask the owner first.
import { useTranslation } from 'react-i18next';
import type { SafeContact } from '#shared/cases/case.schema.ts';
import { Banner } from '#web/components/ui/banner.tsx';

export function SafeContactView({ safeContact: s }: { safeContact: SafeContact | null }) {
  const { t } = useTranslation('case-assistance');
  if (!s) return <Banner tone="warning">{t('safeContact.none')}</Banner>;
  return (
    <Banner tone="warning" title={t('safeContact.heading')}>
      <dl className="facts">
        <dt>{t('safeContact.channels')}</dt>
        <dd>{s.channels.length > 0 ? s.channels.map((c) => t(`safeContact.channel.${c}`)).join(', ') : t('common.notRecorded')}</dd>
        <dt>{t('safeContact.times')}</dt>
        <dd>{s.times ?? t('common.notRecorded')}</dd>
        {s.codeWord && (
          <>
            <dt>{t('safeContact.codeWord')}</dt>
            <dd>{s.codeWord}</dd>
          </>
        )}
        <dt>{t('safeContact.never')}</dt>
        <dd>{s.never.length > 0 ? s.never.map((n) => t(`safeContact.nevers.${n}`)).join('; ') : t('common.notRecorded')}</dd>
        {s.note && (
          <>
            <dt>{t('safeContact.note')}</dt>
            <dd className="case-text">{s.note}</dd>
          </>
        )}
      </dl>
    </Banner>
  );
}
