import { z } from 'zod';
import { countryCode, httpUrl, LIMITS, meta, optionalText, requiredText } from './common';
import { ORGANIZATION_KINDS } from '../value-lists';


export const organizationInput = z.strictObject({
  name: requiredText(LIMITS.name),
  acronym: optionalText(40),
  kind: z.enum(ORGANIZATION_KINDS, { error: 'invalidOption' }),
  countryCode: countryCode.optional(),
  city: optionalText(LIMITS.name),
  website: httpUrl.optional(),
  illustrative: z.boolean().default(false),
});
export const organizationPatch = organizationInput.partial();
export const organization = organizationInput.extend(meta);

export type OrganizationInput = z.input<typeof organizationInput>;
export type OrganizationPatch = z.input<typeof organizationPatch>;
export type Organization = z.output<typeof organization>;
