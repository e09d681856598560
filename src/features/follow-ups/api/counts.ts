import { queryOptions } from '@tanstack/react-query';
import type { FollowUp } from '@/domain/follow-up';
import type { Page } from '@/domain/schemas/common';
import { apiGet } from '@/lib/api-client';
import { followUpKeys, type FollowUpFilters } from './queries';

/** How many follow-ups match a filter: the API counts; one row is fetched, never all of them. */
export const followUpCountQuery = (filters: FollowUpFilters) =>
  queryOptions({
    queryKey: [...followUpKeys.all, 'count', filters] as const,
    queryFn: ({ signal }) => apiGet<Page<FollowUp>>('/follow-ups', { ...filters, limit: 1 }, signal),
    select: (page) => page.total,
    staleTime: 15_000,
  });

/** The first few matches, for panels ("due soon"). */
export const followUpPeekQuery = (filters: FollowUpFilters, limit = 5) =>
  queryOptions({
    queryKey: [...followUpKeys.all, 'peek', filters, limit] as const,
    queryFn: ({ signal }) => apiGet<Page<FollowUp>>('/follow-ups', { ...filters, limit }, signal),
    staleTime: 15_000,
  });
