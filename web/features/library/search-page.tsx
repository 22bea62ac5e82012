// /library/search?q=&lang=&publication= — the full search page (the same panel as on /library).
import { useTranslation } from 'react-i18next';
import { useWarmOfflineLibrary } from './offline.ts';
import { ReaderPage } from './reader-frame.tsx';
import { SearchPanel } from './search-panel.tsx';

export function SearchPage() {
  const { t } = useTranslation('library');
  useWarmOfflineLibrary();
  return (
    <ReaderPage heading={t('search.title')} documentTitle={t('search.title')} crumbs={[{ to: '/library', label: t('title') }]}>
      <SearchPanel />
    </ReaderPage>
  );
}
