import { useTranslation } from 'react-i18next';
import { useFormat } from '@/lib/use-format';
import { ErrorState } from './states';

type PagedQuery = {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  error: unknown;
  fetchNextPage: () => Promise<unknown>;
};

/** "Showing 50 of 1,234" and a button for the next page, with its own error and retry. */
export function LoadMore({ query, shown, total }: { query: PagedQuery; shown: number; total: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="load-more">
      <p role="status" className="hint">
        {t('common.showing', { shown: format.number(shown), total: format.number(total) })}
      </p>
      {query.isFetchNextPageError && <ErrorState error={query.error} onRetry={() => void query.fetchNextPage()} />}
      {query.hasNextPage && !query.isFetchNextPageError && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void query.fetchNextPage()}
          disabled={query.isFetchingNextPage}
        >
          {query.isFetchingNextPage ? t('common.loadingMore') : t('common.loadMore')}
        </button>
      )}
    </div>
  );
}
