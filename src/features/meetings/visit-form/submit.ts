import type { FollowUp, FollowUpStatus } from '@/domain/follow-up';
import type { Meeting, MeetingCreate } from '@/domain/meeting';
import { useCreateMeeting } from '../api/mutations';
import type { VisitFormValues } from './model';

/*
 * What "save" sends when a visit is logged: the meeting with the progress on the follow-ups it
 * carried, in one request. The one place that knows how progress travels.
 */

/** The carried follow-ups whose progress the form set, with their new status. */
export function progressOf(values: VisitFormValues, openItems: readonly FollowUp[]): Array<{ item: FollowUp; status: FollowUpStatus }> {
  return openItems.filter((item) => values.progress[item.id]).map((item) => ({ item, status: values.progress[item.id] as FollowUpStatus }));
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
