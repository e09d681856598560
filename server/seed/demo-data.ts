import type { FollowUp, FollowUpStatus } from '../../src/domain/follow-up';
import type { Meeting } from '../../src/domain/meeting';
import type { Organization } from '../../src/domain/organization';
import type { Partnership, Stage } from '../../src/domain/partnership';
import type { Person } from '../../src/domain/person';
import type { Region } from '../../src/domain/region';
import type { Sector } from '../../src/domain/sector';
import type { User } from '../../src/domain/user';
import type { Snapshot } from '../store';
import { SECTOR_THEMES_0006 } from './sector-themes';

/**
 * Demo data. The Tangerang–Binzhou visit is a real, reported case (shared/data/README.md):
 * every fact here is as reported. Owners and due dates of its follow-ups are plausible
 * inventions, and say so. The other partnerships are illustrative and flagged `illustrative`,
 * which the UI shows as a label: they are not facts.
 */

const CREATED = '2025-01-06T01:00:00.000Z';
const meta = (id: string, createdAt = CREATED) => ({ id, version: 1, createdAt, updatedAt: createdAt });

/** Colours are dark enough for 3:1 contrast on white and are never the only cue in a chart. */
export const SECTORS: Sector[] = [
  { ...meta('tourism'), name: { id: 'Pariwisata', en: 'Tourism' }, color: '#0072b2' },
  { ...meta('creative-economy'), name: { id: 'Ekonomi kreatif', en: 'Creative economy' }, color: '#cc3d00' },
  { ...meta('msme'), name: { id: 'UMKM', en: 'MSMEs' }, color: '#008060' },
  {
    ...meta('education'),
    name: { id: 'Pendidikan dan pertukaran pelajar', en: 'Education and student exchange' },
    color: '#a0307a',
  },
  { ...meta('youth'), name: { id: 'Peningkatan kapasitas pemuda', en: 'Youth capacity building' }, color: '#6a4c93' },
  { ...meta('manufacturing'), name: { id: 'Industri manufaktur', en: 'Manufacturing' }, color: '#5c5c5c' },
  { ...meta('fisheries'), name: { id: 'Perikanan', en: 'Fisheries' }, color: '#00758f' },
  { ...meta('agriculture'), name: { id: 'Pertanian', en: 'Agriculture' }, color: '#5a7d00' },
  { ...meta('investment'), name: { id: 'Investasi', en: 'Investment' }, color: '#9a6700' },
  { ...meta('trade'), name: { id: 'Perdagangan', en: 'Trade' }, color: '#b3261e' },
  { ...meta('environment'), name: { id: 'Lingkungan hidup', en: 'Environment' }, color: '#2e7d32' },
  { ...meta('health'), name: { id: 'Kesehatan', en: 'Health' }, color: '#c2185b' },
  { ...meta('culture'), name: { id: 'Kebudayaan', en: 'Culture' }, color: '#7b5e00' },
];

/** The common themes added in 0006 (server/seed/sector-themes.ts), after the first list. */
export const THEME_SECTORS: Sector[] = SECTOR_THEMES_0006.map((theme) => ({ ...meta(theme.id), ...theme }));

export const IDS = {
  tangerang: 'reg-kab-tangerang',
  binzhou: 'reg-binzhou',
  icbc: 'org-icbc-jakarta',
  intan: 'per-intan-nurul-hikmah',
  qu: 'per-qu-yuekuan',
  partnership: 'pts-tangerang-binzhou',
  visit: 'mtg-binzhou-visit-2025-09-22',
  staff: 'usr-rina',
  officer: 'usr-budi',
  officer2: 'usr-dewi',
  manager: 'usr-hendra',
  admin: 'usr-sari',
  /** A second, illustrative home government (issue 15), its partnership and its own staff member. */
  kotaTangerang: 'reg-kota-tangerang',
  kotaPartnership: 'pts-kota-tangerang-kitakyushu',
  kotaMeeting: 'mtg-kota-tangerang-kitakyushu-1',
  kotaFollowUp: 'fu-kota-tangerang-kitakyushu-1',
  kotaStaff: 'usr-ayu',
} as const;

export const REGIONS: Region[] = [
  {
    ...meta(IDS.tangerang),
    // Kabupaten (Regency) Tangerang, not Kota (City) Tangerang: the level is part of the identity.
    name: 'Tangerang',
    level: 'regency',
    countryCode: 'ID',
    province: 'Banten',
    role: 'home',
    strengths: [],
    illustrative: false,
  },
  {
    ...meta(IDS.binzhou),
    name: 'Binzhou',
    localName: '滨州市',
    level: 'city',
    countryCode: 'CN',
    province: 'Shandong',
    role: 'partner',
    strengths: ['manufacturing', 'fisheries', 'agriculture'],
    notes: 'Dikenal kuat di sektor industri manufaktur, perikanan, dan pertanian (TANGERANGPEDIA, 2025).',
    illustrative: false,
  },
  {
    ...meta('reg-gimhae'),
    name: 'Gimhae',
    localName: '김해시',
    level: 'city',
    countryCode: 'KR',
    province: 'Gyeongsangnam-do',
    role: 'partner',
    strengths: ['manufacturing', 'culture'],
    illustrative: true,
  },
  {
    ...meta('reg-kitakyushu'),
    name: 'Kitakyushu',
    localName: '北九州市',
    level: 'city',
    countryCode: 'JP',
    province: 'Fukuoka',
    role: 'partner',
    strengths: ['environment', 'manufacturing'],
    illustrative: true,
  },
  {
    ...meta('reg-penang'),
    name: 'Pulau Pinang',
    level: 'province',
    countryCode: 'MY',
    role: 'partner',
    strengths: ['tourism', 'trade'],
    illustrative: true,
  },
  {
    ...meta('reg-geelong'),
    name: 'Geelong',
    level: 'city',
    countryCode: 'AU',
    province: 'Victoria',
    role: 'partner',
    strengths: ['education', 'agriculture'],
    illustrative: true,
  },
];

export const ORGANIZATIONS: Organization[] = [
  {
    ...meta(IDS.icbc),
    name: 'Indonesia–China Business Council',
    acronym: 'ICBC',
    kind: 'business-council',
    countryCode: 'ID',
    city: 'Jakarta',
    illustrative: false,
  },
];

export const PEOPLE: Person[] = [
  {
    ...meta(IDS.intan),
    name: 'Intan Nurul Hikmah',
    position: 'Wakil Bupati Tangerang',
    regionId: IDS.tangerang,
    illustrative: false,
  },
  {
    ...meta(IDS.qu),
    name: 'Qu Yuekuan',
    position: 'Deputy Mayor of Binzhou',
    regionId: IDS.binzhou,
    illustrative: false,
  },
];

/** Mitra's own users. Invented for the demo, with example.org addresses. */
export const USERS: User[] = [
  { ...meta(IDS.staff), name: 'Rina Wulandari', email: 'rina.wulandari@example.org', role: 'staff', position: 'Staf Protokol', active: true, homeRegionIds: [IDS.tangerang] },
  { ...meta(IDS.officer), name: 'Budi Santoso', email: 'budi.santoso@example.org', role: 'officer', position: 'Analis Kerja Sama', active: true, homeRegionIds: [IDS.tangerang] },
  { ...meta(IDS.officer2), name: 'Dewi Lestari', email: 'dewi.lestari@example.org', role: 'officer', position: 'Analis Kerja Sama', active: true, homeRegionIds: [IDS.tangerang] },
  { ...meta(IDS.manager), name: 'Hendra Gunawan', email: 'hendra.gunawan@example.org', role: 'manager', position: 'Kepala Bagian Kerja Sama', active: true, homeRegionIds: [IDS.tangerang] },
  { ...meta(IDS.admin), name: 'Sari Puspita', email: 'sari.puspita@example.org', role: 'admin', position: 'Pengelola Sistem', active: true, homeRegionIds: [IDS.tangerang] },
];

const VISIT_AT = '2025-09-22T08:00:00.000Z';

export const BINZHOU_PARTNERSHIP: Partnership = {
  ...meta(IDS.partnership, VISIT_AT),
  homeRegionId: IDS.tangerang,
  partnerRegionId: IDS.binzhou,
  type: 'cooperation',
  stage: 'exploring',
  stageHistory: [
    {
      to: 'exploring',
      date: '2025-09-22',
      note: 'Kunjungan resmi delegasi Kota Binzhou: langkah awal hubungan kerja sama.',
      by: IDS.staff,
      at: VISIT_AT,
    },
  ],
  focusSectorIds: ['tourism', 'creative-economy', 'msme', 'education', 'youth'],
  facilitatorIds: [IDS.icbc],
  coordinatorId: IDS.officer,
  agreements: {},
  notes:
    'Dilaporkan di tempat lain: media daerah lain memberitakan letter of intent (LoI) antara kedua pemerintah pada Juni 2025. Tidak disebut dalam laporan rujukan dan belum diverifikasi, sehingga tidak dicatat sebagai tahap.',
  illustrative: false,
};

export const BINZHOU_VISIT: Meeting = {
  ...meta(IDS.visit, VISIT_AT),
  partnershipId: IDS.partnership,
  kind: 'inbound-visit',
  title: 'Kunjungan resmi delegasi Kota Binzhou',
  date: '2025-09-22',
  timeZone: 'Asia/Jakarta',
  place: 'Ruang Rapat Wareng, Gedung Kantor Bupati Tangerang',
  hostLeadId: IDS.intan,
  delegationLeadId: IDS.qu,
  participants: [
    { side: 'host', personId: IDS.intan },
    { side: 'guest', personId: IDS.qu },
    {
      side: 'guest',
      organizationId: IDS.icbc,
      description: 'Perwakilan ICBC Jakarta dalam rombongan; nama tidak disebutkan dalam laporan',
    },
  ],
  facilitatorIds: [IDS.icbc],
  sectorIds: ['tourism', 'creative-economy', 'msme', 'education', 'youth'],
  summary:
    'Wakil Bupati Tangerang Intan Nurul Hikmah menerima kunjungan resmi delegasi Kota Binzhou, Tiongkok, yang dipimpin Deputy Mayor Qu Yuekuan bersama perwakilan ICBC Jakarta. Pertemuan menjadi momentum membuka jalur komunikasi internasional yang lebih erat antara Kabupaten Tangerang dan Kota Binzhou, sebagai awal memperkuat persahabatan dan kolaborasi yang saling menguntungkan. Fokus pembahasan: promosi pariwisata, pengembangan ekonomi kreatif dan UMKM, serta program pendidikan dan pertukaran pelajar; juga peningkatan kapasitas generasi muda melalui pelatihan dan penguatan kompetensi. Qu Yuekuan menilai Kabupaten Tangerang mitra strategis karena potensi pasar, letak geografis yang menguntungkan, serta sumber daya manusia yang terus berkembang.',
  statements: [
    {
      personId: IDS.intan,
      text: 'Kunjungan ini menjadi momentum penting dalam memperkuat hubungan kerja sama internasional, membuka jalur komunikasi yang lebih erat, serta mengeksplorasi potensi kolaborasi di berbagai sektor strategis.',
    },
    {
      personId: IDS.intan,
      text: 'Semoga kunjungan ini melahirkan semangat baru dalam merealisasikan program nyata yang bermanfaat.',
    },
    {
      personId: IDS.qu,
      text: 'Kami percaya kerja sama dengan Kabupaten Tangerang akan menghadirkan manfaat nyata, mulai dari pertukaran pengalaman, peluang bisnis, hingga pembangunan berkelanjutan bagi masyarakat kedua daerah.',
    },
  ],
  outcomes: [
    'Kedua pihak sepakat menindaklanjuti pertemuan ini dengan forum teknis.',
    'Kedua pihak sepakat menyusun agenda bersama.',
  ],
  aims: [
    'Penguatan ekonomi daerah',
    'Peningkatan daya saing global',
    'Perluasan jejaring investasi internasional',
  ],
  source: {
    publisher: 'TANGERANGPEDIA',
    author: 'Redaksi (Red)',
    publishedDate: '2025-09-23',
    dateAsReported: 'Selasa (22/09/25)',
    note: 'Laporan menulis "Selasa (22/09/25)", padahal 22 September 2025 jatuh pada hari Senin. Tanggal disimpan; hari diturunkan dari tanggal. Tanggal terbit diambil dari alamat web laporan (2025/09/23).',
  },
  illustrative: false,
};

const ILLUSTRATIVE_OWNER_NOTE =
  'Pemilik dan tenggat bersifat ilustratif: laporan tidak menyebutkannya.';

function binzhouFollowUp(
  id: string,
  title: string,
  sectorIds: string[],
  ownerId: string,
  dueDate: string,
  priority: FollowUp['priority'],
  status: FollowUpStatus,
  later: Array<{ at: string; by: string; to: FollowUpStatus; comment?: string }> = [],
): FollowUp {
  const history: FollowUp['history'] = [
    { at: VISIT_AT, by: IDS.staff, kind: 'created', to: 'open', meetingId: IDS.visit },
  ];
  let from: FollowUpStatus = 'open';
  for (const step of later) {
    history.push({ at: step.at, by: step.by, kind: 'status', from, to: step.to, ...(step.comment ? { comment: step.comment } : {}) });
    from = step.to;
  }
  const updatedAt = history.at(-1)?.at ?? VISIT_AT;
  return {
    id,
    version: 1 + later.length,
    createdAt: VISIT_AT,
    updatedAt,
    title,
    description: ILLUSTRATIVE_OWNER_NOTE,
    partnershipId: IDS.partnership,
    meetingId: IDS.visit,
    meetingIds: [IDS.visit],
    ownerId,
    dueDate,
    sectorIds,
    priority,
    status,
    history,
    ...(status === 'done' ? { completedAt: updatedAt } : {}),
  };
}

/** The six follow-ups an officer would open from the visit (shared/data/README.md). */
export const BINZHOU_FOLLOW_UPS: FollowUp[] = [
  binzhouFollowUp(
    'fu-binzhou-forum',
    'Menyelenggarakan forum teknis dengan Kota Binzhou',
    ['tourism', 'creative-economy', 'msme', 'education', 'youth'],
    IDS.officer,
    '2026-12-10',
    'high',
    'in-progress',
    [{ at: '2025-10-06T03:00:00.000Z', by: IDS.officer, to: 'in-progress', comment: 'Undangan awal dikirim melalui ICBC Jakarta.' }],
  ),
  binzhouFollowUp(
    'fu-binzhou-agenda',
    'Menyusun rancangan agenda bersama',
    ['tourism', 'creative-economy', 'msme', 'education', 'youth'],
    IDS.officer,
    '2025-11-14',
    'high',
    'done',
    [
      { at: '2025-10-01T03:00:00.000Z', by: IDS.officer, to: 'in-progress' },
      { at: '2025-11-10T07:30:00.000Z', by: IDS.officer, to: 'done', comment: 'Rancangan dikirim ke Kota Binzhou untuk ditanggapi.' },
    ],
  ),
  binzhouFollowUp('fu-binzhou-exchange', 'Mengusulkan program pertukaran pelajar', ['education'], IDS.officer2, '2027-01-29', 'normal', 'open'),
  binzhouFollowUp('fu-binzhou-tourism', 'Menyiapkan paket promosi pariwisata', ['tourism'], IDS.officer2, '2026-11-20', 'normal', 'open'),
  binzhouFollowUp(
    'fu-binzhou-youth',
    'Merancang program pelatihan pemuda',
    ['youth', 'education'],
    IDS.officer,
    '2026-12-18',
    'normal',
    'blocked',
    [{ at: '2025-12-02T02:00:00.000Z', by: IDS.officer, to: 'blocked', comment: 'Menunggu alokasi anggaran 2026 dari Bappeda.' }],
  ),
  binzhouFollowUp(
    'fu-binzhou-msme',
    'Memetakan kecocokan UMKM dan ekonomi kreatif',
    ['msme', 'creative-economy'],
    IDS.officer2,
    '2026-12-04',
    'low',
    'open',
  ),
];

// --- Illustrative partnerships: flagged, and worded as examples in the data itself -------------

type Illustration = {
  id: string;
  /** Another home government than the Regency, and its staff member who keeps the records. */
  home?: { regionId: string; staffId: string };
  partnerRegionId: string;
  type: Partnership['type'];
  stages: Array<[Stage, string]>;
  focus: string[];
  agreements?: Partnership['agreements'];
  meetings: Array<{ date: string; kind: Meeting['kind']; title: string; sectors: string[] }>;
  followUps: Array<{ title: string; sectors: string[]; due?: string; status: FollowUpStatus; owner: string; created: string }>;
};

const ILLUSTRATIONS: Illustration[] = [
  {
    id: 'pts-gimhae',
    partnerRegionId: 'reg-gimhae',
    type: 'sister-city',
    stages: [['exploring', '2021-03-15'], ['letter-of-intent', '2021-10-04'], ['mou-signed', '2022-01-20'], ['active', '2022-06-01']],
    focus: ['manufacturing', 'culture', 'education'],
    agreements: { loiDate: '2021-10-04', mouSignedDate: '2022-01-20', mouExpiresDate: '2027-01-19' },
    meetings: [
      { date: '2025-02-18', kind: 'virtual', title: 'Rapat daring evaluasi tahunan (contoh)', sectors: ['culture', 'education'] },
      { date: '2025-08-11', kind: 'outbound-visit', title: 'Kunjungan ke Gimhae untuk festival budaya (contoh)', sectors: ['culture', 'manufacturing'] },
      { date: '2026-05-20', kind: 'inbound-visit', title: 'Kunjungan balasan delegasi Gimhae (contoh)', sectors: ['manufacturing'] },
    ],
    followUps: [
      { title: 'Menyiapkan pertukaran pelatihan vokasi (contoh)', sectors: ['manufacturing', 'education'], due: '2026-08-31', status: 'done', owner: IDS.officer, created: '2025-08-11' },
      { title: 'Menyiapkan perpanjangan MoU (contoh)', sectors: ['culture'], due: '2026-12-01', status: 'in-progress', owner: IDS.officer2, created: '2026-05-20' },
      { title: 'Pameran produk industri di Gimhae (contoh)', sectors: ['manufacturing', 'trade'], due: '2026-10-15', status: 'open', owner: IDS.officer, created: '2026-05-20' },
    ],
  },
  {
    id: 'pts-kitakyushu',
    partnerRegionId: 'reg-kitakyushu',
    type: 'cooperation',
    stages: [['exploring', '2024-04-10'], ['mou-drafting', '2025-03-03']],
    focus: ['environment'],
    meetings: [
      { date: '2025-03-03', kind: 'forum', title: 'Forum kota hijau Asia (contoh)', sectors: ['environment'] },
      { date: '2026-02-12', kind: 'virtual', title: 'Pembahasan draf MoU pengelolaan sampah (contoh)', sectors: ['environment'] },
    ],
    followUps: [
      { title: 'Mengirim tanggapan atas draf MoU (contoh)', sectors: ['environment'], due: '2026-03-31', status: 'done', owner: IDS.officer2, created: '2026-02-12' },
      { title: 'Studi kelayakan bank sampah terpadu (contoh)', sectors: ['environment'], due: '2026-09-30', status: 'open', owner: IDS.officer2, created: '2026-02-12' },
    ],
  },
  {
    id: 'pts-penang',
    partnerRegionId: 'reg-penang',
    type: 'friendship-city',
    stages: [['exploring', '2024-02-01'], ['letter-of-intent', '2024-08-01']],
    focus: ['tourism', 'trade'],
    agreements: { loiDate: '2024-08-01' },
    meetings: [{ date: '2024-08-01', kind: 'outbound-visit', title: 'Penandatanganan LoI di George Town (contoh)', sectors: ['tourism', 'trade'] }],
    followUps: [
      { title: 'Menyusun naskah MoU kota persahabatan (contoh)', sectors: ['tourism', 'trade'], due: '2025-03-31', status: 'open', owner: IDS.officer, created: '2024-08-01' },
    ],
  },
  {
    id: 'pts-geelong',
    partnerRegionId: 'reg-geelong',
    type: 'cooperation',
    stages: [['exploring', '2019-05-06'], ['mou-drafting', '2019-08-12'], ['mou-signed', '2019-11-11'], ['active', '2020-01-15'], ['dormant', '2023-06-30']],
    focus: ['education', 'agriculture'],
    agreements: { mouSignedDate: '2019-11-11', mouExpiresDate: '2024-11-10' },
    meetings: [{ date: '2023-03-14', kind: 'virtual', title: 'Evaluasi program beasiswa pertanian (contoh)', sectors: ['education', 'agriculture'] }],
    followUps: [
      { title: 'Laporan akhir program beasiswa (contoh)', sectors: ['education'], due: '2023-06-30', status: 'cancelled', owner: IDS.officer2, created: '2023-03-14' },
    ],
  },
];

function illustrate(ill: Illustration): { partnership: Partnership; meetings: Meeting[]; followUps: FollowUp[] } {
  const firstAt = `${ill.stages[0]?.[1] ?? '2024-01-01'}T02:00:00.000Z`;
  const partnership: Partnership = {
    ...meta(ill.id, firstAt),
    homeRegionId: ill.home?.regionId ?? IDS.tangerang,
    partnerRegionId: ill.partnerRegionId,
    type: ill.type,
    stage: ill.stages.at(-1)?.[0] ?? 'exploring',
    stageHistory: ill.stages.map(([stage, date], i) => ({
      ...(i > 0 ? { from: ill.stages[i - 1]?.[0] } : {}),
      to: stage,
      date,
      note: 'Contoh ilustratif.',
      by: ill.home?.staffId ?? IDS.manager,
      at: `${date}T02:00:00.000Z`,
    })),
    focusSectorIds: ill.focus,
    facilitatorIds: [],
    coordinatorId: ill.home?.staffId ?? IDS.officer2,
    agreements: ill.agreements ?? {},
    notes: 'Kemitraan ilustratif untuk demo: bukan fakta.',
    illustrative: true,
  };
  const meetings: Meeting[] = ill.meetings.map((m, i) => ({
    ...meta(`${ill.id.replace('pts-', 'mtg-')}-${i + 1}`, `${m.date}T08:00:00.000Z`),
    partnershipId: ill.id,
    kind: m.kind,
    title: m.title,
    date: m.date,
    timeZone: 'Asia/Jakarta',
    participants: [],
    facilitatorIds: [],
    sectorIds: m.sectors,
    summary: 'Pertemuan ilustratif untuk demo: bukan fakta.',
    statements: [],
    outcomes: [],
    aims: [],
    illustrative: true,
  }));
  const followUps: FollowUp[] = ill.followUps.map((f, i) => {
    const at = `${f.created}T08:00:00.000Z`;
    const origin = meetings.find((m) => m.date === f.created);
    return {
      ...meta(`${ill.id.replace('pts-', 'fu-')}-${i + 1}`, at),
      title: f.title,
      description: 'Tindak lanjut ilustratif untuk demo: bukan fakta.',
      partnershipId: ill.id,
      ...(origin ? { meetingId: origin.id } : {}),
      meetingIds: origin ? [origin.id] : [],
      ownerId: f.owner,
      ...(f.due ? { dueDate: f.due } : {}),
      sectorIds: f.sectors,
      priority: 'normal',
      status: f.status,
      history: [
        { at, by: ill.home?.staffId ?? IDS.staff, kind: 'created', to: 'open' },
        ...(f.status === 'open' ? [] : [{ at, by: f.owner, kind: 'status' as const, from: 'open' as const, to: f.status }]),
      ],
      ...(f.status === 'done' ? { completedAt: at } : {}),
    };
  });
  return { partnership, meetings, followUps };
}

/**
 * The second home government (issue 15), illustrative: Kota (City) Tangerang, beside the Regency.
 * Its name is "Tangerang" like the Regency's: the level tells them apart, and every display name
 * is composed from both (`regionLabel` in src/domain/region.ts: "Kota Tangerang", "Tangerang City").
 */
export const KOTA_REGION: Region = {
  ...meta(IDS.kotaTangerang),
  name: 'Tangerang',
  level: 'city',
  countryCode: 'ID',
  province: 'Banten',
  role: 'home',
  strengths: [],
  notes: 'Pemerintah daerah kedua untuk demo: ilustratif, bukan fakta.',
  illustrative: true,
};
export const KOTA_USER: User = { ...meta(IDS.kotaStaff), name: 'Ayu Kartika', email: 'ayu.kartika@example.org', role: 'staff', position: 'Staf Kerja Sama Kota', active: true, homeRegionIds: [IDS.kotaTangerang] };

/**
 * Its records, shaped like the Regency's illustrations (one helper, `illustrate`): its own
 * partnership with Kitakyushu, one meeting and one follow-up, kept and worked on by Ayu. Only the
 * City's users (and administrators) see them; the Regency's users never do.
 */
const KOTA_ILLUSTRATION: Illustration = {
  id: IDS.kotaPartnership,
  home: { regionId: IDS.kotaTangerang, staffId: IDS.kotaStaff },
  partnerRegionId: 'reg-kitakyushu',
  type: 'cooperation',
  stages: [['exploring', '2025-06-10']],
  focus: ['environment'],
  meetings: [{ date: '2025-06-10', kind: 'virtual', title: 'Rapat daring pengelolaan sampah Kota Tangerang (contoh)', sectors: ['environment'] }],
  followUps: [
    { title: 'Kajian bank sampah Kota Tangerang (contoh)', sectors: ['environment'], due: '2025-12-31', status: 'done', owner: IDS.kotaStaff, created: '2025-06-10' },
  ],
};

/** A fresh copy of the demo data every call: stores mutate what they are given. */
export function demoSnapshot(): Snapshot {
  const illustrations = ILLUSTRATIONS.map(illustrate);
  const snapshot: Snapshot = {
    sequence: 0,
    sectors: [...SECTORS, ...THEME_SECTORS],
    regions: REGIONS,
    organizations: ORGANIZATIONS,
    people: PEOPLE,
    users: USERS,
    partnerships: [BINZHOU_PARTNERSHIP, ...illustrations.map((i) => i.partnership)],
    meetings: [BINZHOU_VISIT, ...illustrations.flatMap((i) => i.meetings)],
    followUps: [...BINZHOU_FOLLOW_UPS, ...illustrations.flatMap((i) => i.followUps)],
  };
  return structuredClone(snapshot);
}

/**
 * The demo data with the second home government added at the end of each list (issue 15):
 * Kota Tangerang, its partnership, meeting and follow-up, and Ayu, who works only for it. This is
 * what a new database starts with (server/seed/seeds.ts: `npm start`; the browser demo and its
 * build-time file: mocks/demo-database.ts), so a newcomer sees two governments. `demoSnapshot`
 * stays without it for the tests and tools that count over the Regency's data (and the generator
 * behind the golden replays).
 */
export function demoSnapshotWithSecondGovernment(): Snapshot {
  const snapshot = demoSnapshot();
  const kota = illustrate(KOTA_ILLUSTRATION);
  return structuredClone({
    ...snapshot,
    regions: [...snapshot.regions, KOTA_REGION],
    users: [...snapshot.users, KOTA_USER],
    partnerships: [...snapshot.partnerships, kota.partnership],
    meetings: [...snapshot.meetings, ...kota.meetings],
    followUps: [...snapshot.followUps, ...kota.followUps],
  });
}
