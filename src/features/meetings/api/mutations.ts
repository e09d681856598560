import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FollowUp, FollowUpStatus } from '@/domain/follow-up';
import type { Meeting, MeetingCreate, MeetingPatch } from '@/domain/meeting';
import { apiRequest, apiUrl } from '@/lib/api-client';
import { meetingKeys } from './queries';
import { invalidateAfterSave, STALE_AFTER_SAVE } from '@/lib/invalidation';

/** What a new or changed meeting makes stale: lists, counts, partnerships, follow-ups, people. */
export function invalidateAfterMeetingChange(queryClient: ReturnType<typeof useQueryClient>) {
  return invalidateAfterSave(queryClient, STALE_AFTER_SAVE.meeting());
}

export function useCreateMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: MeetingCreate; idempotencyKey: string }) =>
      apiRequest<Meeting>(apiUrl('/meetings'), { method: 'POST', body, idempotencyKey }),
    onSuccess: () => invalidateAfterMeetingChange(queryClient),
  });
}

export function useUpdateMeeting(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ patch, version }: { patch: MeetingPatch; version: number }) =>
      apiRequest<Meeting>(apiUrl(`/meetings/${encodeURIComponent(id)}`), { method: 'PATCH', body: patch, version }),
    onSuccess: (meeting) => {
      queryClient.setQueryData(meetingKeys.detail(id), meeting);
      return invalidateAfterMeetingChange(queryClient);
    },
  });
}

export type LogVisit = {
  body: MeetingCreate;
  idempotencyKey: string;
  /** Open follow-ups of the partnership that this visit moved on, with their new status. */
  progress: Array<{ item: FollowUp; status: FollowUpStatus }>;
  /** Called as soon as the meeting is saved. */
  onCreated: (meeting: Meeting) => void;
};

/**
 * Logging a visit: one idempotent request saves the meeting, its new follow-ups and the progress
 * on carried ones (`carriedProgress`, each against the version the form showed; an item marked
 * is carried into the meeting too). The server applies it all in one transaction: if someone
 * changed one of those follow-ups meanwhile, nothing is saved (412) and the form says so.
 */
export function useLogVisit() {
  const create = useCreateMeeting();
  const logVisit = async ({ body, idempotencyKey, progress, onCreated }: LogVisit) => {
    const carried = new Set([...(body.carriedFollowUpIds ?? []), ...progress.map(({ item }) => item.id)]);
    const meeting = await create.mutateAsync({
      body: {
        ...body,
        carriedFollowUpIds: [...carried],
        carriedProgress: progress.map(({ item, status }) => ({ id: item.id, version: item.version, status, comment: body.title })),
      },
      idempotencyKey,
    });
    onCreated(meeting);
    return { meeting };
  };
  return { logVisit, isPending: create.isPending, isError: create.isError, error: create.error };
}
