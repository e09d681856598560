import type { QueryClient } from '@tanstack/react-query';
import { preload } from '@/lib/api-client';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, type LoaderFunctionArgs } from 'react-router';
import type { FollowUp, FollowUpStatus } from '@/domain/follow-up';
import { QueryState } from '@/components/ui/query-state';
import { followUpDetailQuery } from '@/features/follow-ups/api/detail';
import { useChangeStatus } from '@/features/follow-ups/api/mutations';
import { FollowUpDetail } from '@/features/follow-ups/components/follow-up-detail';
import { HistoryPanel } from '@/features/history/history-panel';
import { StatusConflict } from '@/features/follow-ups/components/status-conflict';
import { StatusDialog } from '@/features/follow-ups/components/status-dialog';
import { meetingQueries } from '@/features/meetings/api/queries';
import { partnershipQueries } from '@/features/partners/api/queries';
import { isApiError } from '@/lib/api-client';
import { describeError } from '@/lib/describe-error';
import { useDocumentTitle } from '@/lib/use-document-title';
import { usePermissions } from '@/session/use-can';

export function followUpLoader(queryClient: QueryClient) {
  return ({ params }: LoaderFunctionArgs) => {
    preload(queryClient, followUpDetailQuery(params.followUpId ?? ''));
    return null;
  };
}

export function FollowUpPage() {
  const { can } = usePermissions();
  const { t } = useTranslation();
  const followUpId = useParams().followUpId ?? '';
  const item = useQuery(followUpDetailQuery(followUpId));
  const partnership = useQuery({
    ...partnershipQueries.detail(item.data?.partnershipId ?? ''),
    enabled: item.data !== undefined,
  });
  const meetingIds = item.data?.meetingIds ?? [];
  const meetings = useQuery(meetingQueries.byIds(meetingIds));
  const meetingMap = useMemo(
    () => new Map(meetings.data?.items.map((m) => [m.id, m])),
    [meetings.data],
  );
  useDocumentTitle(item.data?.title ?? t('followUps.title'));
  const changeStatus = useChangeStatus();
  const [dialogOpen, setDialogOpen] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>();
  const [conflict, setConflict] = useState<
    { mine: FollowUpStatus; comment: string; current: FollowUp } | undefined
  >();

  const apply = (target: FollowUp, status: FollowUpStatus, comment: string) => {
    setDialogOpen(false);
    setConflict(undefined);
    setMessage(undefined);
    changeStatus.mutate(
      { item: target, status, comment },
      {
        onSuccess: (saved) =>
          setMessage({
            ok: true,
            text: t('followUps.statusSaved', {
              title: saved.title,
              status: t(`enums.status.${saved.status}`),
            }),
          }),
        onError: (error) => {
          if (isApiError(error) && error.status === 412 && error.current)
            setConflict({ mine: status, comment, current: error.current as FollowUp });
          else
            setMessage({
              ok: false,
              text: t('followUps.statusFailed', {
                title: target.title,
                reason: describeError(error, t),
                status: t(`enums.status.${target.status}`),
              }),
            });
        },
      },
    );
  };

  return (
    <div className="page">
      <p className="back-link">
        <Link to="/follow-ups">{t('followUps.detail.backToList')}</Link>
      </p>
      <QueryState query={item} level={1}>
        {(followUp) => (
          <>
            <FollowUpDetail item={followUp} partnership={partnership.data} meetings={meetingMap} />
            {can('followUp.update', followUp) && (
              <p>
                <button type="button" className="button" onClick={() => setDialogOpen(true)}>
                  {t('followUps.changeStatus')}
                </button>
              </p>
            )}
            <div aria-live="polite">
              {message?.ok && <p className="notification notification--success">{message.text}</p>}
            </div>
            {message && !message.ok && (
              <div className="save-failed" role="alert">
                <p>{message.text}</p>
              </div>
            )}
            {conflict && (
              <StatusConflict
                mine={conflict.mine}
                current={conflict.current}
                onReapply={() => apply(conflict.current, conflict.mine, conflict.comment)}
                onKeepTheirs={() => setConflict(undefined)}
              />
            )}
            {dialogOpen && (
              <StatusDialog
                key={`${followUp.id}-${followUp.version}`}
                item={followUp}
                onSubmit={({ item: target, status, comment }) => apply(target, status, comment)}
                onClose={() => setDialogOpen(false)}
              />
            )}
            <HistoryPanel entity="followUp" entityId={followUp.id} version={followUp.version} />
          </>
        )}
      </QueryState>
    </div>
  );
}
