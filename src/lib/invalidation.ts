import type { QueryClient, QueryKey } from '@tanstack/react-query';

/**
 * The first segment of every query key, as each key factory's `all` spells it (followUpKeys,
 * meetingKeys, partnershipKeys, statsKeys, historyKeys, referenceKeys, adminKeys), so that what a
 * save makes stale can be said here without importing the features. The factories keep their own
 * literal: this module loads with the mutations, not with the first page.
 */
export const QUERY_ROOTS = {
  meetings: 'meetings',
  followUps: 'follow-ups',
  partnerships: 'partnerships',
  stats: 'stats',
  history: 'history',
  reference: 'reference',
  admin: 'admin',
} as const;

const root = (name: keyof typeof QUERY_ROOTS): QueryKey => [QUERY_ROOTS[name]];

/**
 * What a saved resource makes stale: the one map every mutation reads. A meeting touches nearly
 * everything (its follow-ups, the partnership it may create, the people it may add); a follow-up
 * its lists and the counts; a partnership's stage its lists, its history and the charts.
 */
export const STALE_AFTER_SAVE = {
  meeting: () => [root('meetings'), root('followUps'), root('stats'), root('partnerships'), root('reference')],
  followUp: () => [root('followUps'), root('stats')],
  partnershipStage: (id: string) => [root('partnerships'), [QUERY_ROOTS.history, 'partnership', id], root('stats')],
  /** A region, organisation, person or partnership saved from the reference forms. */
  reference: () => [root('reference'), root('partnerships')],
  /** A sector added, renamed, recoloured or retired: every picker and chart names sectors from the reference list. */
  sector: () => [root('reference'), root('stats')],
  /** The names and owners shown everywhere else come from the reference list of users. */
  user: () => [[QUERY_ROOTS.admin, 'users'], [QUERY_ROOTS.reference, 'users']],
} satisfies Record<string, (...args: never[]) => QueryKey[]>;

export function invalidateAfterSave(queryClient: QueryClient, keys: QueryKey[]): Promise<void[]> {
  return Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}
