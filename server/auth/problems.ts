import { ProblemError } from '../problem';

export const AUTH_PROBLEM_TYPES = {
  signInFailed: '/problems/sign-in-failed',
  tooManyAttempts: '/problems/too-many-attempts',
  crossOrigin: '/problems/cross-origin',
  busy: '/problems/busy',
} as const;

/** A refusal that says in how many seconds to try again. */
function tryAgainIn(type: string, title: string, status: number) {
  return (seconds: number) => new ProblemError({ type, title, detail: `Try again in ${seconds} seconds.`, status });
}

export const authProblems = {
  /** The same answer for an unknown email, a wrong password and a disabled account. */
  signInFailed: () =>
    new ProblemError({
      type: AUTH_PROBLEM_TYPES.signInFailed,
      title: 'The email address or the password is not right.',
      status: 401,
    }),
  tooManyAttempts: tryAgainIn(AUTH_PROBLEM_TYPES.tooManyAttempts, 'Too many failed sign-ins. Wait before trying again.', 429),
  /** Too many sign-ins being checked at this moment: refused at once, never queued. */
  busy: tryAgainIn(AUTH_PROBLEM_TYPES.busy, 'The server is checking many sign-ins right now. Try again in a moment.', 503),
  crossOrigin: () =>
    new ProblemError({
      type: AUTH_PROBLEM_TYPES.crossOrigin,
      title: 'This request did not come from a Mitra page.',
      status: 403,
    }),
};
