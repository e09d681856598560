import type { QueryClient } from '@tanstack/react-query';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, type LoaderFunctionArgs } from 'react-router';
import type { Meeting } from '@/domain/meeting';
import type { Page } from '@/domain/schemas/common';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { followUpDetailQuery } from '@/features/follow-ups/api/detail';
import { FollowUpDetail } from '@/features/follow-ups/components/follow-up-detail';
import { meetingKeys } from '@/features/meetings/api/queries';
import { partnershipQueries } from '@/features/partners/api/queries';
import { apiGet } from '@/lib/api-client';
import { useDocumentTitle } from '@/lib/use-document-title';

export function followUpLoader(queryClient: QueryClient) {
  return ({ params }: LoaderFunctionArgs) => {
    void queryClient.prefetchQuery(followUpDetailQuery(params.followUpId ?? ''));
    return null;
  };
}

export function FollowUpPage() {
  const { t } = useTranslation();
  const followUpId = useParams().followUpId ?? '';
  const item = useQuery(followUpDetailQuery(followUpId));
  const partnership = useQuery({ ...partnershipQueries.detail(item.data?.partnershipId ?? ''), enabled: item.data !== undefined });
  const meetingIds = item.data?.meetingIds ?? [];
  const meetings = useQuery({
    queryKey: [...meetingKeys.lists(), { id: meetingIds }],
    queryFn: ({ signal }) => apiGet<Page<Meeting>>('/meetings', { id: meetingIds, limit: 100 }, signal),
    enabled: meetingIds.length > 0,
  });
  const meetingMap = useMemo(() => new Map(meetings.data?.items.map((m) => [m.id, m])), [meetings.data]);
  useDocumentTitle(item.data?.title ?? t('followUps.title'));

  return (
    <div className="page">
      <p className="back-link">
        <Link to="/follow-ups">{t('followUps.detail.backToList')}</Link>
      </p>
      {item.isPending ? (
        <LoadingState />
      ) : item.isError ? (
        <ErrorState error={item.error} onRetry={() => void item.refetch()} level={1} />
      ) : (
        <FollowUpDetail item={item.data} partnership={partnership.data} meetings={meetingMap} />
      )}
    </div>
  );
}
