import { useQuery } from '@tanstack/react-query';
import { can, type Action } from '@/domain/permissions';
import { referenceQueries } from '@/features/reference/api/queries';

/** Whether the signed-in (or demo) user may take an action; false until the session is known. */
export function useCanDo(action: Action): boolean {
  const session = useQuery(referenceQueries.session());
  return can(session.data?.user.role, action);
}
