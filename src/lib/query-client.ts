import { QueryClient, type EnsureInfiniteQueryDataOptions, type EnsureQueryDataOptions, type QueryKey } from '@tanstack/react-query';
import { isApiError } from './api-client';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Retry what a retry can fix (offline, 5xx), never a 4xx.
        retry: (failureCount, error) => failureCount < 2 && (!isApiError(error) || error.retryable),
      },
      mutations: { retry: false },
    },
  });
}

/**
 * What a route's loader calls: starts a page's request beside its chunk download. `ensureQueryData`
 * answers from the cache when it holds the data (and refreshes it in the background when stale);
 * a failure is left to the page's own query, which shows it with a retry, so a loader never throws.
 */
export function preload<TQueryFnData, TError, TData, TQueryKey extends QueryKey>(
  queryClient: QueryClient,
  options: EnsureQueryDataOptions<TQueryFnData, TError, TData, TQueryKey>,
): void {
  void queryClient.ensureQueryData({ ...options, revalidateIfStale: true }).catch(() => undefined);
}

/** `preload` for a paged list (the first page). */
export function preloadPages<TQueryFnData, TError, TData, TQueryKey extends QueryKey, TPageParam>(
  queryClient: QueryClient,
  options: EnsureInfiniteQueryDataOptions<TQueryFnData, TError, TData, TQueryKey, TPageParam>,
): void {
  void queryClient.ensureInfiniteQueryData({ ...options, revalidateIfStale: true }).catch(() => undefined);
}
