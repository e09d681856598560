import { queryOptions } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client';

type HealthRow = { partnershipId: string; reasons: Array<{ code: string; params?: Record<string, string | number> }> };

/**
 * One partnership's reasons for attention as of today (its page's panel), from the dashboard's
 * `GET /stats/health`, under the stats key so a save that makes the figures stale reaches it.
 * Kept here, not imported from the dashboard (nor beside the partnership queries), so the
 * dashboard's first load does not carry it.
 */
export const partnershipHealthQuery = (partnershipId: string) =>
  queryOptions({
    queryKey: ['stats', 'health', { partnershipId }] as const,
    queryFn: ({ signal }) => apiGet<{ today: string; items: HealthRow[] }>('/stats/health', { partnershipId }, signal),
  });
