import { queryOptions } from '@tanstack/react-query';
import type { User } from '@/domain/user';
import { apiGet } from '@/lib/api-client';

/**
 * The session: who is using the app. The one home of the session query and its key; what the
 * user may do is `useCan` beside it (use-can.ts), kept apart so the first page loads less.
 */

/** `demo`: the in-browser API (MSW) names its user in a header; `server`: a signed-in session. */
export type SessionMode = 'demo' | 'server';
export type SessionInfo = { user: User; mode?: SessionMode };

/**
 * The demo build and development run the API in the browser (MSW); a production build talks to
 * the Node server, where a 401 means "sign in". Static, so production drops the demo branch.
 */
export const DEMO_BACKEND = import.meta.env.DEV || import.meta.env.MODE === 'demo';

export const sessionKeys = {
  all: ['session'] as const,
};

export const sessionQuery = () =>
  queryOptions({
    queryKey: sessionKeys.all,
    queryFn: ({ signal }) => apiGet<SessionInfo>('/session', {}, signal),
    staleTime: 5 * 60_000,
    // A 401 is an answer (sign in), not a hiccup to retry.
    retry: false,
  });

