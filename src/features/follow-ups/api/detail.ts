import { queryOptions } from '@tanstack/react-query';
import type { FollowUp } from '@/domain/follow-up';
import { apiGet } from '@/lib/api-client';
import { followUpKeys } from './queries';

export const followUpDetailQuery = (id: string) =>
  queryOptions({
    queryKey: followUpKeys.detail(id),
    queryFn: ({ signal }) => apiGet<FollowUp>(`/follow-ups/${encodeURIComponent(id)}`, {}, signal),
  });
