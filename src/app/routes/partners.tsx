import type { QueryClient } from '@tanstack/react-query';
import { preload } from '@/lib/query-client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useEffectEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { FilterSelect } from '@/components/ui/filter-select';
import { EmptyState } from '@/components/ui/states';
import { QueryState } from '@/components/ui/query-state';
import { STAGES, type Stage } from '@/domain/partnership';
import { activityQuery, partnershipQueries, type PartnershipFilters } from '@/features/partners/api/queries';
import { PartnershipTable } from '@/features/partners/components/partnership-table';
import {
  DIRECTORY_SORTS,
  directoryFiltersFrom,
  directoryFiltersToParams,
  sortDirectory,
  type DirectoryFilters,
  type DirectorySort,
} from '@/features/partners/directory';
import { useCan } from '@/session/use-can';
import { useLabels } from '@/reference-data/use-labels';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useFormat } from '@/lib/use-format';
import { SearchField } from '@/components/ui/search-field';

function apiFilters(f: DirectoryFilters): PartnershipFilters {
  const { sort: _sort, ...rest } = f;
  return rest;
}

export function partnersLoader(queryClient: QueryClient) {
  return ({ request }: LoaderFunctionArgs) => {
    const filters = directoryFiltersFrom(new URL(request.url).searchParams);
    preload(queryClient, partnershipQueries.list(apiFilters(filters)));
    preload(queryClient, activityQuery());
    return null;
  };
}

/**
 * The partner directory: every partnership with its partner's country, level and local-script
 * name, stage, focus sectors, last meeting and next follow-up. Filters, text and sort live in
 * the URL, so a link reproduces the view; the API filters and matches names in any script.
 */
export function PartnersPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const filters = directoryFiltersFrom(params);
  const labels = useLabels();
  const list = useQuery({ ...partnershipQueries.list(apiFilters(filters)), placeholderData: keepPreviousData });
  const activity = useQuery(activityQuery());
  const canCreate = useCan('partnership.create');
  useDocumentTitle(t('partners.title'));

  const change = (patch: Partial<DirectoryFilters>) =>
    setParams(directoryFiltersToParams({ ...filters, ...patch }), { replace: true });

  // The text box follows the URL, and the URL follows typing after a short pause.
  const [text, setText] = useState(filters.q ?? '');
  const [urlQ, setUrlQ] = useState(filters.q);
  if (urlQ !== filters.q) {
    // The URL changed (back button, "clear filters"): the box shows it.
    setUrlQ(filters.q);
    if (text.trim() !== (filters.q ?? '')) setText(filters.q ?? '');
  }
  // Reads the URL as it is when the pause ends, not as it was when the typing began.
  const commitText = useEffectEvent((typed: string) => {
    if (typed !== (filters.q ?? '')) change({ q: typed || undefined });
  });
  useEffect(() => {
    const timer = setTimeout(() => commitText(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text]);

  const countries = useMemo(() => {
    const codes = new Set([...labels.maps.regions.values()].filter((r) => r.role === 'partner').map((r) => r.countryCode));
    return [...codes].map((code) => ({ value: code, label: format.country(code) })).sort((a, b) => a.label.localeCompare(b.label));
  }, [labels.maps.regions, format]);

  const activityMap = useMemo(() => new Map(activity.data?.items.map((a) => [a.partnershipId, a])), [activity.data]);
  const rows = useMemo(
    () =>
      sortDirectory(list.data?.items ?? [], filters.sort, {
        name: (p) => labels.partnership(p),
        region: (p) => (p.partnerRegionId ? labels.maps.regions.get(p.partnerRegionId) : undefined),
        country: format.country,
        activity: activityMap,
      }),
    [list.data, filters.sort, labels, format, activityMap],
  );
  const filtered = Object.keys(directoryFiltersToParams({ ...filters, sort: 'partner' })).length > 0;

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>{t('partners.title')}</h1>
          <p className="lead">{t('partners.intro')}</p>
        </div>
        {canCreate && (
          <Link to="/partners/new" className="button">
            {t('directory.add')}
          </Link>
        )}
      </div>

      <form
        className="filters"
        role="search"
        aria-label={t('directory.filters')}
        onSubmit={(e) => {
          e.preventDefault();
          change({ q: text.trim() || undefined });
        }}
      >
        <SearchField label={t('directory.search')} hint={t('directory.searchHint')} value={text} onChange={setText} />
        <FilterSelect
          id="filter-country"
          label={t('directory.country')}
          value={filters.countryCode ?? ''}
          options={countries}
          onChange={(countryCode) => change({ countryCode })}
        />
        <FilterSelect
          id="filter-stage"
          label={t('directory.stage')}
          value={filters.stage?.length === 1 ? (filters.stage[0] ?? '') : ''}
          options={STAGES.map((s) => ({ value: s, label: t(`enums.stage.${s}`) }))}
          onChange={(stage) => change({ stage: stage ? [stage as Stage] : undefined })}
        />
        <FilterSelect
          id="filter-sector"
          label={t('directory.sector')}
          value={filters.sectorId ?? ''}
          options={[...labels.maps.sectors.values()].map((s) => ({ value: s.id, label: labels.sector(s.id) }))}
          onChange={(sectorId) => change({ sectorId })}
        />
        <FilterSelect
          id="filter-sort"
          label={t('directory.sort')}
          value={filters.sort}
          allLabel={false}
          options={DIRECTORY_SORTS.map((s) => ({ value: s, label: t(`directory.sorts.${s}`) }))}
          onChange={(sort) => change({ sort: (sort as DirectorySort | undefined) ?? 'partner' })}
        />
        {(filters.stage?.length ?? 0) > 1 || filters.id ? (
          <p className="filters__note">
            {t('partners.filtered', {
              what: [
                ...((filters.stage?.length ?? 0) > 1 ? (filters.stage ?? []).map((s) => t(`enums.stage.${s}`)) : []),
                ...(filters.id ? filters.id.map((id) => labels.partnership(list.data?.items.find((p) => p.id === id))) : []),
              ].join(', '),
            })}
          </p>
        ) : null}
        {filtered && (
          <p className="filters__clear">
            <Link to="/partners" replace>
              {t('common.clearFilters')}
            </Link>
          </p>
        )}
      </form>

      <QueryState query={list} isEmpty={rows.length === 0} empty={<EmptyState>{filtered ? t('directory.noMatch') : t('partners.empty')}</EmptyState>}>
        {() => (
          <>
            <p className="hint" role="status">
              {t('directory.count', { count: rows.length })}
            </p>
            <PartnershipTable items={rows} caption={t('partners.caption')} activity={activityMap} sort={filters.sort} />
          </>
        )}
      </QueryState>
    </div>
  );
}
