import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@/lib/use-format';
import { ErrorState } from './states';

type PagedQuery = {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  error: unknown;
  fetchNextPage: () => Promise<{ hasNextPage: boolean }>;
};

/**
 * "Showing 50 of 1,234" and a button for the next page, with its own error and retry.
 * The button is never disabled (that would drop keyboard focus to the page); when the last
 * page arrives and the button goes, focus moves to the count.
 */
export function LoadMore({ query, shown, total }: { query: PagedQuery; shown: number; total: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const statusRef = useRef<HTMLParagraphElement>(null);

  const handleClick = async () => {
    if (query.isFetchingNextPage) return;
    const result = await query.fetchNextPage();
    if (!result.hasNextPage) statusRef.current?.focus();
  };

  return (
    <div className="load-more">
      <p role="status" className="hint" tabIndex={-1} ref={statusRef}>
        {t('common.showing', { shown: format.number(shown), total: format.number(total) })}
      </p>
      {query.isFetchNextPageError && <ErrorState error={query.error} onRetry={() => void query.fetchNextPage()} />}
      {query.hasNextPage && !query.isFetchNextPageError && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void handleClick()}
          aria-disabled={query.isFetchingNextPage || undefined}
        >
          {query.isFetchingNextPage ? t('common.loadingMore') : t('common.loadMore')}
        </button>
      )}
    </div>
  );
}
