import type { QueryClient } from '@tanstack/react-query';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, type LoaderFunctionArgs } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { followUpQueries } from '@/features/follow-ups/api/queries';
import { FollowUpTable } from '@/features/follow-ups/components/follow-up-table';
import { meetingQueries } from '@/features/meetings/api/queries';
import { MeetingTable } from '@/features/meetings/components/meeting-table';
import { partnershipQueries } from '@/features/partners/api/queries';
import { PartnershipDetail } from '@/features/partners/components/partnership-detail';
import { useLabels } from '@/features/reference/api/use-labels';
import { useDocumentTitle } from '@/lib/use-document-title';

export function partnerLoader(queryClient: QueryClient) {
  return ({ params }: LoaderFunctionArgs) => {
    void queryClient.prefetchQuery(partnershipQueries.detail(params.partnershipId ?? ''));
    return null;
  };
}

export function PartnerPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const partnershipId = useParams().partnershipId ?? '';
  const partnership = useQuery(partnershipQueries.detail(partnershipId));
  const meetings = useInfiniteQuery(meetingQueries.list({ partnershipId }));
  const followUps = useInfiniteQuery(followUpQueries.list({ partnershipId }));
  useDocumentTitle(partnership.data ? labels.partnership(partnership.data) : t('partners.title'));

  return (
    <div className="page">
      <p className="back-link no-print">
        <Link to="/partners">{t('partners.backToList')}</Link>
      </p>
      {partnership.isPending ? (
        <LoadingState />
      ) : partnership.isError ? (
        <ErrorState error={partnership.error} onRetry={() => void partnership.refetch()} level={1} />
      ) : (
        <>
          <PartnershipDetail partnership={partnership.data} />
          <section aria-labelledby="partner-meetings">
            <h2 id="partner-meetings">{t('partners.detail.meetings')}</h2>
            {meetings.isPending ? (
              <LoadingState />
            ) : meetings.isError ? (
              <ErrorState error={meetings.error} onRetry={() => void meetings.refetch()} />
            ) : meetings.data.pages[0]?.items.length === 0 ? (
              <EmptyState>{t('partners.detail.noMeetings')}</EmptyState>
            ) : (
              <MeetingTable items={meetings.data.pages.flatMap((p) => p.items)} caption={t('partners.detail.meetings')} showPartnership={false} />
            )}
          </section>
          <section aria-labelledby="partner-follow-ups">
            <h2 id="partner-follow-ups">{t('partners.detail.followUps')}</h2>
            {followUps.isPending ? (
              <LoadingState />
            ) : followUps.isError ? (
              <ErrorState error={followUps.error} onRetry={() => void followUps.refetch()} />
            ) : followUps.data.pages[0]?.items.length === 0 ? (
              <EmptyState>{t('partners.detail.noFollowUps')}</EmptyState>
            ) : (
              <FollowUpTable items={followUps.data.pages.flatMap((p) => p.items)} caption={t('partners.detail.followUps')} showPartnership={false} />
            )}
          </section>
        </>
      )}
    </div>
  );
}
