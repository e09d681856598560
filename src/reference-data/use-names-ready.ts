import { useQuery, type QueryClient } from '@tanstack/react-query';
import { preload } from '@/lib/api-client';
import { referenceQueries } from './queries';

/**
 * Whether the names `useLabels` gives are final: each reference list it reads has answered (or
 * failed, when ids stay). A page paints its rows once this is true, so no row grows, wraps or
 * moves the page when an id turns into a name (layout shift).
 */
export function useNamesReady(): boolean {
  const sectors = useQuery(referenceQueries.sectors());
  const users = useQuery(referenceQueries.users());
  const regions = useQuery(referenceQueries.regions());
  const organizations = useQuery(referenceQueries.organizations());
  return !sectors.isPending && !users.isPending && !regions.isPending && !organizations.isPending;
}

/** Starts the requests `useNamesReady` waits for, from a route's loader (beside its own data, not after it). */
export function preloadNames(queryClient: QueryClient): void {
  preload(queryClient, referenceQueries.sectors());
  preload(queryClient, referenceQueries.users());
  preload(queryClient, referenceQueries.regions());
  preload(queryClient, referenceQueries.organizations());
}
