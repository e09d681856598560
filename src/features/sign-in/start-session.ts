import type { QueryClient } from '@tanstack/react-query';
import type { User } from '@/domain/user';
import { sessionKeys, type SessionInfo } from '@/session/session';

/**
 * After signing in (or the first run): the session is this user, and everything cached before
 * belonged to nobody (or someone else), so all else goes stale.
 */
export function startSession(queryClient: QueryClient, user: User): Promise<void> {
  queryClient.setQueryData<SessionInfo>(sessionKeys.all, { user, mode: 'server' });
  return queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== sessionKeys.all[0] });
}
