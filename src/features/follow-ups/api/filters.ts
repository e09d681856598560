import { isIsoDate } from '@/domain/dates';
import { DUE_WINDOWS, FOLLOW_UP_STATUSES, type DueWindow, type FollowUpStatus } from '@/domain/follow-up';
import type { FollowUpFilters } from './queries';

export const FOLLOW_UP_SORTS = ['dueDate', '-dueDate', 'priority', '-updatedAt', 'title', 'status'] as const;
export type FollowUpSort = (typeof FOLLOW_UP_SORTS)[number];

/**
 * The follow-ups view lives in the URL: ?status=open,blocked&sectorId=…&partnershipId=…&ownerId=…
 * &due=overdue&q=…&sort=-dueDate. A link reproduces the view; nonsense values are dropped.
 */
export function followUpFiltersFrom(params: URLSearchParams): FollowUpFilters {
  const filters: FollowUpFilters = {};
  const status = (params.get('status') ?? '')
    .split(',')
    .filter((s): s is FollowUpStatus => FOLLOW_UP_STATUSES.includes(s as FollowUpStatus));
  if (status.length > 0) filters.status = [...new Set(status)];
  for (const key of ['sectorId', 'partnershipId', 'ownerId'] as const) {
    const value = params.get(key);
    if (value && /^[\w-]{1,80}$/.test(value)) filters[key] = value;
  }
  const due = params.get('due');
  if (due && DUE_WINDOWS.includes(due as DueWindow)) filters.due = due;
  const q = params.get('q')?.trim();
  if (q) filters.q = q.slice(0, 200);
  for (const key of ['agreedFrom', 'agreedTo'] as const) {
    const value = params.get(key);
    if (value && isIsoDate(value)) filters[key] = value;
  }
  const assigned = params.get('assigned');
  if (assigned === 'no' || assigned === 'yes') filters.assigned = assigned;
  const sort = params.get('sort');
  if (sort && FOLLOW_UP_SORTS.includes(sort as FollowUpSort)) filters.sort = sort;
  return filters;
}

export function followUpFiltersToParams(filters: FollowUpFilters): Record<string, string> {
  const params: Record<string, string> = {};
  if (filters.status?.length) params.status = filters.status.join(',');
  if (filters.sectorId) params.sectorId = filters.sectorId;
  if (filters.partnershipId) params.partnershipId = filters.partnershipId;
  if (filters.ownerId) params.ownerId = filters.ownerId;
  if (filters.due) params.due = filters.due;
  if (filters.q) params.q = filters.q;
  if (filters.agreedFrom) params.agreedFrom = filters.agreedFrom;
  if (filters.agreedTo) params.agreedTo = filters.agreedTo;
  if (filters.assigned) params.assigned = filters.assigned;
  if (filters.sort) params.sort = filters.sort;
  return params;
}
