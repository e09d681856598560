import type { Role } from './value-lists';

/**
 * Many home governments in one deployment (issue 15): a home government is a region with the
 * role `home`; every partnership belongs to one (and through it its meetings and follow-ups).
 *
 * Who sees what:
 * - a user works for the governments in `homeRegionIds` and sees and changes only their
 *   records (the API answers 404 for any other government's, and leaves them out of lists,
 *   search, figures, exports and history);
 * - administrators see every government, now and added later: they manage users and reference
 *   data for the whole deployment (a province or ministry office that runs Mitra for many
 *   offices gives its overseers the admin role, or assigns them every government);
 * - the role is global: one role for every government the user has.
 */
export type HomeScopedUser = { role: Role; homeRegionIds: readonly string[] };

/** The home governments a user may see: `'all'` for administrators, otherwise their list. */
export function visibleHomeRegions(user: HomeScopedUser): readonly string[] | 'all' {
  return user.role === 'admin' ? 'all' : user.homeRegionIds;
}

/** Whether the user sees records of this home government. */
export function seesHomeRegion(user: HomeScopedUser, homeRegionId: string): boolean {
  const visible = visibleHomeRegions(user);
  return visible === 'all' || visible.includes(homeRegionId);
}

/**
 * The governments a request covers: every one the user sees, or only `narrow` (the header's
 * choice, `?homeRegionId=`) when given. `undefined` means no restriction; a narrow choice
 * outside the user's governments covers nothing (an empty list), never someone else's records.
 */
export function homeScope(user: HomeScopedUser | undefined, narrow?: string): readonly string[] | undefined {
  const visible = user ? visibleHomeRegions(user) : 'all';
  if (narrow === undefined || narrow === '') return visible === 'all' ? undefined : visible;
  if (visible === 'all') return [narrow];
  return visible.includes(narrow) ? [narrow] : [];
}

/** The home governments a user works for, in the regions' order (administrators: every one). */
export function governmentsOf<R extends { id: string; role: string }>(user: HomeScopedUser, regions: readonly R[]): R[] {
  const visible = visibleHomeRegions(user);
  return regions.filter((r) => r.role === 'home' && (visible === 'all' || visible.includes(r.id)));
}
