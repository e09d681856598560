import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { can, canChangeFollowUp, type Action } from '@/domain/permissions';
import { sessionQuery } from './api';

/**
 * What the current user may do, from the same table the API enforces (src/domain/permissions).
 * The UI only hides what would be refused; the API decides. Nothing is allowed until the
 * session is known.
 */
export function useCan() {
  const session = useQuery(sessionQuery());
  const user = session.data?.user;
  return useMemo(
    () => ({
      user,
      can: (action: Action) => can(user?.role, action),
      canChangeFollowUp: (followUp: { ownerId?: string | undefined }, change: { ownerId?: string | null | undefined } = {}) =>
        user !== undefined && canChangeFollowUp(user, followUp, change),
    }),
    [user],
  );
}
