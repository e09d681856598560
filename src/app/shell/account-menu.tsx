import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { User } from '@/domain/user';
import { apiRequest, apiUrl } from '@/lib/api-client';

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
