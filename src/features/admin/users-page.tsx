import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '@/components/ui/data-table';
import { QueryState } from '@/components/ui/query-state';
import type { User } from '@/domain/user';
import { referenceQueries } from '@/reference-data/queries';
import { sessionQuery } from '@/session/session';
import { AdminPage, useAdminGate, useStatusLine } from './admin-gate';
import { usePermissions } from '@/session/use-can';
import { apiDownload } from '@/lib/api-client';
import { describeError } from '@/lib/describe-error';
import { adminUsersQuery, useSetActive } from './api';
import { CreateUserForm } from './create-user-form';
import { ResetPasswordDialog } from './reset-password-dialog';
import { NewHomeGovernmentForm } from './new-home-government-form';
import { UserGovernments } from './user-governments';

/**
 * /admin/users: every account with its role and status; add a user, disable or enable one
 * (disabling ends their sessions at once), reset a password (server mode), export the audit
 * trail. Administrators only: the API refuses everyone else, and the page says so.
 */
export function UsersPage() {
  const { t } = useTranslation();
  const { user: me, can } = usePermissions();
  const session = useQuery(sessionQuery());
  const serverMode = session.data?.mode === 'server';
  const users = useQuery({ ...adminUsersQuery(), enabled: can('user.manage') === true });
  const setActive = useSetActive();
  const regions = useQuery(referenceQueries.regions());
  const homes = (regions.data?.items ?? []).filter((r) => r.role === 'home');
  const { message, setMessage, run } = useStatusLine((reason) => t('users.errors.failed', { reason }));
  const [resetting, setResetting] = useState<User | undefined>();
  const gate = useAdminGate(t('users.title'), 'user.manage');
  if (gate) return gate;

  const toggle = (user: User) =>
    run(() => setActive.mutateAsync({ user, active: !user.active }), t(user.active ? 'users.disabled' : 'users.enabled', { name: user.name }));

  const exportAudit = () => {
    setMessage('');
    void apiDownload('/audit/export.csv', {}, 'mitra-audit.csv').catch((error: unknown) =>
      setMessage(t('users.errors.failed', { reason: describeError(error, t) })),
    );
  };

  return (
    <AdminPage title={t('users.title')} intro={t('users.intro')} message={message}>

      <QueryState query={users}>
        {(data) => (
          <DataTable
            caption={t('users.tableCaption')}
            columns={[
              ...(['name', 'email', 'role'] as const).map((c) => t(`users.columns.${c}`)),
              ...(homes.length > 1 ? [t('users.create.homeRegionIds')] : []),
              t('users.columns.status'),
              t('users.columns.actions'),
            ]}
          >
            {data.items.map((user) => (
              <tr key={user.id}>
                <th scope="row">
                  {user.name} {user.id === me?.id && <span className="hint">{t('users.you')}</span>}
                </th>
                <td>{user.email}</td>
                <td>{t(`enums.role.${user.role}`)}</td>
                {homes.length > 1 && (
                  <td>
                    <UserGovernments user={user} homes={homes} />
                  </td>
                )}
                <td>{user.active ? t('users.active') : t('users.inactive')}</td>
                <td>
                  {user.id !== me?.id && (
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      aria-label={t(user.active ? 'users.disableOf' : 'users.enableOf', { name: user.name })}
                      disabled={setActive.isPending}
                      onClick={() => void toggle(user)}
                    >
                      {user.active ? t('users.disable') : t('users.enable')}
                    </button>
                  )}{' '}
                  {serverMode && (
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      aria-label={t('users.resetPasswordOf', { name: user.name })}
                      onClick={() => setResetting(user)}
                    >
                      {t('users.resetPassword')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </QueryState>

      <CreateUserForm withPassword={serverMode} onCreated={(user) => setMessage(t('users.create.created', { name: user.name }))} />

      <NewHomeGovernmentForm onCreated={(region) => setMessage(t('users.newGovernment.created', { name: region.name }))} />

      <section aria-labelledby="audit-title">
        <h2 id="audit-title">{t('users.audit.title')}</h2>
        <p>{t('users.audit.intro')}</p>
        <button type="button" className="button button--secondary" onClick={exportAudit}>
          {t('users.audit.export')}
        </button>
      </section>

      {resetting && (
        <ResetPasswordDialog
          user={resetting}
          onClose={() => setResetting(undefined)}
          onDone={() => {
            setMessage(t('users.resetDone', { name: resetting.name }));
            setResetting(undefined);
          }}
        />
      )}
    </AdminPage>
  );
}
