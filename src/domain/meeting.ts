import type { IsoDate } from './dates';
import { weekdayOf } from './dates';

export type {
  Meeting,
  MeetingInput,
  MeetingPatch,
  MeetingCreate,
  NewPerson,
  Participant,
  Statement,
  MeetingSource,
  DelegationSize,
} from './schemas/meeting';
export type { MeetingKind, ParticipantSide, RecordedMeetingKind, DelegationSide } from './value-lists';
export { MEETING_KINDS, PARTICIPANT_SIDES, RECORDED_MEETING_KINDS, KIND_NOT_STATED, DELEGATION_SIDES } from './value-lists';

const WEEKDAY_WORDS_ID = ['minggu', 'senin', 'selasa', 'rabu', 'kamis', 'jumat', 'sabtu'];
const WEEKDAY_WORDS_EN = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
];

/**
 * Reports often print the weekday beside the date ("Selasa (22/09/25)"). When the printed
 * weekday disagrees with the date, the source's words are kept and this names the weekday
 * they claim, so the UI can show both. Returns undefined when they agree or name no weekday.
 */
export function reportedWeekdayMismatch(
  date: IsoDate,
  dateAsReported: string | undefined,
): { reported: number; actual: number } | undefined {
  if (!dateAsReported) return undefined;
  const words = dateAsReported
    .toLowerCase()
    .normalize('NFKD')
    .replace(/['’]/g, '')
    .replace(/[^a-z\s]/g, ' ')
    .split(/\s+/);
  const reported = words
    .map((w) => {
      const id = WEEKDAY_WORDS_ID.indexOf(w);
      return id >= 0 ? id : WEEKDAY_WORDS_EN.indexOf(w);
    })
    .find((i) => i >= 0);
  const actual = weekdayOf(date);
  if (reported === undefined || reported === actual) return undefined;
  return { reported, actual };
}
