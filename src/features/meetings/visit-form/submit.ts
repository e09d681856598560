import type { FollowUp, FollowUpStatus } from '@/domain/follow-up';
import type { Meeting, MeetingCreate } from '@/domain/meeting';
import { apiRequest, apiUrl } from '@/lib/api-client';
import { useCreateMeeting } from '../api/mutations';
import type { VisitFormValues } from './model';

/*
 * What "save" sends when a visit is logged: the meeting, then the progress on the follow-ups it
 * carried. The one place that knows how progress travels, so that sending it inside
 * `POST /meetings` instead changes this module only.
 */

/** The carried follow-ups whose progress the form set, with their new status. */
export function progressOf(values: VisitFormValues, openItems: readonly FollowUp[]): Array<{ item: FollowUp; status: FollowUpStatus }> {
  return openItems.filter((item) => values.progress[item.id]).map((item) => ({ item, status: values.progress[item.id] as FollowUpStatus }));
}

/**
 * Progress marked while logging a visit: one versioned status change per follow-up. Carrying an
 * item into the new meeting has just raised its version, so each is read again first; if its
 * status changed since the form showed it (someone else), the change is not forced (it fails).
 */
export function markProgress(changes: Array<{ item: FollowUp; status: FollowUpStatus }>, comment: string) {
  return Promise.allSettled(
    changes.map(async ({ item, status }) => {
      const url = apiUrl(`/follow-ups/${encodeURIComponent(item.id)}`);
      const fresh = await apiRequest<FollowUp>(url);
      if (fresh.status !== item.status) throw new Error('changed by someone else');
      return apiRequest<FollowUp>(url, { method: 'PATCH', body: { status, comment }, version: fresh.version });
    }),
  );
}

export type LogVisit = {
  body: MeetingCreate;
  idempotencyKey: string;
  /** Open follow-ups of the partnership that this visit moved on, with their new status. */
  progress: Array<{ item: FollowUp; status: FollowUpStatus }>;
  /** Called as soon as the meeting is saved, before the carried items are updated. */
  onCreated: (meeting: Meeting) => void;
};

/**
 * Logging a visit: the meeting (with its new follow-ups) in one idempotent request, then the
 * progress on carried follow-ups, each on its own. Says how many of those could not be saved.
 */
export function useLogVisit() {
  const create = useCreateMeeting();
  const logVisit = async ({ body, idempotencyKey, progress, onCreated }: LogVisit) => {
    const meeting = await create.mutateAsync({ body, idempotencyKey });
    onCreated(meeting);
    const results = progress.length > 0 ? await markProgress(progress, meeting.title) : [];
    return { meeting, progressFailed: results.filter((r) => r.status === 'rejected').length };
  };
  return { logVisit, isPending: create.isPending, isError: create.isError, error: create.error };
}
