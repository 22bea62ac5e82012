// A translated error line for a failed request: forbidden, too many attempts, or a generic failure.
import { useTranslation } from 'react-i18next';
import { Banner } from '#web/components/ui/banner.tsx';

export function LoadError({ status }: { status: number | null }) {
  const { t } = useTranslation();
  const key = status === 403 ? 'error.forbidden' : status === 429 ? 'error.tooMany' : 'error.generic';
  return (
    <Banner tone="error" role="alert">
      {t(key)}
    </Banner>
  );
}
