import { emptyDate, toIsoDate, type DateParts } from '@/components/ui/form/date-parts';
import { HOME_TIME_ZONE } from '@/domain/dates';
import type { FollowUpStatus, Priority } from '@/domain/follow-up';
import type { MeetingCreate, NewPerson, ParticipantSide, RecordedMeetingKind } from '@/domain/meeting';
import type { PartnershipType } from '@/domain/partnership';
import type { RegionLevel } from '@/domain/region';
import { delegationSizeOf } from '../edit-form/model';
import type { ReportedValues } from '../edit-form/record-fields';
import { emptyNewPartner, newPartnerBody, newPartnerFieldId, type NewPartnerValues } from './backlog/new-partner-model';

export { domId } from '@/components/ui/form/dom-id';
export { emptyDate, fromIsoDate, toIsoDate, type DateParts } from '@/components/ui/form/date-parts';

/**
 * The visit form holds what people type (strings, day/month/year parts); the API takes a
 * MeetingCreate. This module maps one to the other, and maps the API's error paths back to
 * the form's fields, so client-side and server-side errors land in the same places.
 */

/** A person chosen from those recorded (`id`), or, with `id` NEW_PERSON, one typed in. */
export type PersonPick = { id: string; name: string; position: string; email: string; phone: string };
export const NEW_PERSON = 'new';

export type ParticipantRow = {
  side: ParticipantSide;
  name: string;
  position: string;
  organizationId: string;
  description: string;
};
export type FollowUpRow = { title: string; ownerId: string; due: DateParts; sectorIds: string[]; priority: Priority };

export type VisitFormValues = NewPartnerValues &
  /** Aims, delegation sizes and names as the report gave them (issue 15), as in the edit form. */
  ReportedValues & {
  partnershipMode: 'existing' | 'new';
  partnershipId: string;
  newRegion: { name: string; localName: string; level: RegionLevel | ''; countryCode: string; province: string };
  newType: PartnershipType | '';
  /** One of the meeting kinds, or "not-stated" when the report does not say. */
  kind: RecordedMeetingKind | '';
  title: string;
  date: DateParts;
  time: string;
  timeZone: string;
  place: string;
  hostLead: PersonPick;
  delegationLead: PersonPick;
  participants: ParticipantRow[];
  facilitatorIds: string[];
  sectorIds: string[];
  summary: string;
  statements: Array<{ speaker: string; text: string }>;
  outcomes: Array<{ text: string }>;
  source: { url: string; publisher: string; dateAsReported: string };
  followUps: FollowUpRow[];
  /** Open follow-ups of the partnership discussed again in this meeting. */
  carried: string[];
  /** Progress marked on open follow-ups while logging the visit, by follow-up id. */
  progress: Record<string, FollowUpStatus | ''>;
};

const emptyPerson = (): PersonPick => ({ id: '', name: '', position: '', email: '', phone: '' });
export const emptyParticipant = (side: ParticipantSide = 'guest'): ParticipantRow => ({
  side,
  name: '',
  position: '',
  organizationId: '',
  description: '',
});
export const emptyFollowUp = (): FollowUpRow => ({ title: '', ownerId: '', due: emptyDate(), sectorIds: [], priority: 'normal' });

export function emptyVisit(): VisitFormValues {
  return {
    partnershipMode: 'existing',
    partnershipId: '',
    newRegion: { name: '', localName: '', level: '', countryCode: '', province: '' },
    newType: '',
    ...emptyNewPartner(),
    kind: '',
    title: '',
    date: emptyDate(),
    time: '',
    timeZone: HOME_TIME_ZONE,
    place: '',
    hostLead: emptyPerson(),
    delegationLead: emptyPerson(),
    participants: [],
    facilitatorIds: [],
    sectorIds: [],
    summary: '',
    statements: [],
    outcomes: [],
    source: { url: '', publisher: '', dateAsReported: '' },
    followUps: [],
    carried: [],
    progress: {},
    aims: [],
    delegationSize: { host: { people: '', countries: '' }, guest: { people: '', countries: '' } },
    namesAsReported: [],
  };
}

/** Personal contact data stays on the server: drafts never keep e-mail addresses or phone numbers. */
export function toDraft(values: VisitFormValues): VisitFormValues {
  const strip = (p: PersonPick): PersonPick => ({ ...p, email: '', phone: '' });
  return { ...values, hostLead: strip(values.hostLead), delegationLead: strip(values.delegationLead) };
}

const text = (value: string): string | undefined => {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
};

const isBlankParticipant = (p: ParticipantRow) => !p.name.trim() && !p.description.trim() && !p.organizationId;
const isBlankFollowUp = (f: FollowUpRow) =>
  !f.title.trim() && !f.ownerId && !f.due.day && !f.due.month && !f.due.year && f.sectorIds.length === 0;

export type VisitRequest = {
  body: MeetingCreate;
  /** API path prefix → form field prefix, for rows that moved (blank rows are dropped). */
  paths: Map<string, string>;
};

/**
 * @param personName the name of a recorded person, so a statement whose speaker is written as a
 *   lead's name is linked to that person.
 */
export function toMeetingCreate(values: VisitFormValues, personName: (id: string) => string | undefined = () => undefined): VisitRequest {
  const paths = new Map<string, string>();
  const newPeople: NewPerson[] = [];
  const addPerson = (formPrefix: string, side: 'host' | 'guest', name: string, position: string, email = '', phone = '') => {
    const ref = `new:${newPeople.length + 1}`;
    paths.set(`newPeople.${newPeople.length}`, formPrefix);
    newPeople.push({
      ref,
      side,
      name: name.trim(),
      ...(text(position) ? { position: text(position) } : {}),
      ...(text(email) ? { email: text(email) } : {}),
      ...(text(phone) ? { phone: text(phone) } : {}),
    });
    return ref;
  };
  const lead = (pick: PersonPick, side: 'host' | 'guest', prefix: string) =>
    pick.id === NEW_PERSON ? addPerson(prefix, side, pick.name, pick.position, pick.email, pick.phone) : text(pick.id);

  const hostLeadId = lead(values.hostLead, 'host', 'hostLead');
  const delegationLeadId = lead(values.delegationLead, 'guest', 'delegationLead');
  const leadNames = new Map<string, string>();
  const nameOf = (pick: PersonPick) => (pick.id === NEW_PERSON ? pick.name.trim() : (personName(pick.id) ?? '').trim());
  if (hostLeadId && nameOf(values.hostLead)) leadNames.set(nameOf(values.hostLead).toLowerCase(), hostLeadId);
  if (delegationLeadId && nameOf(values.delegationLead)) leadNames.set(nameOf(values.delegationLead).toLowerCase(), delegationLeadId);

  const participants: MeetingCreate['participants'] = [];
  values.participants.forEach((row, index) => {
    if (isBlankParticipant(row)) return;
    paths.set(`participants.${participants.length}`, `participants.${index}`);
    const personId =
      text(row.name) && row.side !== 'facilitator'
        ? addPerson(`participants.${index}`, row.side, row.name, row.position)
        : undefined;
    participants.push({
      side: row.side,
      ...(personId ? { personId } : {}),
      ...(row.organizationId ? { organizationId: row.organizationId } : {}),
      ...(text(row.description) ? { description: text(row.description) } : {}),
      ...(!personId && text(row.name) ? { description: [row.name, row.position, row.description].map((s) => s.trim()).filter(Boolean).join(', ') } : {}),
    });
  });

  const statements: MeetingCreate['statements'] = [];
  values.statements.forEach((row, index) => {
    if (!row.speaker.trim() && !row.text.trim()) return;
    paths.set(`statements.${statements.length}`, `statements.${index}`);
    const personId = leadNames.get(row.speaker.trim().toLowerCase());
    statements.push({ ...(personId ? { personId } : { speaker: text(row.speaker) }), text: row.text.trim() });
  });

  const outcomes: string[] = [];
  values.outcomes.forEach((row, index) => {
    if (!row.text.trim()) return;
    paths.set(`outcomes.${outcomes.length}`, `outcomes.${index}`);
    outcomes.push(row.text.trim());
  });

  const followUps: NonNullable<MeetingCreate['followUps']> = [];
  values.followUps.forEach((row, index) => {
    if (isBlankFollowUp(row)) return;
    paths.set(`followUps.${followUps.length}`, `followUps.${index}`);
    const dueDate = toIsoDate(row.due);
    followUps.push({
      title: row.title.trim(),
      // No owner: not yet assigned (a visit logged after the fact); the owner and date come later.
      ...(row.ownerId ? { ownerId: row.ownerId } : {}),
      ...(dueDate ? { dueDate } : {}),
      sectorIds: row.sectorIds,
      priority: row.priority,
    });
  });

  // Aims and names as reported: blank rows are dropped, like outcomes.
  const textRows = (rows: Array<{ text: string }>, prefix: 'aims' | 'namesAsReported'): string[] => {
    const kept: string[] = [];
    rows.forEach((row, index) => {
      if (!row.text.trim()) return;
      paths.set(`${prefix}.${kept.length}`, `${prefix}.${index}`);
      kept.push(row.text.trim());
    });
    return kept;
  };
  const aims = textRows(values.aims, 'aims');
  const namesAsReported = textRows(values.namesAsReported, 'namesAsReported');
  const delegationSize = delegationSizeOf(values.delegationSize);

  const source = {
    ...(text(values.source.url) ? { url: text(values.source.url) } : {}),
    ...(text(values.source.publisher) ? { publisher: text(values.source.publisher) } : {}),
    ...(text(values.source.dateAsReported) ? { dateAsReported: text(values.source.dateAsReported) } : {}),
  };
  const date = toIsoDate(values.date);

  const body: MeetingCreate = {
    ...(values.partnershipMode === 'existing'
      ? values.partnershipId
        ? { partnershipId: values.partnershipId }
        : {}
      : {
          newPartnership: {
            ...newPartnerBody(values, {
              name: values.newRegion.name.trim(),
              ...(text(values.newRegion.localName) ? { localName: text(values.newRegion.localName) } : {}),
              level: values.newRegion.level as RegionLevel,
              countryCode: values.newRegion.countryCode.trim().toUpperCase(),
              ...(text(values.newRegion.province) ? { province: text(values.newRegion.province) } : {}),
            }),
            type: values.newType as PartnershipType,
          },
        }),
    kind: values.kind as RecordedMeetingKind,
    title: values.title.trim(),
    date: date as string,
    ...(text(values.time) ? { time: text(values.time) } : {}),
    timeZone: text(values.timeZone) ?? HOME_TIME_ZONE,
    ...(text(values.place) ? { place: text(values.place) } : {}),
    ...(hostLeadId ? { hostLeadId } : {}),
    ...(delegationLeadId ? { delegationLeadId } : {}),
    participants,
    facilitatorIds: values.facilitatorIds,
    sectorIds: values.sectorIds,
    ...(text(values.summary) ? { summary: text(values.summary) } : {}),
    statements,
    outcomes,
    ...(aims.length > 0 ? { aims } : {}),
    ...(delegationSize ? { delegationSize } : {}),
    ...(namesAsReported.length > 0 ? { namesAsReported } : {}),
    ...(Object.keys(source).length > 0 ? { source } : {}),
    newPeople,
    followUps,
    carriedFollowUpIds: values.partnershipMode === 'existing' ? values.carried : [],
  };
  return { body, paths };
}

/** Where a field's error is shown and where its summary link moves focus. */
export function fieldIdFor(apiPath: string, paths: Map<string, string>): string {
  const parts = apiPath.split('.');
  // Rows: replace the API's row prefix (e.g. followUps.0) by the form's (followUps.2).
  const rowPrefix = parts.slice(0, 2).join('.');
  const mapped = paths.get(rowPrefix);
  if (mapped && parts[0] === 'newPeople') {
    const field = parts[2] ?? 'name';
    return `${mapped}.${field === 'ref' || field === 'side' ? 'name' : field}`;
  }
  if (mapped) {
    const rest = parts.slice(2);
    if (parts[0] === 'participants' && rest[0] === 'personId') return `${mapped}.name`;
    if (parts[0] === 'statements' && rest[0] === 'personId') return `${mapped}.speaker`;
    if (parts[0] === 'followUps' && rest[0] === 'dueDate') return `${mapped}.due.day`;
    if (parts[0] === 'followUps' && rest[0] === 'sectorIds') return `${mapped}.sectorIds`;
    if (parts[0] === 'outcomes' || parts[0] === 'aims' || parts[0] === 'namesAsReported') return `${mapped}.text`;
    return rest.length > 0 ? `${mapped}.${rest[0]}` : mapped;
  }
  if (parts[0] === 'newPartnership') {
    if (parts[1] === 'type') return 'newType';
    const own = newPartnerFieldId(parts);
    if (own) return own;
    return `newRegion.${parts[2] ?? 'name'}`;
  }
  switch (parts[0]) {
    case 'date':
      return 'date.day';
    case 'hostLeadId':
      return 'hostLead.id';
    case 'delegationLeadId':
      return 'delegationLead.id';
    case 'carriedFollowUpIds':
      return 'carried';
    case 'source':
      return `source.${parts[1] ?? 'url'}`;
    case 'delegationSize':
      return `delegationSize.${parts[1] ?? 'host'}.${parts[2] ?? 'people'}`;
    case 'aims':
    case 'namesAsReported':
    case 'participants':
    case 'statements':
    case 'outcomes':
    case 'followUps':
      return `${parts[0]}-add`;
    default:
      return parts[0] ?? 'title';
  }
}
