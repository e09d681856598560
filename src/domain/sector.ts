export type { Sector, SectorInput } from './schemas/sector';
export { SECTOR_ID_PATTERN } from './value-lists';
