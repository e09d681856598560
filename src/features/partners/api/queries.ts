import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { Partnership } from '@/domain/partnership';
import type { TimelineItem, TimelineKind } from '@/domain/timeline';
import type { Page } from '@/domain/schemas/common';
import { apiGet } from '@/lib/api-client';
import { resourceKeys } from '@/lib/query-keys';

export type PartnershipFilters = { stage?: string[]; countryCode?: string; sectorId?: string; q?: string; id?: string[] };

export const partnershipKeys = resourceKeys<PartnershipFilters>('partnerships');

export const partnershipQueries = {
  /** Partnerships are few (a handful to a few dozen): one page of 100 holds them. */
  list: (filters: PartnershipFilters = {}) =>
    queryOptions({
      queryKey: partnershipKeys.list(filters),
      queryFn: ({ signal }) => apiGet<Page<Partnership>>('/partnerships', { ...filters, limit: 100 }, signal),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: partnershipKeys.detail(id),
      queryFn: ({ signal }) => apiGet<Partnership>(`/partnerships/${encodeURIComponent(id)}`, {}, signal),
    }),
};

export type PartnershipActivity = {
  partnershipId: string;
  lastMeeting: { id: string; date: string; title: string } | null;
  nextFollowUp: { id: string; title: string; dueDate: string | null; status: string; ownerId: string } | null;
};

/** Each partnership's last meeting and next open follow-up (the directory's columns), from the API. */
export const activityQuery = () =>
  queryOptions({
    queryKey: [...partnershipKeys.all, 'activity'] as const,
    queryFn: ({ signal }) => apiGet<Page<PartnershipActivity>>('/partnerships/activity', {}, signal),
  });

/** A partnership's timeline, newest first, 30 items a page; `kinds` empty means all. */
export const timelineQuery = (id: string, kinds: readonly TimelineKind[]) =>
  infiniteQueryOptions({
    queryKey: [...partnershipKeys.detail(id), 'timeline', [...kinds].sort()] as const,
    queryFn: ({ signal, pageParam }) =>
      apiGet<Page<TimelineItem>>(
        `/partnerships/${encodeURIComponent(id)}/timeline`,
        { ...(kinds.length ? { kind: kinds } : {}), limit: 30, ...(pageParam ? { cursor: pageParam } : {}) },
        signal,
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
