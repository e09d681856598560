import type { Meeting, MeetingKind, MeetingPatch } from '@/domain/meeting';
import { fromIsoDate, toIsoDate, type DateParts } from '../visit-form/model';

/** The fields of a meeting that the edit page changes; participants and statements are kept. */
export const EDITABLE = [
  'kind',
  'title',
  'date',
  'time',
  'timeZone',
  'place',
  'hostLeadId',
  'delegationLeadId',
  'facilitatorIds',
  'sectorIds',
  'summary',
  'outcomes',
  'source',
] as const;
export type EditableField = (typeof EDITABLE)[number];

export type EditValues = {
  kind: MeetingKind;
  title: string;
  date: DateParts;
  time: string;
  timeZone: string;
  place: string;
  hostLeadId: string;
  delegationLeadId: string;
  facilitatorIds: string[];
  sectorIds: string[];
  summary: string;
  outcomes: Array<{ text: string }>;
  source: { url: string; publisher: string; dateAsReported: string };
};

export function fromMeeting(m: Meeting): EditValues {
  return {
    kind: m.kind,
    title: m.title,
    date: fromIsoDate(m.date),
    time: m.time ?? '',
    timeZone: m.timeZone,
    place: m.place ?? '',
    hostLeadId: m.hostLeadId ?? '',
    delegationLeadId: m.delegationLeadId ?? '',
    facilitatorIds: m.facilitatorIds,
    sectorIds: m.sectorIds,
    summary: m.summary ?? '',
    outcomes: m.outcomes.map((text) => ({ text })),
    source: { url: m.source?.url ?? '', publisher: m.source?.publisher ?? '', dateAsReported: m.source?.dateAsReported ?? '' },
  };
}

const text = (value: string) => (value.trim() === '' ? undefined : value.trim());

/** The meeting as the form says it should be, on top of `base` (fields the form does not show are kept). */
export function applyEdit(base: Meeting, values: EditValues): Meeting {
  const source = {
    ...base.source,
    url: text(values.source.url),
    publisher: text(values.source.publisher),
    dateAsReported: text(values.source.dateAsReported),
  };
  const hasSource = Object.values(source).some((v) => v !== undefined);
  return {
    ...base,
    kind: values.kind,
    title: values.title.trim(),
    date: toIsoDate(values.date) ?? '',
    time: text(values.time),
    timeZone: text(values.timeZone) ?? 'Asia/Jakarta',
    place: text(values.place),
    hostLeadId: text(values.hostLeadId),
    delegationLeadId: text(values.delegationLeadId),
    facilitatorIds: values.facilitatorIds,
    sectorIds: values.sectorIds,
    summary: text(values.summary),
    outcomes: values.outcomes.map((o) => o.text.trim()).filter(Boolean),
    source: hasSource ? (Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined)) as Meeting['source']) : undefined,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields `next` changes relative to `base`; a field now empty is sent as null (removed). */
export function patchBetween(base: Meeting, next: Meeting, fields: readonly EditableField[] = EDITABLE): MeetingPatch {
  const patch: Record<string, unknown> = {};
  for (const field of fields) {
    if (!same(base[field], next[field])) patch[field] = next[field] ?? null;
  }
  return patch as MeetingPatch;
}

/**
 * Two edits of the same version: the fields both changed, to different values. Fields only one
 * side changed merge without asking.
 */
export function conflictingFields(base: Meeting, mine: Meeting, theirs: Meeting): EditableField[] {
  return EDITABLE.filter((f) => !same(mine[f], base[f]) && !same(theirs[f], base[f]) && !same(mine[f], theirs[f]));
}

/** The result of a choice per conflicting field on top of their version, with my other changes. */
export function resolve(
  base: Meeting,
  mine: Meeting,
  theirs: Meeting,
  choices: Partial<Record<EditableField, 'mine' | 'theirs'>>,
): Meeting {
  const result: Record<string, unknown> = { ...theirs };
  for (const field of EDITABLE) {
    const mineChanged = !same(mine[field], base[field]);
    if (!mineChanged) continue;
    const conflict = !same(theirs[field], base[field]) && !same(mine[field], theirs[field]);
    if (!conflict || choices[field] === 'mine') result[field] = mine[field];
  }
  return result as Meeting;
}
