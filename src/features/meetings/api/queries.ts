import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { Meeting } from '@/domain/meeting';
import type { Page } from '@/domain/schemas/common';
import { apiGet } from '@/lib/api-client';

export type MeetingFilters = {
  partnershipId?: string;
  kind?: string[];
  sectorId?: string;
  year?: number;
  /** A date range (the dashboard's quarters). */
  from?: string;
  to?: string;
};

export const meetingKeys = {
  all: ['meetings'] as const,
  lists: () => [...meetingKeys.all, 'list'] as const,
  list: (filters: MeetingFilters) => [...meetingKeys.lists(), filters] as const,
  details: () => [...meetingKeys.all, 'detail'] as const,
  detail: (id: string) => [...meetingKeys.details(), id] as const,
};

export const MEETINGS_PAGE_SIZE = 25;

export const meetingQueries = {
  list: (filters: MeetingFilters = {}) =>
    infiniteQueryOptions({
      queryKey: meetingKeys.list(filters),
      queryFn: ({ pageParam, signal }) =>
        apiGet<Page<Meeting>>('/meetings', { ...filters, limit: MEETINGS_PAGE_SIZE, cursor: pageParam }, signal),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  /** The meetings a follow-up came from or was carried into (a handful): one page. */
  byIds: (ids: readonly string[]) =>
    queryOptions({
      queryKey: [...meetingKeys.lists(), { id: ids }] as const,
      queryFn: ({ signal }) => apiGet<Page<Meeting>>('/meetings', { id: ids, limit: 100 }, signal),
      enabled: ids.length > 0,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: meetingKeys.detail(id),
      queryFn: ({ signal }) => apiGet<Meeting>(`/meetings/${encodeURIComponent(id)}`, {}, signal),
    }),
};
