import type { FieldError } from '../src/domain/validation';
import { encodedBody } from './body';

/** RFC 9457 problem details. `type` is stable; clients switch on it, people read `title`. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
  current?: unknown;
};

export const PROBLEM_TYPES = {
  validation: '/problems/validation',
  duplicate: '/problems/duplicate',
  malformedJson: '/problems/malformed-json',
  notFound: '/problems/not-found',
  preconditionFailed: '/problems/stale-version',
  preconditionRequired: '/problems/if-match-required',
  unsupportedMediaType: '/problems/unsupported-media-type',
  payloadTooLarge: '/problems/payload-too-large',
  unauthenticated: '/problems/unauthenticated',
  forbidden: '/problems/forbidden',
  idempotencyMismatch: '/problems/idempotency-key-reused',
  idempotencyPending: '/problems/idempotency-key-in-progress',
  conflict: '/problems/conflict',
  unavailable: '/problems/unavailable',
  methodNotAllowed: '/problems/method-not-allowed',
  internal: '/problems/internal',
} as const;

export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.title);
  }
}

export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
  const { body, length } = encodedBody(JSON.stringify(problem));
  return new Response(body, {
    status: problem.status,
    headers: { 'content-type': 'application/problem+json', 'content-length': length, ...headers },
  });
}

export const problems = {
  validation: (errors: FieldError[]) =>
    new ProblemError({
      type: PROBLEM_TYPES.validation,
      title: 'The request has invalid fields.',
      status: 400,
      errors,
    }),
  /** 409: a value that must be unique (a user's e-mail) is taken; `errors` names the field. */
  duplicate: (errors: FieldError[]) =>
    new ProblemError({
      type: PROBLEM_TYPES.duplicate,
      title: 'Another record already uses this value.',
      status: 409,
      errors,
    }),
  malformedJson: () =>
    new ProblemError({
      type: PROBLEM_TYPES.malformedJson,
      title: 'The request body is not valid JSON.',
      status: 400,
    }),
  notFound: (what: string) =>
    new ProblemError({ type: PROBLEM_TYPES.notFound, title: `${what} was not found.`, status: 404 }),
  stale: (current: unknown) =>
    new ProblemError({
      type: PROBLEM_TYPES.preconditionFailed,
      title: 'Someone else changed this since you loaded it.',
      detail: 'The version you sent is not the current one. The current resource is included.',
      status: 412,
      current,
    }),
  ifMatchRequired: () =>
    new ProblemError({
      type: PROBLEM_TYPES.preconditionRequired,
      title: 'An update must say which version it changes (If-Match header).',
      status: 428,
    }),
  unsupportedMediaType: () =>
    new ProblemError({
      type: PROBLEM_TYPES.unsupportedMediaType,
      title: 'Send the body as application/json.',
      status: 415,
    }),
  forbidden: (detail?: string) =>
    new ProblemError({
      type: PROBLEM_TYPES.forbidden,
      title: 'Your role may not do this.',
      status: 403,
      ...(detail ? { detail } : {}),
    }),
  payloadTooLarge: (limit: number) =>
    new ProblemError({
      type: PROBLEM_TYPES.payloadTooLarge,
      title: `The request body is larger than ${limit} bytes.`,
      status: 413,
    }),
  unauthenticated: () =>
    new ProblemError({
      type: PROBLEM_TYPES.unauthenticated,
      title: 'Sign in first: no known user made this request.',
      status: 401,
    }),
  idempotencyMismatch: () =>
    new ProblemError({
      type: PROBLEM_TYPES.idempotencyMismatch,
      title: 'This Idempotency-Key was already used for a different request.',
      status: 422,
    }),
  /** 409: the first request with this key is still running; retry in a moment for its answer. */
  idempotencyPending: () =>
    new ProblemError({
      type: PROBLEM_TYPES.idempotencyPending,
      title: 'A request with this Idempotency-Key is still being processed. Try again in a moment.',
      status: 409,
    }),
};

/** Seconds a client waits before retrying after a 503 (Retry-After). */
export const RETRY_AFTER_SECONDS = 2;

/**
 * What a database error means for the client (server/db/dialect.ts classifyDbError): a broken
 * constraint is a 409 (the data changed under the request: reload and try again); a conflict
 * between transactions, a busy database or a lost connection is a 503 with Retry-After. Nothing
 * was changed in either case: the transaction rolled back.
 */
export function databaseProblem(failure: 'constraint' | 'conflict' | 'unavailable'): Problem {
  if (failure === 'constraint') {
    return {
      type: PROBLEM_TYPES.conflict,
      title: 'The data changed while this request was saved. Nothing was changed: reload and try again.',
      status: 409,
    };
  }
  return {
    type: PROBLEM_TYPES.unavailable,
    title:
      failure === 'conflict'
        ? 'The database is busy with another change. Nothing was changed: try again in a moment.'
        : 'The database cannot be reached. Nothing was changed: try again in a moment.',
    status: 503,
  };
}
