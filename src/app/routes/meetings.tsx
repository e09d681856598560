import type { QueryClient } from '@tanstack/react-query';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { todayIn } from '@/domain/dates';
import { MEETING_KINDS } from '@/domain/meeting';
import { LoadMore } from '@/components/ui/load-more';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { meetingFiltersFrom, meetingFiltersToParams } from '@/features/meetings/api/filters';
import { meetingQueries, type MeetingFilters } from '@/features/meetings/api/queries';
import { MeetingTable } from '@/features/meetings/components/meeting-table';
import { partnershipQueries } from '@/features/partners/api/queries';
import { useLabels } from '@/features/reference/api/use-labels';
import { useDocumentTitle } from '@/lib/use-document-title';

export function meetingsLoader(queryClient: QueryClient) {
  return ({ request }: LoaderFunctionArgs) => {
    void queryClient.prefetchInfiniteQuery(meetingQueries.list(meetingFiltersFrom(new URL(request.url).searchParams)));
    return null;
  };
}

const FIRST_YEAR = 2015;

export function MeetingsPage() {
  const { t } = useTranslation();
  const labels = useLabels();
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
        <Link to="/meetings/new" className="button button--start">
          {t('meetings.logVisit')}
        </Link>
      </div>

      <form className="filters" aria-label={t('meetings.filters')} onSubmit={(e) => e.preventDefault()}>
        <div className="field field--inline">
          <label htmlFor="filter-partnership" className="label">
            {t('meetings.columns.partnership')}
          </label>
          <select
            id="filter-partnership"
            className="select"
            value={filters.partnershipId ?? ''}
            onChange={(e) => change({ partnershipId: e.target.value || undefined })}
          >
            <option value="">{t('common.all')}</option>
            {partnerships.data?.items.map((p) => (
              <option key={p.id} value={p.id}>
                {labels.partnership(p)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--inline">
          <label htmlFor="filter-kind" className="label">
            {t('meetings.columns.kind')}
          </label>
          <select
            id="filter-kind"
            className="select"
            value={filters.kind?.[0] ?? ''}
            onChange={(e) => change({ kind: e.target.value ? [e.target.value] : undefined })}
          >
            <option value="">{t('common.all')}</option>
            {MEETING_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`enums.meetingKind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--inline">
          <label htmlFor="filter-sector" className="label">
            {t('meetings.filterSector')}
          </label>
          <select
            id="filter-sector"
            className="select"
            value={filters.sectorId ?? ''}
            onChange={(e) => change({ sectorId: e.target.value || undefined })}
          >
            <option value="">{t('common.all')}</option>
            {[...labels.maps.sectors.values()].map((s) => (
              <option key={s.id} value={s.id}>
                {labels.sector(s.id)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--inline">
          <label htmlFor="filter-year" className="label">
            {t('dashboard.year')}
          </label>
          <select
            id="filter-year"
            className="select"
            value={filters.year ?? ''}
            onChange={(e) => change({ year: e.target.value ? Number(e.target.value) : undefined })}
          >
            <option value="">{t('common.all')}</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        {filtered && (
          <p className="filters__clear">
            <Link to="/meetings" replace>
              {t('common.clearFilters')}
            </Link>
          </p>
        )}
      </form>

      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState>{filtered ? t('meetings.emptyFiltered') : t('meetings.empty')}</EmptyState>
      ) : (
        <>
          <MeetingTable items={items} partnerships={partnershipMap} caption={t('meetings.caption')} />
          <LoadMore query={list} shown={items.length} total={list.data.pages[0]?.total ?? 0} />
        </>
      )}
    </div>
  );
}
