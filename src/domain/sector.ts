export type { Sector, SectorInput } from './schemas/sector';

/** Sector ids are stable; names per locale and colours live on the sector itself. */
export const SECTOR_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
