import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/ui/page-header';
import { CsvExport } from '@/components/ui/csv-export';
import { Link } from 'react-router';
import { LoadMore } from '@/components/ui/load-more';
import { EmptyState } from '@/components/ui/states';
import { QueryState } from '@/components/ui/query-state';
import { meetingFiltersFrom, meetingFiltersToParams } from '../api/filters';
import { meetingQueries } from '../api/queries';
import { MeetingFilters } from './meeting-filters';
import { MeetingTable } from './meeting-table';
import { partnershipQueries } from '@/features/partners';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useFilterParams } from '@/lib/use-filter-params';
import { useCan } from '@/session/use-can';

export function MeetingsPage() {
  const canLogVisit = useCan('meeting.create');
  const { t } = useTranslation();
  const { filters, change } = useFilterParams(meetingFiltersFrom, meetingFiltersToParams);
  const list = useInfiniteQuery(meetingQueries.list(filters));
  const partnerships = useQuery(partnershipQueries.list());
  const partnershipMap = useMemo(() => new Map(partnerships.data?.items.map((p) => [p.id, p])), [partnerships.data]);
  useDocumentTitle(t('meetings.title'));
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  const filtered = Object.keys(meetingFiltersToParams(filters)).length > 0;

  return (
    <div className="page">
      <PageHeader title={t('meetings.title')} intro={t('meetings.intro')}>
        {canLogVisit && (
          <Link to="/meetings/new" className="button button--start">
            {t('meetings.logVisit')}
          </Link>
        )}
      </PageHeader>

      <MeetingFilters filters={filters} partnerships={partnerships.data?.items ?? []} onChange={change} filtered={filtered} />
      <CsvExport path="/meetings/export.csv" params={filters} fileName="mitra-meetings.csv" />

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
