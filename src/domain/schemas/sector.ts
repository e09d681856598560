import { z } from 'zod';
import { localized, meta, requiredText, sectorId } from './common';

export const sectorInput = z.strictObject({
  id: sectorId,
  name: localized,
  color: requiredText(9).regex(/^#[0-9a-f]{6}$/i, { error: 'invalidFormat' }),
});
export const sectorPatch = sectorInput.omit({ id: true }).partial();
export const sector = sectorInput.extend({ ...meta, id: sectorId });

export type SectorInput = z.input<typeof sectorInput>;
export type Sector = z.output<typeof sector>;
