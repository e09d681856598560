import type { ReactNode } from 'react';
import { ErrorState, LoadingState } from './states';

type QueryLike = { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };

type QueryStateProps = {
  query: QueryLike;
  /** Whether the loaded answer holds nothing to show; `empty` is shown then. */
  isEmpty?: boolean;
  empty?: ReactNode;
  /** The content, rendered only once the query has data. */
  children: () => ReactNode;
};

/** The one switch every list goes through: loading, a failed load with a retry, nothing to show, or the content. */
export function QueryState({ query, isEmpty = false, empty, children }: QueryStateProps) {
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (isEmpty) return <>{empty}</>;
  return <>{children()}</>;
}
