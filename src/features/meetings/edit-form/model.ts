import type { Meeting, MeetingPatch, RecordedMeetingKind } from '@/domain/meeting';
import { fromIsoDate, toIsoDate, type DateParts } from '@/components/ui/form/date-parts';
import { conflictingKeys, mergeEdits, patchOf, type Choice } from '@/components/ui/form/three-way';

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
  kind: RecordedMeetingKind;
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

/** The fields `next` changes relative to `base`; a field now empty is sent as null (removed). */
export function patchBetween(base: Meeting, next: Meeting, fields: readonly EditableField[] = EDITABLE): MeetingPatch {
  return patchOf(fields, base, next) as MeetingPatch;
}

/**
 * Two edits of the same version: the fields both changed, to different values. Fields only one
 * side changed merge without asking.
 */
export function conflictingFields(base: Meeting, mine: Meeting, theirs: Meeting): EditableField[] {
  return conflictingKeys(EDITABLE, base, mine, theirs);
}

/** The result of a choice per conflicting field on top of their version, with my other changes. */
export function resolve(base: Meeting, mine: Meeting, theirs: Meeting, choices: Partial<Record<EditableField, Choice>>): Meeting {
  return mergeEdits(EDITABLE, base, mine, theirs, choices);
}
