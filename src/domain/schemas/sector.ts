import { z } from 'zod';
import { CHART_BACKGROUND, MIN_SECTOR_CONTRAST, sectorColorContrastOk } from '../value-lists';
import { localized, meta, requiredText, sectorId } from './common';

/** A `#rrggbb` colour readable on the chart background (value-lists.ts, MIN_SECTOR_CONTRAST). */
export const sectorColor = requiredText(9)
  .regex(/^#[0-9a-f]{6}$/i, { error: 'invalidFormat' })
  .refine(sectorColorContrastOk, {
    error: 'lowContrast',
    params: { min: MIN_SECTOR_CONTRAST, against: CHART_BACKGROUND },
    abort: true,
  });

export const sectorInput = z.strictObject({
  id: sectorId,
  name: localized,
  color: sectorColor,
});

/**
 * A patch renames, recolours, or retires a sector (`retired: true`: hidden from pickers, kept on
 * the records that name it) and brings it back (`retired: false`). The server dates retirement.
 */
export const sectorPatch = sectorInput
  .omit({ id: true })
  .partial()
  .extend({ retired: z.boolean({ error: 'invalidType' }).optional() });

export const sector = sectorInput.extend({
  ...meta,
  id: sectorId,
  /** When an administrator retired it; absent while it is offered. */
  retiredAt: z.string().optional(),
});

export type SectorInput = z.input<typeof sectorInput>;
export type SectorPatch = z.input<typeof sectorPatch>;
export type Sector = z.output<typeof sector>;
