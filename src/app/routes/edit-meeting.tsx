import type { QueryClient } from '@tanstack/react-query';
import { preload } from '@/lib/api-client';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, type LoaderFunctionArgs } from 'react-router';
import { QueryState } from '@/components/ui/query-state';
import { meetingQueries } from '@/features/meetings/api/queries';
import { MeetingEditForm } from '@/features/meetings/edit-form/meeting-edit-form';
import { referenceQueries } from '@/reference-data/queries';

export function editMeetingLoader(queryClient: QueryClient) {
  return ({ params }: LoaderFunctionArgs) => {
    preload(queryClient, meetingQueries.detail(params.meetingId ?? ''));
    preload(queryClient, referenceQueries.allPeople());
    return null;
  };
}

export function EditMeetingPage() {
  const { t } = useTranslation();
  const meetingId = useParams().meetingId ?? '';
  // Always the current version when the page opens: an edit starts from what is saved now.
  const meeting = useQuery({ ...meetingQueries.detail(meetingId), staleTime: 0, refetchOnWindowFocus: false });
  return (
    <div className="page page--form">
      <p className="back-link">
        <Link to={`/meetings/${encodeURIComponent(meetingId)}`}>{t('meetings.backToMeeting')}</Link>
      </p>
      <h1>{t('visit.editTitle')}</h1>
      <QueryState query={meeting}>
        {(data) => (
          <MeetingEditForm key={data.id} meeting={data} />
        )}
      </QueryState>
    </div>
  );
}
