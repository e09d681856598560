import { queryOptions, useMutation } from '@tanstack/react-query';
import type { Page } from '@/domain/schemas/common';
import type { Role, User } from '@/domain/user';
import { apiGet, apiRequest, apiUrl } from '@/lib/api-client';
import { STALE_AFTER_SAVE } from '@/lib/invalidation';
import { useSaveMutation } from '@/lib/use-save-mutation';

export const adminKeys = {
  users: ['admin', 'users'] as const,
};

/** Every user, active or not (an office has dozens): one page of up to 100, sorted by name. */
export const adminUsersQuery = () =>
  queryOptions({
    queryKey: adminKeys.users,
    queryFn: ({ signal }) => apiGet<Page<User>>('/users', { limit: 100, sort: 'name' }, signal),
  });

export type NewUser = { name: string; email: string; role: Role; position?: string; homeRegionIds?: string[]; password?: string };

export function useCreateUser() {
  return useSaveMutation((input: NewUser) => apiRequest<User>(apiUrl('/users'), { method: 'POST', body: input }), STALE_AFTER_SAVE.user);
}

export function useSetActive() {
  return useSaveMutation(
    ({ user, active }: { user: User; active: boolean }) =>
      apiRequest<User>(apiUrl(`/users/${encodeURIComponent(user.id)}`), { method: 'PATCH', body: { active }, version: user.version }),
    STALE_AFTER_SAVE.user,
    'settled',
  );
}

export function useResetPassword() {
  return useMutation({
    mutationFn: ({ user, password }: { user: User; password: string }) =>
      apiRequest<void>(apiUrl(`/users/${encodeURIComponent(user.id)}/password`), { method: 'POST', body: { password } }),
  });
}

/** An administrator changes the home governments a user works for (issue 15). */
export function useSetHomeRegions() {
  return useSaveMutation(
    ({ user, homeRegionIds }: { user: User; homeRegionIds: string[] }) =>
      apiRequest<User>(apiUrl(`/users/${encodeURIComponent(user.id)}`), { method: 'PATCH', body: { homeRegionIds }, version: user.version }),
    STALE_AFTER_SAVE.user,
    'settled',
  );
}
