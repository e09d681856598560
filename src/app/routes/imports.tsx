import type { QueryClient } from '@tanstack/react-query';
import { importsQuery } from '@/features/imports/api';
import { preloadPages } from '@/lib/api-client';

export { ImportsPage } from '@/features/imports/components/imports-page';

/** Starts the import history's request beside the chunk download. */
export const importsLoader = (queryClient: QueryClient) => () => {
  preloadPages(queryClient, importsQuery());
  return null;
};
