import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { Organization } from '@/domain/organization';
import type { Person } from '@/domain/person';
import type { Region } from '@/domain/region';
import { apiGet, apiRequest, apiUrl } from '@/lib/api-client';
import { referenceKeys } from '@/reference-data/queries';
import { invalidateAfterSave, STALE_AFTER_SAVE } from '@/lib/invalidation';

export type ReferenceKind = 'regions' | 'organizations' | 'people';
type ResourceOf = { regions: Region; organizations: Organization; people: Person };

export const referenceFormKeys = {
  detail: (kind: ReferenceKind, id: string) => [...referenceKeys.all, kind, 'detail', id] as const,
};

/** One region, organisation or person, always as saved now: an edit starts from the current version. */
export function referenceDetail<K extends ReferenceKind>(kind: K, id: string) {
  return queryOptions({
    queryKey: referenceFormKeys.detail(kind, id),
    queryFn: ({ signal }) => apiGet<ResourceOf[K]>(`/${kind}/${encodeURIComponent(id)}`, {}, signal),
    staleTime: 0,
  });
}

export function createResource<T>(path: string, body: unknown, idempotencyKey: string): Promise<T> {
  return apiRequest<T>(apiUrl(path), { method: 'POST', body, idempotencyKey });
}

export function updateResource<T>(path: string, patch: unknown, version: number): Promise<T> {
  return apiRequest<T>(apiUrl(path), { method: 'PATCH', body: patch, version });
}

/**
 * What a saved region, organisation, person or partnership makes stale: the reference lists that
 * name them, and partnerships (named by their partner region or organisation).
 */
export function invalidateAfterReferenceChange(queryClient: QueryClient) {
  return invalidateAfterSave(queryClient, STALE_AFTER_SAVE.reference());
}
