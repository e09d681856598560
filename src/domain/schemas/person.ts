import { z } from 'zod';
import { alwaysCheck, email, id, LIMITS, meta, optionalText, phone, requiredText } from './common';

const personFields = z.strictObject({
  name: requiredText(LIMITS.name),
  /** As the source gives it: Wakil Bupati Tangerang, Deputy Mayor of Binzhou. */
  position: optionalText(LIMITS.name),
  regionId: id.optional(),
  organizationId: id.optional(),
  email: email.optional(),
  phone: phone.optional(),
  illustrative: z.boolean().default(false),
});

export const personInput = personFields.refine(
  (p) => p.regionId !== undefined || p.organizationId !== undefined,
  { error: 'affiliationRequired', path: ['regionId'], ...alwaysCheck },
);
export const personPatch = personFields.partial();
export const person = personFields.extend(meta);

export type PersonInput = z.input<typeof personInput>;
export type PersonPatch = z.input<typeof personPatch>;
export type Person = z.output<typeof person>;
