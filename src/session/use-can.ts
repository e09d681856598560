import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { can, canChangeFollowUp, type Action } from '@/domain/permissions';
import type { User } from '@/domain/user';
import { sessionQuery } from './session';

/*
 * What the current user may do, from the same table the API enforces on every request
 * (src/domain/permissions). The UI only hides what would be refused; the API decides.
 */

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
