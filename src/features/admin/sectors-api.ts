import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Sector, SectorInput, SectorPatch } from '@/domain/sector';
import { apiRequest, apiUrl } from '@/lib/api-client';
import { invalidateAfterSave, STALE_AFTER_SAVE } from '@/lib/invalidation';

/**
 * The sector list's writes (administrators only). The list itself is the reference query
 * (`referenceQueries.sectors()`), the one every picker reads: a save marks it stale, so a new
 * sector is offered in the visit form at once.
 */
function useRefreshSectors() {
  const queryClient = useQueryClient();
  return () => invalidateAfterSave(queryClient, STALE_AFTER_SAVE.sector());
}

export function useCreateSector() {
  const refresh = useRefreshSectors();
  return useMutation({
    mutationFn: (input: SectorInput) => apiRequest<Sector>(apiUrl('/sectors'), { method: 'POST', body: input }),
    onSuccess: () => refresh(),
  });
}

export function useUpdateSector() {
  const refresh = useRefreshSectors();
  return useMutation({
    mutationFn: ({ sector, patch }: { sector: Sector; patch: SectorPatch }) =>
      apiRequest<Sector>(apiUrl(`/sectors/${encodeURIComponent(sector.id)}`), { method: 'PATCH', body: patch, version: sector.version }),
    onSettled: () => refresh(),
  });
}
