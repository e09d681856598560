import type { QueryClient } from '@tanstack/react-query';
import { preload } from '@/lib/api-client';
import { referenceQueries } from '@/reference-data/queries';

export { SectorsPage } from '@/features/admin/sectors-page';

/** Starts the sectors request beside the chunk download (the same list every picker reads). */
export const sectorsLoader = (queryClient: QueryClient) => () => {
  preload(queryClient, referenceQueries.sectors());
  return null;
};
