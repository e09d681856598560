import type { QueryClient } from '@tanstack/react-query';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadMore } from '@/components/ui/load-more';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { meetingQueries } from '@/features/meetings/api/queries';
import { MeetingTable } from '@/features/meetings/components/meeting-table';
import { partnershipQueries } from '@/features/partners/api/queries';
import { useDocumentTitle } from '@/lib/use-document-title';

export function meetingsLoader(queryClient: QueryClient) {
  return () => {
    void queryClient.prefetchInfiniteQuery(meetingQueries.list());
    return null;
  };
}

export function MeetingsPage() {
  const { t } = useTranslation();
  const list = useInfiniteQuery(meetingQueries.list());
  const partnerships = useQuery(partnershipQueries.list());
  const partnershipMap = useMemo(() => new Map(partnerships.data?.items.map((p) => [p.id, p])), [partnerships.data]);
  useDocumentTitle(t('meetings.title'));
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

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
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState>{t('meetings.empty')}</EmptyState>
      ) : (
        <>
          <MeetingTable items={items} partnerships={partnershipMap} caption={t('meetings.caption')} />
          <LoadMore query={list} shown={items.length} total={list.data.pages[0]?.total ?? 0} />
        </>
      )}
    </div>
  );
}
