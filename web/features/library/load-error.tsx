// A list or table of contents that could not be loaded: offline and not saved yet, or a server error.
import { useTranslation } from 'react-i18next';
import { reasonOf } from './chapter-error.tsx';

export function LoadError({ error }: { error: Error }) {
  const { t } = useTranslation('library');
  const reason = reasonOf(error);
  const message = reason === 'offlineMissing' ? t('offline.missing') : reason === 'missing' ? t('toc.missing') : t('common:error.generic');
  return <p className="alert error">{message}</p>;
}
