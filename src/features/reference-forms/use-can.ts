import { useQuery } from '@tanstack/react-query';
import { can, type Action } from '@/domain/permissions';
import { referenceQueries } from '@/features/reference/api/queries';

/** Whether the current (demo or signed-in) user may take an action; undefined until the session is known. */
export function useCan(action: Action): boolean | undefined {
  const session = useQuery(referenceQueries.session());
  return session.data ? can(session.data.user.role, action) : undefined;
}
