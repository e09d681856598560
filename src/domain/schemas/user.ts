import { z } from 'zod';
import { email, LIMITS, meta, requiredText } from './common';
import { ROLES } from '../value-lists';


export const userInput = z.strictObject({
  name: requiredText(LIMITS.name),
  email,
  role: z.enum(ROLES, { error: 'invalidOption' }),
  position: requiredText(LIMITS.name).optional(),
  active: z.boolean().default(true),
});
export const userPatch = userInput.partial();
export const user = userInput.extend(meta);

export type UserInput = z.input<typeof userInput>;
export type UserPatch = z.input<typeof userPatch>;
export type User = z.output<typeof user>;
