import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { activityQuery, partnershipQueries } from '@/features/partners/api/queries';
import { directoryApiFilters, directoryFiltersFrom } from '@/features/partners/directory';
import { preload } from '@/lib/api-client';
import { preloadNames } from '@/reference-data/use-names-ready';

export { PartnersPage } from '@/features/partners/components/partners-page';

export function partnersLoader(queryClient: QueryClient) {
  return ({ request }: LoaderFunctionArgs) => {
    preload(queryClient, partnershipQueries.list(directoryApiFilters(directoryFiltersFrom(new URL(request.url).searchParams))));
    preload(queryClient, activityQuery());
    preloadNames(queryClient);
    return null;
  };
}
