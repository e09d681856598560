import { STAGES, type Partnership, type Stage } from '@/domain/partnership';
import type { Region } from '@/domain/region';
import type { PartnershipActivity, PartnershipFilters } from './api/queries';

export const DIRECTORY_SORTS = ['partner', 'country', 'stage', 'lastMeeting', 'nextDue'] as const;
export type DirectorySort = (typeof DIRECTORY_SORTS)[number];

export type DirectoryFilters = {
  q?: string;
  countryCode?: string;
  stage?: Stage[];
  sectorId?: string;
  id?: string[];
  sort: DirectorySort;
};

/** The URL is the directory's state: ?q=&countryCode=&stage=&sectorId=&sort= (unknown values ignored). */
export function directoryFiltersFrom(params: URLSearchParams): DirectoryFilters {
  const stage = (params.get('stage') ?? '').split(',').filter((s): s is Stage => STAGES.includes(s as Stage));
  const q = (params.get('q') ?? '').trim().slice(0, 200);
  const countryCode = params.get('countryCode');
  const sectorId = params.get('sectorId');
  const partnershipId = params.get('partnershipId');
  const sort = params.get('sort') as DirectorySort | null;
  return {
    ...(q ? { q } : {}),
    ...(countryCode && /^[A-Z]{2}$/.test(countryCode) ? { countryCode } : {}),
    ...(stage.length > 0 ? { stage } : {}),
    ...(sectorId && /^[a-z0-9-]{1,40}$/.test(sectorId) ? { sectorId } : {}),
    ...(partnershipId && /^[\w-]{1,80}$/.test(partnershipId) ? { id: [partnershipId] } : {}),
    sort: sort && DIRECTORY_SORTS.includes(sort) ? sort : 'partner',
  };
}

export function directoryFiltersToParams(f: DirectoryFilters): Record<string, string> {
  return {
    ...(f.q ? { q: f.q } : {}),
    ...(f.countryCode ? { countryCode: f.countryCode } : {}),
    ...(f.stage?.length ? { stage: f.stage.join(',') } : {}),
    ...(f.sectorId ? { sectorId: f.sectorId } : {}),
    ...(f.id?.[0] ? { partnershipId: f.id[0] } : {}),
    ...(f.sort !== 'partner' ? { sort: f.sort } : {}),
  };
}

/** What the API filters on: everything but the sort, which the directory does itself. */
export function directoryApiFilters(f: DirectoryFilters): PartnershipFilters {
  const { sort: _sort, ...rest } = f;
  return rest;
}

/**
 * Orders the directory's rows. The API filters and matches (Latin and local-script names); a
 * directory holds a handful to a few dozen partnerships (one page), and two of its sort keys come
 * from the activity endpoint, so the ordering is done here, stably, with the partner name as the
 * tie-breaker.
 */
export function sortDirectory(
  items: readonly Partnership[],
  sort: DirectorySort,
  context: {
    name: (p: Partnership) => string;
    region: (p: Partnership) => Region | undefined;
    country: (code: string) => string;
    activity: ReadonlyMap<string, PartnershipActivity>;
  },
): Partnership[] {
  const byName = (a: Partnership, b: Partnership) => context.name(a).localeCompare(context.name(b));
  const countryOf = (p: Partnership) => {
    const code = context.region(p)?.countryCode;
    return code ? context.country(code) : '\uffff';
  };
  const compare: Record<DirectorySort, (a: Partnership, b: Partnership) => number> = {
    partner: () => 0,
    country: (a, b) => countryOf(a).localeCompare(countryOf(b)),
    stage: (a, b) => STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage),
    // Most recent first; partnerships without a meeting last.
    lastMeeting: (a, b) => {
      const da = context.activity.get(a.id)?.lastMeeting?.date ?? '';
      const db = context.activity.get(b.id)?.lastMeeting?.date ?? '';
      return da === db ? 0 : da < db ? 1 : -1;
    },
    // Soonest due first; none open (or undated) last.
    nextDue: (a, b) => {
      const da = context.activity.get(a.id)?.nextFollowUp?.dueDate ?? '\uffff';
      const db = context.activity.get(b.id)?.nextFollowUp?.dueDate ?? '\uffff';
      return da === db ? 0 : da < db ? -1 : 1;
    },
  };
  return [...items].sort((a, b) => compare[sort](a, b) || byName(a, b));
}
