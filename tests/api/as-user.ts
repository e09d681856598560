import type { TestApi } from './helpers';

/**
 * The same test API with another default user: for a file whose writes belong to one role
 * (sectors to the admin, stage changes to the manager). A request that names its user, or
 * `user: null`, still wins.
 */
export function asUser(api: TestApi, userId: string): TestApi {
  return {
    ...api,
    request: (method, path, options = {}) =>
      api.request(method, path, Object.hasOwn(options, 'user') ? options : { ...options, user: userId }),
  };
}
