import { z } from 'zod';

/** What the sign-in form checks before asking the API (which checks again). */
export const signInForm = z.object({
  email: z.string().trim().min(1, { error: 'emailRequired' }).pipe(z.email({ error: 'emailInvalid' })),
  password: z.string().min(1, { error: 'passwordRequired' }),
});
export type SignInValues = z.input<typeof signInForm>;
