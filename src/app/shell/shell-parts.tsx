import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation, useNavigate } from 'react-router';
import type { User } from '@/domain/user';
import { apiRequest, apiUrl, isApiError } from '@/lib/api-client';
import { usePreferences } from '@/stores/preferences';
import { sessionKeys, sessionQuery, useCan } from '@/session/session';

/** The shell's lazily loaded parts, one chunk: the session gate, the account menu, the admin link. */
export function ShellPart(
  props: { part: 'gate'; serverMode: boolean } | { part: 'account'; user: User } | { part: 'admin' },
) {
  if (props.part === 'gate') return <SessionGate serverMode={props.serverMode} />;
  if (props.part === 'account') return <AccountMenu user={props.user} />;
  return <AdminNavItem />;
}

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

/**
 * Loaded only in server mode (with the admin strings): who is signed in, and signing out.
 * Signing out ends the session on the server, then forgets everything cached for this user.
 */
export function AccountMenu({ user }: { user: User }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [failed, setFailed] = useState(false);

  const handleSignOut = async () => {
    setFailed(false);
    try {
      await apiRequest<void>(apiUrl('/auth/sign-out'), { method: 'POST', body: {} });
    } catch {
      setFailed(true);
      return;
    }
    queryClient.clear();
    void navigate('/sign-in', { replace: true });
  };

  return (
    <div className="tool">
      <span className="tool__label">{t('account.signedInAs', { name: user.name, role: t(`enums.role.${user.role}`) })}</span>
      <button type="button" className="button button--secondary button--small" onClick={() => void handleSignOut()}>
        {t('account.signOut')}
      </button>
      {failed && (
        <span role="alert" className="error-message">
          {t('account.signOutFailed')}
        </span>
      )}
    </div>
  );
}

/** The nav item of the users page, for administrators only. */
export function AdminNavItem() {
  const { t } = useTranslation();
  const canManageUsers = useCan('user.manage');
  if (!canManageUsers) return null;
  return (
    <li>
      <NavLink to="/admin/users" className="nav__link">
        {t('nav.users')}
      </NavLink>
    </li>
  );
}
