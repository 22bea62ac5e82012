// An email's status in words (never colour alone).
import { useTranslation } from 'react-i18next';
import type { EmailStatus } from '#shared/email/outbox.schema.ts';

export function EmailStatusText({ status }: { status: EmailStatus }) {
  const { t } = useTranslation('outbox');
  return <span className={`status status-${status}`}>{t(`status.${status}`)}</span>;
}
