import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { isApiError } from '@/lib/api-client';
import { sessionKeys, sessionQuery } from '@/session/session';
import { usePreferences } from '@/stores/preferences';

/**
 * The shell's session logic, loaded beside the first route (not in its bundle). In server mode
 * (the Node server with sign-in) a 401 sends to /sign-in, and back afterwards; in the demo (MSW)
 * the user switcher names the user instead and nothing here redirects.
 */
export function SessionGate({ serverMode }: { serverMode: boolean }) {
  const session = useQuery(sessionQuery());
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const setUserId = usePreferences((s) => s.setUserId);
  const unauthenticated = isApiError(session.error) && session.error.status === 401;
  const ended = unauthenticated && session.data !== undefined;

  useEffect(() => {
    if (!serverMode || !unauthenticated) return;
    queryClient.removeQueries({ queryKey: sessionQuery().queryKey });
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    void navigate(`/sign-in?next=${next}${ended ? '&ended=1' : ''}`, { replace: true });
  }, [serverMode, unauthenticated, ended, location.pathname, location.search, navigate, queryClient]);

  // The pages that read "me" from the preferences (mine, reminders) follow the signed-in user.
  const signedIn = session.data?.mode === 'server' ? session.data.user.id : undefined;
  useEffect(() => {
    if (signedIn) setUserId(signedIn);
  }, [signedIn, setUserId]);

  // A 401 on any request later means the session ran out: ask again, which leads to sign-in.
  useEffect(() => {
    if (!serverMode) return undefined;
    return queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated' || event.action.type !== 'error') return;
      const error = event.action.error;
      if (isApiError(error) && error.status === 401 && event.query.queryKey[0] !== sessionKeys.all[0]) {
        void queryClient.invalidateQueries({ queryKey: sessionQuery().queryKey });
      }
    });
  }, [serverMode, queryClient]);

  return null;
}
