import type { QueryClient } from '@tanstack/react-query';
import { preloadPages } from '@/lib/query-client';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { todayIn } from '@/domain/dates';
import { MEETING_KINDS } from '@/domain/meeting';
import { LoadMore } from '@/components/ui/load-more';
import { FilterSelect } from '@/components/ui/filter-select';
import { EmptyState } from '@/components/ui/states';
import { QueryState } from '@/components/ui/query-state';
import { meetingFiltersFrom, meetingFiltersToParams } from '@/features/meetings/api/filters';
import { meetingQueries, type MeetingFilters } from '@/features/meetings/api/queries';
import { MeetingTable } from '@/features/meetings/components/meeting-table';
import { partnershipQueries } from '@/features/partners/api/queries';
import { useLabels } from '@/reference-data/use-labels';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useFormat } from '@/lib/use-format';
import { useCan } from '@/session/use-can';

export function meetingsLoader(queryClient: QueryClient) {
  return ({ request }: LoaderFunctionArgs) => {
    preloadPages(queryClient, meetingQueries.list(meetingFiltersFrom(new URL(request.url).searchParams)));
    return null;
  };
}

const FIRST_YEAR = 2015;

export function MeetingsPage() {
  const canLogVisit = useCan('meeting.create');
  const { t } = useTranslation();
  const labels = useLabels();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const filters = meetingFiltersFrom(params);
  const list = useInfiniteQuery(meetingQueries.list(filters));
  const partnerships = useQuery(partnershipQueries.list());
  const partnershipMap = useMemo(() => new Map(partnerships.data?.items.map((p) => [p.id, p])), [partnerships.data]);
  useDocumentTitle(t('meetings.title'));
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const currentYear = Number(todayIn().slice(0, 4));
  const years = Array.from({ length: currentYear + 1 - FIRST_YEAR + 1 }, (_, i) => currentYear + 1 - i);

  const change = (patch: Partial<MeetingFilters>) =>
    setParams(meetingFiltersToParams({ ...filters, ...patch }), { replace: true });
  const filtered = Object.keys(meetingFiltersToParams(filters)).length > 0;

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>{t('meetings.title')}</h1>
          <p className="lead">{t('meetings.intro')}</p>
        </div>
        {canLogVisit && (
          <Link to="/meetings/new" className="button button--start">
            {t('meetings.logVisit')}
          </Link>
        )}
      </div>

      <form className="filters" aria-label={t('meetings.filters')} onSubmit={(e) => e.preventDefault()}>
        <FilterSelect
          id="filter-partnership"
          label={t('meetings.columns.partnership')}
          value={filters.partnershipId ?? ''}
          options={(partnerships.data?.items ?? []).map((p) => ({ value: p.id, label: labels.partnership(p) }))}
          onChange={(partnershipId) => change({ partnershipId })}
        />
        <FilterSelect
          id="filter-kind"
          label={t('meetings.columns.kind')}
          value={filters.kind?.[0] ?? ''}
          options={MEETING_KINDS.map((k) => ({ value: k, label: t(`enums.meetingKind.${k}`) }))}
          onChange={(kind) => change({ kind: kind ? [kind] : undefined })}
        />
        <FilterSelect
          id="filter-sector"
          label={t('meetings.filterSector')}
          value={filters.sectorId ?? ''}
          options={[...labels.maps.sectors.values()].map((s) => ({ value: s.id, label: labels.sector(s.id) }))}
          onChange={(sectorId) => change({ sectorId })}
        />
        <FilterSelect
          id="filter-year"
          label={t('dashboard.year')}
          value={filters.year === undefined ? '' : String(filters.year)}
          options={years.map((y) => ({ value: String(y), label: String(y) }))}
          onChange={(year) => change({ year: year ? Number(year) : undefined })}
        />
        {(filters.from ?? filters.to) && (
          <p className="filters__note">
            {t('meetings.range', {
              from: filters.from ? format.date(filters.from, 'medium') : '…',
              to: filters.to ? format.date(filters.to, 'medium') : '…',
            })}
          </p>
        )}
        {filtered && (
          <p className="filters__clear">
            <Link to="/meetings" replace>
              {t('common.clearFilters')}
            </Link>
          </p>
        )}
      </form>

      <QueryState query={list} isEmpty={items.length === 0} empty={<EmptyState>{filtered ? t('meetings.emptyFiltered') : t('meetings.empty')}</EmptyState>}>
        {() => (
          <>
            <MeetingTable items={items} partnerships={partnershipMap} caption={t('meetings.caption')} />
            <LoadMore query={list} shown={items.length} total={list.data?.pages[0]?.total ?? 0} />
          </>
        )}
      </QueryState>
    </div>
  );
}
