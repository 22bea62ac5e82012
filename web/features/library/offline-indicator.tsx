// Shown in the header while the browser is offline; the status region is always there so the change is announced.
import { useTranslation } from 'react-i18next';
import { useOnline } from './offline.ts';

export function OfflineIndicator() {
  const { t } = useTranslation('library');
  const online = useOnline();
  return (
    <p role="status" className="offline-indicator">
      {online ? '' : t('offline.status')}
    </p>
  );
}
