import type { QueryClient } from '@tanstack/react-query';
import { preload } from '@/lib/api-client';
import { adminUsersQuery } from '@/features/admin/api';

export { UsersPage } from '@/features/admin/users-page';

/** Starts the users request beside the chunk download (a 403 shows in the page, not here). */
export const usersLoader = (queryClient: QueryClient) => () => {
  preload(queryClient, adminUsersQuery());
  return null;
};
