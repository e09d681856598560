import { useQuery } from '@tanstack/react-query';
import { sessionQuery } from './session';

/**
 * Whether the session has answered (a user, or an error): from then on `useCan` says what the
 * page may show, so a page that waits for this paints its buttons with it, never after it.
 */
export function useSessionSettled(): boolean {
  return !useQuery(sessionQuery()).isPending;
}
