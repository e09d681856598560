import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { FollowUpStatus } from '@/domain/follow-up';
import type { Stage } from '@/domain/partnership';
import { apiGet } from '@/lib/api-client';

type Group<T> = { total: number; items: T[] };

/** `GET /search`: the first few matches of each kind, and how many there are. */
export type SearchResult = {
  partnerships: Group<{ id: string; partnerRegionId?: string; partnerOrganizationId?: string; stage: Stage }>;
  people: Group<{ id: string; name: string; position?: string; regionId?: string }>;
  meetings: Group<{ id: string; title: string; date: string }>;
  followUps: Group<{ id: string; title: string; status: FollowUpStatus; dueDate: string | null }>;
};

export const searchKeys = {
  all: ['search'] as const,
  term: (term: string) => [...searchKeys.all, term] as const,
};

/** Five matches of each kind for a trimmed term; while the next term loads, the last answer stays. */
export const searchQuery = (term: string) =>
  queryOptions({
    queryKey: searchKeys.term(term),
    queryFn: ({ signal }) => apiGet<SearchResult>('/search', { q: term, limit: 5 }, signal),
    enabled: term.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
