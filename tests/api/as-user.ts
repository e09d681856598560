import type { TestApi } from './helpers';

/**
 * The same test API with another default user: for a file whose writes belong to one role
 * (sectors to the admin, stage changes to the manager). A request that names its user, or
 * `user: null`, still wins.
 */
export async function asUser(opening: TestApi | Promise<TestApi>, userId: string): Promise<TestApi> {
  const api = await opening;
  return {
    ...api,
    request: (method, path, options = {}) =>
      api.request(method, path, Object.hasOwn(options, 'user') ? options : { ...options, user: userId }),
  };
}
