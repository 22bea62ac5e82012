// Possible duplicates found through the blind index (own organisation only). A case the reader may open is linked;
// one they may not open is only said to exist: its code would already tell too much, so they ask their coordinator.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseDuplicates } from '#shared/cases/case.schema.ts';
import { Banner } from '#web/components/ui/banner.tsx';

export function DuplicatesNotice({ matches, role }: { matches: CaseDuplicates['matches']; role?: 'status' | 'alert' }) {
  const { t } = useTranslation('cases');
  if (matches.length === 0) return null;
  const kinds = (k: string[]) => k.map((kind) => t(`duplicates.kind.${kind}`)).join(', ');
  const hidden = matches.filter((m) => !m.visible);
  return (
    <Banner tone="warning" title={t('duplicates.title')} role={role}>
      <ul>
        {matches
          .filter((m) => m.visible && m.caseId)
          .map((m) => (
            <li key={m.caseId}>
              <Link to={`/cases/${m.caseId}`}>{m.code}</Link> — {t('duplicates.matchesOn', { kinds: kinds(m.kinds) })}
            </li>
          ))}
        {hidden.length > 0 && <li>{t('duplicates.hidden', { count: hidden.length })}</li>}
      </ul>
    </Banner>
  );
}
