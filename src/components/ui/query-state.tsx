import type { ReactNode } from 'react';
import { ErrorState, LoadingState } from './states';

type QueryLike<T> = { isPending: boolean; isError: boolean; error: unknown; data?: T; refetch: () => unknown };

type QueryStateProps<T> = {
  query: QueryLike<T>;
  /** Whether the loaded answer holds nothing to show; `empty` is shown then. */
  isEmpty?: boolean;
  empty?: ReactNode;
  /** What shows while loading (default: the loading message); a placeholder of the content's shape keeps the page still. */
  loading?: ReactNode;
  /**
   * False while what the content needs beside the query (names, permissions) is still on its way:
   * the loading placeholder stays, so the content paints once, in its final shape.
   */
  ready?: boolean;
  /** The error's heading level: 1 where the failed query is the page itself. */
  level?: 1 | 2;
  /** The content, rendered only once the query has data (which it is given). */
  children: (data: T) => ReactNode;
};

/** The one switch every list goes through: loading, a failed load with a retry, nothing to show, or the content. */
export function QueryState<T>({ query, isEmpty = false, empty, loading, ready = true, level, children }: QueryStateProps<T>) {
  if (query.isPending || (!ready && !query.isError)) return <>{loading ?? <LoadingState />}</>;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} level={level} />;
  if (isEmpty) return <>{empty}</>;
  return <>{children(query.data as T)}</>;
}
