import { queryOptions } from '@tanstack/react-query';
import type { Page } from '@/domain/schemas/common';
import type { FollowUp } from '@/domain/follow-up';
import type { Organization } from '@/domain/organization';
import type { Person } from '@/domain/person';
import type { Region } from '@/domain/region';
import type { Sector } from '@/domain/sector';
import type { User } from '@/domain/user';
import { apiGet } from '@/lib/api-client';

/**
 * Reference data changes rarely and is small: one page of up to 100 of each is loaded and
 * kept for five minutes, to name the ids that other resources carry.
 */
const REFERENCE_STALE_MS = 5 * 60_000;

type ReferenceResource = 'sectors' | 'users' | 'regions' | 'organizations';
/** Whose people: a region's or an organisation's. */
export type PeopleOwner = 'regionId' | 'organizationId';

export const referenceKeys = {
  all: ['reference'] as const,
  list: (resource: ReferenceResource) => [...referenceKeys.all, resource] as const,
  people: (ids: readonly string[]) => [...referenceKeys.all, 'people', [...ids].sort()] as const,
  allPeople: () => [...referenceKeys.all, 'people', 'all'] as const,
  peopleOf: (by: PeopleOwner, id: string) => [...referenceKeys.all, 'people', by, id] as const,
  openFollowUps: (partnershipId: string) => [...referenceKeys.all, 'open-follow-ups', partnershipId] as const,
};

const firstPage = <T,>(resource: ReferenceResource) =>
  queryOptions({
    queryKey: referenceKeys.list(resource),
    queryFn: ({ signal }) => apiGet<Page<T>>(`/${resource}`, { limit: 100 }, signal),
    staleTime: REFERENCE_STALE_MS,
  });

export const referenceQueries = {
  sectors: () => firstPage<Sector>('sectors'),
  users: () => firstPage<User>('users'),
  regions: () => firstPage<Region>('regions'),
  organizations: () => firstPage<Organization>('organizations'),
  people: (ids: readonly string[]) =>
    queryOptions({
      queryKey: referenceKeys.people(ids),
      queryFn: ({ signal }) => apiGet<Page<Person>>('/people', { id: ids, limit: 100 }, signal),
      staleTime: REFERENCE_STALE_MS,
      enabled: ids.length > 0,
    }),
  /** People to pick from in forms (the office meets dozens, not thousands). */
  allPeople: () =>
    queryOptions({
      queryKey: referenceKeys.allPeople(),
      queryFn: ({ signal }) => apiGet<Page<Person>>('/people', { limit: 100 }, signal),
      staleTime: REFERENCE_STALE_MS,
    }),
  /** The people of one region or organisation (a partnership's contacts). */
  peopleOf: (by: PeopleOwner, id: string) =>
    queryOptions({
      queryKey: referenceKeys.peopleOf(by, id),
      queryFn: ({ signal }) => apiGet<Page<Person>>('/people', { [by]: id, limit: 100 }, signal),
    }),
  openFollowUps: (partnershipId: string) =>
    queryOptions({
      queryKey: referenceKeys.openFollowUps(partnershipId),
      queryFn: ({ signal }) =>
        apiGet<Page<FollowUp>>(`/partnerships/${encodeURIComponent(partnershipId)}/open-follow-ups`, {}, signal),
      enabled: partnershipId !== '',
    }),
};
