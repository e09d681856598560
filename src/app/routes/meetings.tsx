import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { meetingFiltersFrom } from '@/features/meetings/api/filters';
import { meetingQueries } from '@/features/meetings/api/queries';
import { preloadPages } from '@/lib/api-client';

export { MeetingsPage } from '@/features/meetings/components/meetings-page';

export function meetingsLoader(queryClient: QueryClient) {
  return ({ request }: LoaderFunctionArgs) => {
    preloadPages(queryClient, meetingQueries.list(meetingFiltersFrom(new URL(request.url).searchParams)));
    return null;
  };
}
