import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Partnership } from '@/domain/partnership';
import { apiRequest, apiUrl, isApiError } from '@/lib/api-client';
import { invalidateAfterSave, STALE_AFTER_SAVE } from '@/lib/invalidation';
import { partnershipKeys } from './queries';

export type StageChange = { partnership: Partnership; to: string; date: string; note?: string };

/**
 * Records a stage change against the version the user saw. The answer replaces the cached
 * partnership and the lists, its history and the charts go stale; on a 412 the cache takes the
 * partnership as it now is (the API sends it), so the dialog can show the current stage.
 */
export function useChangeStage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ partnership, ...body }: StageChange) =>
      apiRequest<Partnership>(apiUrl(`/partnerships/${encodeURIComponent(partnership.id)}/stage-changes`), {
        method: 'POST',
        body,
        version: partnership.version,
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(partnershipKeys.detail(saved.id), saved);
      void invalidateAfterSave(queryClient, STALE_AFTER_SAVE.partnershipStage(saved.id));
    },
    onError: (error) => {
      if (isApiError(error) && error.status === 412 && error.current) {
        const current = error.current as Partnership;
        queryClient.setQueryData(partnershipKeys.detail(current.id), current);
      }
    },
  });
}
