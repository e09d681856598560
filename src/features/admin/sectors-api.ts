import type { Sector, SectorInput, SectorPatch } from '@/domain/sector';
import { apiRequest, apiUrl } from '@/lib/api-client';
import { STALE_AFTER_SAVE } from '@/lib/invalidation';
import { useSaveMutation } from '@/lib/use-save-mutation';

/**
 * The sector list's writes (administrators only). The list itself is the reference query
 * (`referenceQueries.sectors()`), the one every picker reads: a save marks it stale, so a new
 * sector is offered in the visit form at once.
 */
export function useCreateSector() {
  return useSaveMutation((input: SectorInput) => apiRequest<Sector>(apiUrl('/sectors'), { method: 'POST', body: input }), STALE_AFTER_SAVE.sector);
}

export function useUpdateSector() {
  return useSaveMutation(
    ({ sector, patch }: { sector: Sector; patch: SectorPatch }) =>
      apiRequest<Sector>(apiUrl(`/sectors/${encodeURIComponent(sector.id)}`), { method: 'PATCH', body: patch, version: sector.version }),
    STALE_AFTER_SAVE.sector,
    'settled',
  );
}
