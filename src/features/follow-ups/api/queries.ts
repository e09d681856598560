import { infiniteQueryOptions } from '@tanstack/react-query';
import type { FollowUp } from '@/domain/follow-up';
import type { Page } from '@/domain/schemas/common';
import { apiGet } from '@/lib/api-client';

export type FollowUpFilters = {
  status?: string[];
  partnershipId?: string;
  meetingId?: string;
  ownerId?: string;
  sectorId?: string;
  due?: string;
  q?: string;
  /** The day agreed, in Asia/Jakarta (the dashboard's period rule). */
  agreedFrom?: string;
  agreedTo?: string;
  /** "no": open items not yet assigned (no owner, no due date: a back-logged visit's). */
  assigned?: 'no' | 'yes';
  sort?: string;
};

export const followUpKeys = {
  all: ['follow-ups'] as const,
  lists: () => [...followUpKeys.all, 'list'] as const,
  list: (filters: FollowUpFilters) => [...followUpKeys.lists(), filters] as const,
  details: () => [...followUpKeys.all, 'detail'] as const,
  detail: (id: string) => [...followUpKeys.details(), id] as const,
};

export const FOLLOW_UPS_PAGE_SIZE = 50;

export const followUpQueries = {
  list: (filters: FollowUpFilters = {}) =>
    infiniteQueryOptions({
      queryKey: followUpKeys.list(filters),
      queryFn: ({ pageParam, signal }) =>
        apiGet<Page<FollowUp>>('/follow-ups', { ...filters, limit: FOLLOW_UPS_PAGE_SIZE, cursor: pageParam }, signal),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
};
