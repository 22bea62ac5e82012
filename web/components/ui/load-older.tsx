// The foot of a list read in pages, newest first: how many entries are shown (announced), and "Load older".
import { useTranslation } from 'react-i18next';

interface Paged {
  isSuccess: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage(): Promise<unknown>;
}

export function LoadOlder({ pages, shown, label }: { pages: Paged; shown: string; label: string }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="visually-hidden" role="status" aria-live="polite">
        {pages.isSuccess ? shown : ''}
      </p>
      {pages.hasNextPage && (
        <p>
          <button type="button" className="secondary" onClick={() => void pages.fetchNextPage()} disabled={pages.isFetchingNextPage}>
            {pages.isFetchingNextPage ? t('loading') : label}
          </button>
        </p>
      )}
    </>
  );
}
