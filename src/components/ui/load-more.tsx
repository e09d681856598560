import { useRef, type ReactNode } from 'react';
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

type PagedListProps = {
  query: Omit<PagedQuery, 'fetchNextPage'> & { fetchNextPage: () => Promise<unknown> };
  /** The ordered list's class; its items are the children. */
  className: string;
  children: ReactNode;
  /** The words of "more". */
  label: string;
  shown: number;
  total: number;
};

/**
 * A short list read a page at a time (a history, a timeline): its items, "more" while there is
 * more, disabled while it loads, then how many of how many are shown.
 */
export function PagedList({ query, className, children, label, shown, total }: PagedListProps) {
  const { t } = useTranslation();
  return (
    <>
      <ol className={className}>{children}</ol>
      {query.hasNextPage && (
        <button type="button" className="button button--secondary" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
          {query.isFetchingNextPage ? t('common.loadingMore') : label}
        </button>
      )}
      <p className="hint" aria-live="polite">
        {t('common.showing', { shown, total })}
      </p>
    </>
  );
}
