// A translated error line for a failed request: forbidden, too many attempts, or a generic failure.
import { useTranslation } from 'react-i18next';

export function LoadError({ status }: { status: number | null }) {
  const { t } = useTranslation();
  const key = status === 403 ? 'error.forbidden' : status === 429 ? 'error.tooMany' : 'error.generic';
  return (
    <p className="alert error" role="alert">
      {t(key)}
    </p>
  );
}
