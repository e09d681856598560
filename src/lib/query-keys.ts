import { infiniteQueryOptions, type QueryKey } from '@tanstack/react-query';
import type { Page } from '@/domain/schemas/common';
import { apiGet, type QueryParams } from './api-client';

/**
 * The keys of one resource's queries: `[root]`, `[root, 'list', filters]`, `[root, 'detail', id]`.
 * Invalidating `all` or `lists()` covers every list or every query of the resource.
 */
export function resourceKeys<Filters>(root: string) {
  const all = [root] as const;
  return {
    all,
    lists: () => [root, 'list'] as const,
    list: (filters: Filters) => [root, 'list', filters] as const,
    details: () => [root, 'detail'] as const,
    detail: (id: string) => [root, 'detail', id] as const,
  };
}

/** A list read a page at a time, each page asking for the next with the cursor the last one gave. */
export function cursorPagesQuery<T, TKey extends QueryKey = QueryKey>(queryKey: TKey, path: string, params: QueryParams, limit: number) {
  // The key names the resource and its filters (`params`); path and limit are fixed per resource.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return infiniteQueryOptions({
    queryKey,
    queryFn: ({ pageParam, signal }) => apiGet<Page<T>>(path, { ...params, limit, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** A resource listed a page at a time at `path`: its keys and its list query. */
export function pagedResource<T, Filters extends QueryParams>(root: string, path: string, pageSize: number) {
  const keys = resourceKeys<Filters>(root);
  const list = (filters: Filters = {} as Filters) => cursorPagesQuery<T>(keys.list(filters), path, filters, pageSize);
  return { keys, list };
}
