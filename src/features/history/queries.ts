import { infiniteQueryOptions } from '@tanstack/react-query';
import type { AuditedEntity, AuditEntry } from '@/domain/audit';
import type { Page } from '@/domain/schemas/common';
import { apiGet } from '@/lib/api-client';

export const historyKeys = {
  all: ['history'] as const,
  of: (entity: AuditedEntity, entityId: string) => [...historyKeys.all, entity, entityId] as const,
};

/** One resource's audit entries, newest first, 20 at a time. */
export const historyQuery = (entity: AuditedEntity, entityId: string, version?: number) =>
  infiniteQueryOptions({
    // The version in the key: a change saved anywhere (a new version) fetches the history again.
    queryKey: [...historyKeys.of(entity, entityId), version ?? 0] as const,
    queryFn: ({ signal, pageParam }) =>
      apiGet<Page<AuditEntry>>('/history', { entity, entityId, limit: 20, ...(pageParam ? { cursor: pageParam } : {}) }, signal),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
