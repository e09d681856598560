import { describe, expect, it } from 'vitest';
import { demoSnapshot, IDS } from '../../mocks/demo-data';
import { compareTimeline, mergeTimeline, type TimelineItem } from '@/domain/timeline';

const snapshot = demoSnapshot();
const binzhou = snapshot.partnerships.find((p) => p.id === IDS.partnership)!;
const meetings = snapshot.meetings.filter((m) => m.partnershipId === IDS.partnership);
const followUps = snapshot.followUps.filter((f) => f.partnershipId === IDS.partnership);

describe('mergeTimeline', () => {
  it('merges the Binzhou visit, its stage record and its follow-ups, newest first', () => {
    const items = mergeTimeline(binzhou, meetings, followUps);
    expect(items.filter((i) => i.kind === 'meeting')).toHaveLength(1);
    expect(items.filter((i) => i.kind === 'stage')).toHaveLength(binzhou.stageHistory.length);
    expect(items.filter((i) => i.kind === 'followUp')).toHaveLength(followUps.reduce((n, f) => n + f.history.length, 0));
    // Newest first: every item's day is on or before the previous one's.
    for (let i = 1; i < items.length; i += 1) expect(items[i]!.date <= items[i - 1]!.date).toBe(true);
    const visit = items.find((i) => i.kind === 'meeting');
    expect(visit).toMatchObject({ date: '2025-09-22', meetingId: IDS.visit });
    // The visit lists the follow-ups agreed at it.
    expect(visit?.kind === 'meeting' && visit.followUps.map((f) => f.id).sort()).toEqual(
      followUps.filter((f) => f.meetingIds[0] === IDS.visit).map((f) => f.id).sort(),
    );
  });

  it('orders a back-logged follow-up by the day it was agreed (its meeting), not the day it was typed', () => {
    const typedLater = followUps.map((f) => ({ ...f, agreedOn: '2025-09-22', history: f.history.map((e) => ({ ...e, at: '2026-01-05T03:00:00.000Z' })) }));
    const created = mergeTimeline(binzhou, meetings, typedLater).filter((i) => i.kind === 'followUp' && i.event === 'created');
    expect(created.length).toBeGreaterThan(0);
    for (const item of created) expect(item.date).toBe('2025-09-22');
  });

  it('on one day puts follow-up events above the stage change above the meeting they came from', () => {
    const items = mergeTimeline(binzhou, meetings, followUps).filter((i) => i.date === '2025-09-22');
    const kinds = items.map((i) => i.kind);
    const lastFollowUp = kinds.lastIndexOf('followUp');
    const firstStage = kinds.indexOf('stage');
    const meeting = kinds.indexOf('meeting');
    expect(meeting).toBe(kinds.length - 1);
    expect(firstStage).toBeGreaterThan(-1);
    expect(lastFollowUp).toBeGreaterThan(-1);
    expect(lastFollowUp).toBeLessThan(firstStage);
  });

  it('filters by kind', () => {
    expect(mergeTimeline(binzhou, meetings, followUps, ['stage']).every((i) => i.kind === 'stage')).toBe(true);
    expect(mergeTimeline(binzhou, meetings, followUps, ['meeting']).map((i) => i.kind)).toEqual(['meeting']);
    expect(mergeTimeline(binzhou, meetings, followUps, [])).toEqual([]);
  });

  it('orders by day, then kind, then instant, then id, and is stable for equal items', () => {
    const stage = (date: string, at: string, to: 'exploring' | 'active'): TimelineItem => ({ kind: 'stage', date, at, to, by: 'u' });
    const fu = (date: string, at: string, id: string): TimelineItem => ({
      kind: 'followUp', date, at, followUpId: id, title: id, event: 'created', by: 'u',
    });
    const meeting = (date: string, id: string): TimelineItem => ({
      kind: 'meeting', date, at: `${date}T00:00:00Z`, meetingId: id, title: id, meetingKind: 'inbound-visit', followUps: [],
    });
    const items = [
      meeting('2025-01-01', 'm1'),
      fu('2025-01-01', '2025-01-01T05:00:00Z', 'a'),
      fu('2025-01-01', '2025-01-01T09:00:00Z', 'b'),
      stage('2025-01-01', '2025-01-01T01:00:00Z', 'exploring'),
      meeting('2025-02-01', 'm2'),
      fu('2025-01-01', '2025-01-01T05:00:00Z', 'c'),
    ].sort(compareTimeline);
    expect(items.map((i) => (i.kind === 'meeting' ? i.meetingId : i.kind === 'followUp' ? i.followUpId : i.to))).toEqual([
      'm2', 'b', 'c', 'a', 'exploring', 'm1',
    ]);
  });

  it('dates follow-up events by the day in Jakarta, not in UTC', () => {
    const f = { ...followUps[0]!, history: [{ at: '2025-09-22T18:30:00.000Z', by: 'u', kind: 'comment' as const, comment: 'x' }] };
    const [item] = mergeTimeline({ stageHistory: [] }, [], [f]);
    expect(item?.date).toBe('2025-09-23');
  });
});
