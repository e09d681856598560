import type { Sector } from './schemas/sector';

export type { Sector, SectorInput, SectorPatch } from './schemas/sector';
export { SECTOR_ID_PATTERN, CHART_BACKGROUND, MIN_SECTOR_CONTRAST, contrastRatio, sectorColorContrastOk } from './value-lists';

/** A retired sector is kept on old records and shown there, but no longer offered in pickers. */
export const isRetired = (sector: Pick<Sector, 'retiredAt'>): boolean => sector.retiredAt !== undefined;

/** The sectors a picker offers: the active ones, plus any the record already names (kept when retired). */
export function offeredSectors<T extends Pick<Sector, 'id' | 'retiredAt'>>(sectors: Iterable<T>, chosen: readonly string[] = []): T[] {
  return [...sectors].filter((s) => !isRetired(s) || chosen.includes(s.id));
}
