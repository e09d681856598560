import type { QueryClient } from '@tanstack/react-query';
import { preload, preloadPages } from '@/lib/api-client';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, type LoaderFunctionArgs } from 'react-router';
import { QueryState } from '@/components/ui/query-state';
import { followUpQueries } from '@/features/follow-ups/api/queries';
import { FollowUpsSection } from '@/features/follow-ups/components/follow-up-table';
import { meetingQueries } from '@/features/meetings/api/queries';
import { HistoryPanel } from '@/features/history/history-panel';
import { MeetingDetail } from '@/features/meetings/components/meeting-detail';
import { partnershipQueries } from '@/features/partners/api/queries';
import { referenceQueries } from '@/reference-data/queries';
import { useDocumentTitle } from '@/lib/use-document-title';

export function meetingLoader(queryClient: QueryClient) {
  return ({ params }: LoaderFunctionArgs) => {
    const id = params.meetingId ?? '';
    preload(queryClient, meetingQueries.detail(id));
    preloadPages(queryClient, followUpQueries.list({ meetingId: id }));
    return null;
  };
}

function peopleOf(meeting: { hostLeadId?: string; delegationLeadId?: string; participants: { personId?: string }[]; statements: { personId?: string }[] }): string[] {
  const ids = [meeting.hostLeadId, meeting.delegationLeadId, ...meeting.participants.map((p) => p.personId), ...meeting.statements.map((s) => s.personId)];
  return [...new Set(ids.filter((id): id is string => id !== undefined))];
}

export function MeetingPage() {
  const { t } = useTranslation();
  const meetingId = useParams().meetingId ?? '';
  const meeting = useQuery(meetingQueries.detail(meetingId));
  const partnership = useQuery({ ...partnershipQueries.detail(meeting.data?.partnershipId ?? ''), enabled: meeting.data !== undefined });
  const people = useQuery(referenceQueries.people(meeting.data ? peopleOf(meeting.data) : []));
  const followUps = useInfiniteQuery(followUpQueries.list({ meetingId }));
  const peopleMap = useMemo(() => new Map(people.data?.items.map((p) => [p.id, p])), [people.data]);
  useDocumentTitle(meeting.data?.title ?? t('meetings.title'));
  const saved = useLocation().state as { saved?: boolean } | null;

  return (
    <div className="page">
      <div className="page-actions no-print">
        <p className="back-link">
          <Link to="/meetings">{t('meetings.backToList')}</Link>
        </p>
        {meeting.data && (
          <p className="page-actions__buttons">
            <Link to={`/meetings/${encodeURIComponent(meeting.data.id)}/edit`} className="button button--secondary">
              {t('meetings.edit')}
            </Link>{' '}
            <button type="button" className="button button--secondary" onClick={() => window.print()}>
              {t('meetings.print')}
            </button>
          </p>
        )}
      </div>
      {saved?.saved && (
        <div className="notification notification--success no-print" role="status">
          <p>{t('meetings.saved')}</p>
        </div>
      )}
      <QueryState query={meeting} level={1}>
        {(data) => (
          <>
            <MeetingDetail meeting={data} partnership={partnership.data} people={peopleMap} />
            <FollowUpsSection id="meeting-follow-ups" title={t('meetings.detail.followUps')} emptyText={t('meetings.detail.noFollowUps')} query={followUps} />
            <HistoryPanel entity="meeting" entityId={data.id} version={data.version} />
          </>
        )}
      </QueryState>
    </div>
  );
}
