import { useMutation, useQueryClient } from '@tanstack/react-query';
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
