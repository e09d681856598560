import { addDays } from '../src/domain/dates';
import { FOLLOW_UP_STATUSES, PRIORITIES, type FollowUp } from '../src/domain/follow-up';
import { MEETING_KINDS, type Meeting } from '../src/domain/meeting';
import { STAGES, type Partnership } from '../src/domain/partnership';
import type { Region } from '../src/domain/region';
import type { Snapshot } from '../server/store';
import { demoSnapshot, IDS, SECTORS } from './demo-data';
import { createRandom } from './random';

export type GenerateOptions = { seed: number; followUps: number; meetings: number; partnerships: number };

const PLACES = ['Aster', 'Bayan', 'Cemara', 'Damar', 'Eboni', 'Flamboyan', 'Gaharu', 'Halia', 'Ilalang', 'Jati'];
const COUNTRIES = ['CN', 'JP', 'KR', 'MY', 'AU', 'NL', 'DE', 'TH', 'VN', 'PH'];
const ACTIONS = ['Menyusun', 'Mengkaji', 'Mengirim', 'Menyiapkan', 'Mengevaluasi', 'Menjadwalkan'];
const OBJECTS = ['naskah kerja sama', 'laporan kegiatan', 'undangan forum', 'proposal program', 'anggaran kegiatan', 'daftar peserta'];

/**
 * Load data for benchmarks, built on top of the demo data: same seed, same data, byte for byte.
 * Everything generated is flagged illustrative and named "(generated)", never mistaken for fact.
 */
export function generateSnapshot(options: GenerateOptions): Snapshot {
  const random = createRandom(options.seed);
  // The sectors as they were when the golden answers were recorded (tests/fixtures/golden): the
  // themes added in 0006 are left out, so the same seed still gives the same data, byte for byte.
  const snapshot = { ...demoSnapshot(), sectors: SECTORS };
  const sectorIds = snapshot.sectors.map((s) => s.id);
  const owners = snapshot.users.filter((u) => u.role === 'officer' || u.role === 'manager').map((u) => u.id);
  const at = (date: string) => `${date}T03:00:00.000Z`;
  /** A generated record's id and first version, created (and last changed) on `day`. */
  const newRecord = (id: string, day: string) => ({ id, version: 1, createdAt: at(day), updatedAt: at(day) });

  const regions: Region[] = [];
  const partnerships: Partnership[] = [];
  for (let i = 0; i < options.partnerships; i += 1) {
    const regionId = `reg-gen-${i + 1}`;
    const created = addDays('2019-01-01', random.int(0, 2400));
    regions.push({
      ...newRecord(regionId, created),
      name: `${random.pick(PLACES)} ${i + 1} (generated)`,
      level: random.pick(['city', 'regency', 'province'] as const),
      countryCode: random.pick(COUNTRIES),
      role: 'partner',
      strengths: random.some(sectorIds, 1, 3),
      illustrative: true,
    });
    const stage = random.pick(STAGES);
    partnerships.push({
      ...newRecord(`pts-gen-${i + 1}`, created),
      homeRegionId: IDS.tangerang,
      partnerRegionId: regionId,
      type: random.pick(['sister-city', 'friendship-city', 'cooperation'] as const),
      stage,
      stageHistory: [{ to: stage, date: created, by: IDS.manager, at: at(created) }],
      focusSectorIds: random.some(sectorIds, 1, 4),
      facilitatorIds: [],
      agreements: {},
      illustrative: true,
    });
  }
  const allPartnerships = [...snapshot.partnerships, ...partnerships];

  const meetings: Meeting[] = [];
  for (let i = 0; i < options.meetings; i += 1) {
    const date = addDays('2021-01-01', random.int(0, 2190));
    const partnership = random.pick(allPartnerships);
    meetings.push({
      ...newRecord(`mtg-gen-${i + 1}`, date),
      partnershipId: partnership.id,
      kind: random.pick(MEETING_KINDS),
      title: `Pertemuan ${i + 1} (generated)`,
      date,
      timeZone: 'Asia/Jakarta',
      participants: [],
      facilitatorIds: [],
      sectorIds: random.some(partnership.focusSectorIds, 1, 2),
      statements: [],
      outcomes: [],
      aims: [],
      illustrative: true,
    });
  }

  const followUps: FollowUp[] = [];
  for (let i = 0; i < options.followUps; i += 1) {
    const meeting = meetings.length > 0 ? random.pick(meetings) : undefined;
    const created = meeting?.date ?? addDays('2021-01-01', random.int(0, 2190));
    const status = random.pick(FOLLOW_UP_STATUSES);
    const hasDue = status === 'done' || status === 'cancelled' ? random.next() < 0.7 : true;
    const ownerId = random.pick(owners);
    followUps.push({
      ...newRecord(`fu-gen-${i + 1}`, created),
      title: `${random.pick(ACTIONS)} ${random.pick(OBJECTS)} #${i + 1} (generated)`,
      partnershipId: meeting?.partnershipId ?? random.pick(allPartnerships).id,
      ...(meeting ? { meetingId: meeting.id } : {}),
      meetingIds: meeting ? [meeting.id] : [],
      ownerId,
      ...(hasDue ? { dueDate: addDays(created, random.int(7, 240)) } : {}),
      sectorIds: meeting ? [...meeting.sectorIds] : random.some(sectorIds, 1, 2),
      priority: random.pick(PRIORITIES),
      status,
      history: [{ at: at(created), by: IDS.staff, kind: 'created', to: 'open' }],
      ...(status === 'done' ? { completedAt: at(created) } : {}),
    });
  }

  return {
    ...snapshot,
    regions: [...snapshot.regions, ...regions],
    partnerships: allPartnerships,
    meetings: [...snapshot.meetings, ...meetings],
    followUps: [...snapshot.followUps, ...followUps],
  };
}
