import { z } from 'zod';
import { countryCode, LIMITS, meta, optionalText, requiredText, sectorId } from './common';
import { REGION_LEVELS, REGION_ROLES } from '../value-lists';


export const regionInput = z.strictObject({
  /** The name without its level: "Tangerang", "Binzhou". The level says Kabupaten or Kota. */
  name: requiredText(LIMITS.name),
  /** The name in the region's own script: 滨州市. */
  localName: optionalText(LIMITS.name),
  level: z.enum(REGION_LEVELS, { error: 'invalidOption' }),
  countryCode,
  province: optionalText(LIMITS.name),
  role: z.enum(REGION_ROLES, { error: 'invalidOption' }),
  strengths: z.array(sectorId).max(30).default([]),
  coordinates: z
    .strictObject({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) })
    .optional(),
  notes: optionalText(LIMITS.text),
  /** Demo data that is not a reported fact is labelled so in the UI. */
  illustrative: z.boolean().default(false),
});
export const regionPatch = regionInput.partial();
export const region = regionInput.extend(meta);

export type RegionInput = z.input<typeof regionInput>;
export type RegionPatch = z.input<typeof regionPatch>;
export type Region = z.output<typeof region>;
