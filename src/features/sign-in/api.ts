import { queryOptions } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client';

/** Whether the first run is still open: `GET /setup` answers 404 once an administrator exists. */
export const setupStatusQuery = () =>
  queryOptions({
    queryKey: ['setup'] as const,
    queryFn: ({ signal }) => apiGet<{ open: boolean }>('/setup', {}, signal),
    retry: false,
    staleTime: 0,
  });
