import { queryOptions } from '@tanstack/react-query';
import type { Meeting } from '@/domain/meeting';
import type { Page } from '@/domain/schemas/common';
import { apiGet } from '@/lib/api-client';
import { pagedResource } from '@/lib/query-keys';

export type MeetingFilters = {
  partnershipId?: string;
  kind?: string[];
  sectorId?: string;
  year?: number;
  /** A date range (the dashboard's quarters). */
  from?: string;
  to?: string;
};

export const MEETINGS_PAGE_SIZE = 25;
const meetings = pagedResource<Meeting, MeetingFilters>('meetings', '/meetings', MEETINGS_PAGE_SIZE);
export const meetingKeys = meetings.keys;

export const meetingQueries = {
  list: meetings.list,
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
