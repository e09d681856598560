import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { followUpFiltersFrom } from '@/features/follow-ups/api/filters';
import { followUpQueries } from '@/features/follow-ups/api/queries';
import { preloadPages } from '@/lib/api-client';

export { FollowUpsPage } from '@/features/follow-ups/components/follow-ups-page';

export function followUpsLoader(queryClient: QueryClient) {
  return ({ request }: LoaderFunctionArgs) => {
    preloadPages(queryClient, followUpQueries.list(followUpFiltersFrom(new URL(request.url).searchParams)));
    return null;
  };
}
