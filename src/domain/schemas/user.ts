import { z } from 'zod';
import { email, id, LIMITS, meta, requiredText } from './common';
import { ROLES } from '../value-lists';


export const userInput = z.strictObject({
  name: requiredText(LIMITS.name),
  email,
  role: z.enum(ROLES, { error: 'invalidOption' }),
  position: requiredText(LIMITS.name).optional(),
  active: z.boolean().default(true),
  /**
   * The home governments (regions with the role `home`) the user works for: they see and change
   * only those governments' partnerships, meetings and follow-ups (src/domain/home-governments.ts;
   * administrators see every government). The role stays global: one role for every government
   * the user has. Empty on input means "the only home government" when the deployment has
   * exactly one; with several, the API asks for a choice.
   */
  homeRegionIds: z.array(id).max(LIMITS.listItems).default([]),
});
export const userPatch = userInput.partial();
export const user = userInput.extend(meta);

export type UserInput = z.input<typeof userInput>;
export type UserPatch = z.input<typeof userPatch>;
export type User = z.output<typeof user>;
