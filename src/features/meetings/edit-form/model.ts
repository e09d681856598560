import { DELEGATION_SIDES, type DelegationSide, type Meeting, type MeetingPatch, type ParticipantSide, type RecordedMeetingKind } from '@/domain/meeting';
import { fromIsoDate, toIsoDate, type DateParts } from '@/components/ui/form/date-parts';
import { conflictingKeys, mergeEdits, patchOf, type Choice } from '@/components/ui/form/three-way';

/** Every field of the visit form that a saved meeting keeps: all editable after saving (issue 15). */
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
  'aims',
  'delegationSize',
  'namesAsReported',
  'participants',
  'statements',
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
  aims: Array<{ text: string }>;
  /** Numbers as typed ('' for none): checked by the API's schema on save. */
  delegationSize: Record<DelegationSide, { people: string; countries: string }>;
  namesAsReported: Array<{ text: string }>;
  participants: Array<{ side: ParticipantSide; personId: string; organizationId: string; description: string }>;
  statements: Array<{ personId: string; speaker: string; text: string }>;
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
    aims: m.aims.map((text) => ({ text })),
    delegationSize: Object.fromEntries(
      DELEGATION_SIDES.map((side) => [
        side,
        { people: String(m.delegationSize?.[side]?.people ?? ''), countries: String(m.delegationSize?.[side]?.countries ?? '') },
      ]),
    ) as EditValues['delegationSize'],
    namesAsReported: (m.namesAsReported ?? []).map((text) => ({ text })),
    participants: m.participants.map((p) => ({ side: p.side, personId: p.personId ?? '', organizationId: p.organizationId ?? '', description: p.description ?? '' })),
    statements: m.statements.map((st) => ({ personId: st.personId ?? '', speaker: st.speaker ?? '', text: st.text })),
  };
}

/** A count as typed: '' is none; anything else a number, so the schema names what is wrong with it. */
const countOf = (value: string): number | undefined => (value.trim() === '' ? undefined : Number(value.trim()));

/** The sizes as typed in either meeting form, as the API takes them (undefined when none is given). */
export function delegationSizeOf(values: EditValues['delegationSize']): Meeting['delegationSize'] {
  const sides = DELEGATION_SIDES.flatMap((side) => {
    const people = countOf(values[side].people);
    const countries = countOf(values[side].countries);
    if (people === undefined && countries === undefined) return [];
    return [[side, { people: people as number, ...(countries === undefined ? {} : { countries }) }] as const];
  });
  return sides.length === 0 ? undefined : (Object.fromEntries(sides) as Meeting['delegationSize']);
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
    aims: values.aims.map((o) => o.text.trim()).filter(Boolean),
    delegationSize: delegationSizeOf(values.delegationSize),
    namesAsReported: values.namesAsReported.map((o) => o.text.trim()).filter(Boolean).length > 0
      ? values.namesAsReported.map((o) => o.text.trim()).filter(Boolean)
      : undefined,
    participants: values.participants.map((p) => ({
      side: p.side,
      ...(text(p.personId) ? { personId: p.personId } : {}),
      ...(text(p.organizationId) ? { organizationId: p.organizationId } : {}),
      ...(text(p.description) ? { description: p.description.trim() } : {}),
    })),
    statements: values.statements.map((st) => ({
      ...(text(st.personId) ? { personId: st.personId } : {}),
      ...(text(st.speaker) ? { speaker: st.speaker.trim() } : {}),
      text: st.text.trim(),
    })),
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
