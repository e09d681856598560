import { useMutation, useQueryClient, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import type { FollowUp, FollowUpStatus } from '@/domain/follow-up';
import type { Page } from '@/domain/schemas/common';
import { apiRequest, apiUrl } from '@/lib/api-client';
import { followUpKeys } from './queries';
import { invalidateAfterSave, STALE_AFTER_SAVE } from '@/lib/invalidation';

export type StatusChange = { item: FollowUp; status: FollowUpStatus; comment?: string };


/**
 * Puts an item into every cached list page and its detail (optimistic update or server answer).
 * With `onlyVersion`, only copies still at that version are replaced (a rollback never undoes a
 * later save).
 */
function writeItem(queryClient: QueryClient, item: FollowUp, onlyVersion?: number) {
  const replace = (i: FollowUp) => (i.id === item.id && (onlyVersion === undefined || i.version <= onlyVersion) ? item : i);
  queryClient.setQueriesData<InfiniteData<Page<FollowUp>>>({ queryKey: followUpKeys.lists() }, (data) =>
    data ? { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.map(replace) })) } : data,
  );
  queryClient.setQueryData<FollowUp>(followUpKeys.detail(item.id), (cached) => (cached ? replace(cached) : item));
}

/**
 * One-step status change, optimistic: the list shows the new status at once; on failure the
 * previous state comes back (and the caller says so), on success the server's answer replaces it.
 */
export function useChangeStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ item, status, comment }: StatusChange) =>
      apiRequest<FollowUp>(apiUrl(`/follow-ups/${encodeURIComponent(item.id)}`), {
        method: 'PATCH',
        body: { status, ...(comment?.trim() ? { comment: comment.trim() } : {}) },
        version: item.version,
      }),
    onMutate: async ({ item, status }) => {
      await queryClient.cancelQueries({ queryKey: followUpKeys.all });
      writeItem(queryClient, { ...item, status });
    },
    // Roll back this item only, and only if nothing newer of it arrived meanwhile (another
    // change of the same row may have saved a later version).
    onError: (_error, { item }) => {
      const cached = queryClient.getQueryData<FollowUp>(followUpKeys.detail(item.id));
      if (!cached || cached.version <= item.version) writeItem(queryClient, item, item.version);
    },
    onSuccess: (saved) => writeItem(queryClient, saved),
    onSettled: () => invalidateAfterSave(queryClient, STALE_AFTER_SAVE.followUp()),
  });
}

export type BulkChanges = { status?: FollowUpStatus; ownerId?: string; dueDate?: string | null; comment?: string };
export type BulkResult = {
  updated: FollowUp[];
  failed: Array<{ id: string; status: number; type?: string; title: string; errors?: Array<{ path: string; code: string; message: string }> }>;
};

/** Many items, one request; the answer says what changed and what failed, item by item. */
export function useBulkChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ items, changes }: { items: FollowUp[]; changes: BulkChanges }) =>
      apiRequest<BulkResult>(apiUrl('/follow-ups/bulk'), {
        method: 'POST',
        body: { items: items.map((i) => ({ id: i.id, version: i.version })), changes },
      }),
    onSuccess: (result) => {
      for (const item of result.updated) writeItem(queryClient, item);
    },
    onSettled: () => invalidateAfterSave(queryClient, STALE_AFTER_SAVE.followUp()),
  });
}
