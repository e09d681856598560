import { ProblemError } from '../problem';

export const AUTH_PROBLEM_TYPES = {
  signInFailed: '/problems/sign-in-failed',
  tooManyAttempts: '/problems/too-many-attempts',
  crossOrigin: '/problems/cross-origin',
  busy: '/problems/busy',
} as const;

export const authProblems = {
  /** The same answer for an unknown email, a wrong password and a disabled account. */
  signInFailed: () =>
    new ProblemError({
      type: AUTH_PROBLEM_TYPES.signInFailed,
      title: 'The email address or the password is not right.',
      status: 401,
    }),
  tooManyAttempts: (seconds: number) =>
    new ProblemError({
      type: AUTH_PROBLEM_TYPES.tooManyAttempts,
      title: 'Too many failed sign-ins. Wait before trying again.',
      detail: `Try again in ${seconds} seconds.`,
      status: 429,
    }),
  /** Too many sign-ins being checked at this moment: refused at once, never queued. */
  busy: (seconds: number) =>
    new ProblemError({
      type: AUTH_PROBLEM_TYPES.busy,
      title: 'The server is checking many sign-ins right now. Try again in a moment.',
      detail: `Try again in ${seconds} seconds.`,
      status: 503,
    }),
  crossOrigin: () =>
    new ProblemError({
      type: AUTH_PROBLEM_TYPES.crossOrigin,
      title: 'This request did not come from a Mitra page.',
      status: 403,
    }),
};
