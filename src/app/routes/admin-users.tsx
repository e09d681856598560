import type { QueryClient } from '@tanstack/react-query';
import { adminUsersQuery } from '@/features/admin/api';

export { UsersPage } from '@/features/admin/users-page';

/** Starts the users request beside the chunk download (a 403 shows in the page, not here). */
export const usersLoader = (queryClient: QueryClient) => () => {
  void queryClient.prefetchQuery(adminUsersQuery());
  return null;
};
