import { dayOfInstant, HOME_TIME_ZONE, type IsoDate } from './dates';
import type { FollowUp, FollowUpEvent, FollowUpStatus } from './follow-up';
import type { Meeting, RecordedMeetingKind } from './meeting';
import type { Partnership, Stage } from './partnership';
import { agreedOn } from './stats';

/**
 * A partnership's story in one list: its meetings, its stage changes and what happened to the
 * follow-ups agreed with it, newest first.
 */
export const TIMELINE_KINDS = ['meeting', 'stage', 'followUp'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export type TimelineMeeting = {
  kind: 'meeting';
  date: IsoDate;
  at: string;
  meetingId: string;
  title: string;
  meetingKind: RecordedMeetingKind;
  /** The follow-ups agreed at this meeting (it is their first meeting). */
  followUps: Array<{ id: string; title: string; status: FollowUpStatus }>;
};

export type TimelineStage = {
  kind: 'stage';
  date: IsoDate;
  at: string;
  from?: Stage;
  to: Stage;
  note?: string;
  by: string;
};

export type TimelineFollowUp = {
  kind: 'followUp';
  date: IsoDate;
  at: string;
  followUpId: string;
  title: string;
  event: FollowUpEvent['kind'];
  from?: FollowUpStatus;
  to?: FollowUpStatus;
  comment?: string;
  meetingId?: string;
  /** Fields changed by an "updated" event. */
  fields?: string[];
  by: string;
};

export type TimelineItem = TimelineMeeting | TimelineStage | TimelineFollowUp;

/**
 * Within one day, what happened later in the day's logic comes first: follow-up events (agreed
 * at or after the meeting), then stage changes, then the meeting itself.
 */
const RANK: Record<TimelineKind, number> = { followUp: 2, stage: 1, meeting: 0 };

function key(item: TimelineItem): string {
  return item.kind === 'meeting'
    ? item.meetingId
    : item.kind === 'followUp'
      ? `${item.followUpId}`
      : `stage-${item.to}`;
}

/** Newest first: by day, then by kind rank, then by the instant recorded, then by id (stable). */
export function compareTimeline(a: TimelineItem, b: TimelineItem): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  if (RANK[a.kind] !== RANK[b.kind]) return RANK[b.kind] - RANK[a.kind];
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  const ka = key(a);
  const kb = key(b);
  return ka < kb ? 1 : ka > kb ? -1 : 0;
}

function compactItem<T extends object>(item: T): T {
  return Object.fromEntries(Object.entries(item).filter(([, v]) => v !== undefined)) as T;
}

/** Merges a partnership's meetings, stage history and follow-up events into one newest-first list. */
export function mergeTimeline(
  partnership: Pick<Partnership, 'stageHistory'>,
  meetings: readonly Meeting[],
  followUps: readonly FollowUp[],
  kinds: readonly TimelineKind[] = TIMELINE_KINDS,
  timeZone: string = HOME_TIME_ZONE,
): TimelineItem[] {
  const items: TimelineItem[] = [];
  if (kinds.includes('meeting')) {
    const agreedAt = new Map<string, TimelineMeeting['followUps']>();
    for (const f of followUps) {
      const first = f.meetingIds[0];
      if (!first) continue;
      const list = agreedAt.get(first) ?? [];
      list.push({ id: f.id, title: f.title, status: f.status });
      agreedAt.set(first, list);
    }
    for (const m of meetings) {
      items.push({
        kind: 'meeting',
        date: m.date,
        at: m.createdAt,
        meetingId: m.id,
        title: m.title,
        meetingKind: m.kind,
        followUps: agreedAt.get(m.id) ?? [],
      });
    }
  }
  if (kinds.includes('stage')) {
    for (const s of partnership.stageHistory) {
      items.push(
        compactItem({
          kind: 'stage' as const,
          date: s.date,
          at: s.at,
          from: s.from,
          to: s.to,
          note: s.note,
          by: s.by,
        }),
      );
    }
  }
  if (kinds.includes('followUp')) {
    for (const f of followUps) {
      for (const e of f.history) {
        items.push(
          compactItem({
            kind: 'followUp' as const,
            // When it happened: an item is created on the day it was agreed (its meeting's date for
            // a visit logged after the fact), not the day it was typed; later events on their own day.
            date: e.kind === 'created' && f.agreedOn !== undefined ? agreedOn(f) : dayOfInstant(e.at, timeZone),
            at: e.at,
            followUpId: f.id,
            title: f.title,
            event: e.kind,
            from: e.from,
            to: e.to,
            comment: e.comment,
            meetingId: e.meetingId,
            fields: e.changes?.map((c) => c.field),
            by: e.by,
          }),
        );
      }
    }
  }
  return items.sort(compareTimeline);
}
