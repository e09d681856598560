import { queryOptions, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { can, canChangeFollowUp, type Action } from '@/domain/permissions';
import type { User } from '@/domain/user';
import { apiGet } from '@/lib/api-client';

/**
 * The session: who is using the app and what they may do. The one home of the session query,
 * its key and `useCan`; the rules themselves are the table in src/domain/permissions, which the
 * API enforces on every request. The UI only hides what would be refused.
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

/** What a permission may be asked about: a follow-up is changed by its owner or by a role that may change any. */
export type PermissionResource = { ownerId?: string | undefined };

/** Whether the user may act (on the resource, where one is given); undefined until the session is known. */
export type CanFn = (action: Action, resource?: PermissionResource) => boolean | undefined;

function decide(user: User | undefined, action: Action, resource?: PermissionResource): boolean | undefined {
  if (user === undefined) return undefined;
  if (resource !== undefined && (action === 'followUp.update' || action === 'followUp.updateOwn')) {
    return canChangeFollowUp(user, resource);
  }
  return can(user.role, action);
}

/** The signed-in (or demo) user and a `can` to ask about many items at once, as a list does per row. */
export function usePermissions(): { user: User | undefined; can: CanFn } {
  const session = useQuery(sessionQuery());
  const user = session.data?.user;
  return useMemo(() => ({ user, can: (action, resource) => decide(user, action, resource) }), [user]);
}

/** Whether the current user may take an action (on a resource); undefined until the session is known. */
export function useCan(action: Action, resource?: PermissionResource): boolean | undefined {
  return usePermissions().can(action, resource);
}
