import { FOLLOW_UP_STATUSES, PRIORITIES, type FollowUpStatus, type Priority } from '../follow-up';
import { RECORDED_MEETING_KINDS, type RecordedMeetingKind } from '../value-lists';
import { ORGANIZATION_KINDS, type OrganizationKind } from '../organization';
import { PARTNERSHIP_TYPES, STAGES, type PartnershipType, type Stage } from '../partnership';
import { REGION_LEVELS, type RegionLevel } from '../region';

/**
 * The words a spreadsheet may use for each option, in both languages. The first word per language
 * is the UI's own label (src/i18n/locales: enums and reference.organizationKind) and the one the
 * CSV export writes — a test keeps them equal — the rest are what people type instead. The
 * domain cannot import the UI's strings (its lint rule), so they are listed here once more.
 */
type Words = { id: readonly string[]; en: readonly string[] };
export type OptionWords<T extends string> = Readonly<Record<T, Words>>;

export const STATUS_WORDS: OptionWords<FollowUpStatus> = {
  open: { id: ['Terbuka', 'Baru', 'Belum dimulai'], en: ['Open', 'New', 'To do', 'Not started'] },
  'in-progress': {
    id: ['Sedang berjalan', 'Berjalan', 'Dalam proses', 'Proses'],
    en: ['In progress', 'Ongoing', 'Doing'],
  },
  blocked: { id: ['Terhambat', 'Tertunda'], en: ['Blocked', 'On hold'] },
  done: { id: ['Selesai', 'Sudah'], en: ['Done', 'Completed', 'Complete', 'Finished', 'Closed'] },
  cancelled: { id: ['Dibatalkan', 'Batal'], en: ['Cancelled', 'Canceled'] },
};

export const PRIORITY_WORDS: OptionWords<Priority> = {
  low: { id: ['Rendah'], en: ['Low'] },
  normal: { id: ['Sedang', 'Biasa', 'Normal'], en: ['Normal', 'Medium'] },
  high: { id: ['Tinggi', 'Penting', 'Mendesak'], en: ['High', 'Urgent'] },
};

export const STAGE_WORDS: OptionWords<Stage> = {
  exploring: {
    id: ['Penjajakan', 'Penjajakan awal', 'Rintisan'],
    en: ['Exploring', 'Exploration'],
  },
  'letter-of-intent': {
    id: ['Letter of intent (LoI)', 'LoI', 'Surat minat'],
    en: ['Letter of intent (LoI)', 'Letter of intent', 'LoI', 'LOI'],
  },
  'mou-drafting': {
    id: ['Penyusunan MoU', 'Draf MoU', 'Rancangan MoU'],
    en: ['MoU drafting', 'Drafting MoU', 'MoU draft'],
  },
  'mou-signed': {
    id: ['MoU ditandatangani', 'Penandatanganan MoU', 'MoU'],
    en: ['MoU signed', 'Signed MoU', 'Signed'],
  },
  active: { id: ['Aktif', 'Berjalan'], en: ['Active'] },
  dormant: { id: ['Tidak aktif', 'Pasif', 'Vakum'], en: ['Dormant', 'Inactive'] },
  ended: { id: ['Berakhir', 'Selesai', 'Dihentikan'], en: ['Ended', 'Terminated', 'Expired'] },
};

export const MEETING_KIND_WORDS: OptionWords<RecordedMeetingKind> = {
  'inbound-visit': {
    id: ['Kunjungan masuk', 'Kunjungan delegasi', 'Menerima kunjungan'],
    en: ['Inbound visit', 'Incoming visit'],
  },
  'outbound-visit': {
    id: ['Kunjungan keluar', 'Kunjungan kerja', 'Kunjungan ke luar negeri'],
    en: ['Outbound visit', 'Outgoing visit'],
  },
  virtual: {
    id: ['Pertemuan daring', 'Daring', 'Online', 'Rapat daring'],
    en: ['Virtual meeting', 'Virtual', 'Online', 'Video call'],
  },
  forum: { id: ['Forum', 'Konferensi', 'Seminar'], en: ['Forum', 'Conference'] },
  // A meeting recorded without its kind (issue 15): exported so, and imported back.
  'not-stated': {
    id: ['Jenis tidak disebutkan', 'Tidak disebutkan'],
    en: ['Kind not stated', 'Not stated'],
  },
};

export const PARTNERSHIP_TYPE_WORDS: OptionWords<PartnershipType> = {
  'sister-city': {
    id: ['Kota kembar (sister city)', 'Kota kembar', 'Sister city', 'Sister province'],
    en: ['Sister city', 'Sister province', 'Twin city', 'Twinning'],
  },
  'friendship-city': {
    id: ['Kota persahabatan', 'Persahabatan'],
    en: ['Friendship city', 'Friendship'],
  },
  cooperation: { id: ['Kerja sama', 'Kerjasama'], en: ['Cooperation', 'Partnership'] },
};

export const LEVEL_WORDS: OptionWords<RegionLevel> = {
  regency: { id: ['Kabupaten', 'Kab'], en: ['Regency', 'County'] },
  city: { id: ['Kota', 'Kotamadya'], en: ['City', 'Municipality'] },
  province: { id: ['Provinsi', 'Prov', 'Negara bagian'], en: ['Province', 'State', 'Prefecture'] },
  country: { id: ['Negara'], en: ['Country', 'Nation'] },
};

export const ORGANIZATION_KIND_WORDS: OptionWords<OrganizationKind> = {
  'business-council': { id: ['Dewan bisnis'], en: ['Business council'] },
  embassy: { id: ['Kedutaan besar', 'Kedutaan', 'Konsulat'], en: ['Embassy', 'Consulate'] },
  'chamber-of-commerce': { id: ['Kamar dagang', 'Kadin'], en: ['Chamber of commerce'] },
  'international-body': {
    id: ['Badan internasional', 'Organisasi internasional'],
    en: ['International body', 'International organisation', 'International organization'],
  },
  university: { id: ['Perguruan tinggi', 'Universitas', 'Kampus'], en: ['University', 'College'] },
  ngo: {
    id: ['Lembaga swadaya masyarakat', 'LSM'],
    en: ['Non-governmental organisation', 'NGO', 'Non-governmental organization'],
  },
  'government-agency': {
    id: ['Instansi pemerintah', 'Dinas', 'Kementerian'],
    en: ['Government agency', 'Ministry', 'Agency'],
  },
  other: { id: ['Lainnya', 'Lain-lain'], en: ['Other'] },
};

/** The option lists in the same order as the words (for iteration). */
export const OPTION_VALUES = {
  status: FOLLOW_UP_STATUSES,
  priority: PRIORITIES,
  stage: STAGES,
  meetingKind: RECORDED_MEETING_KINDS,
  partnershipType: PARTNERSHIP_TYPES,
  level: REGION_LEVELS,
  organizationKind: ORGANIZATION_KINDS,
} as const;

export const OPTION_WORDS = {
  status: STATUS_WORDS,
  priority: PRIORITY_WORDS,
  stage: STAGE_WORDS,
  meetingKind: MEETING_KIND_WORDS,
  partnershipType: PARTNERSHIP_TYPE_WORDS,
  level: LEVEL_WORDS,
  organizationKind: ORGANIZATION_KIND_WORDS,
} as const;

export type OptionKind = keyof typeof OPTION_WORDS;

/** The label an export writes for an option (the first word of the language). */
export function optionLabel<K extends OptionKind>(
  kind: K,
  value: (typeof OPTION_VALUES)[K][number],
  lang: 'id' | 'en',
): string {
  const words = (OPTION_WORDS[kind] as OptionWords<string>)[value] as Words;
  return words[lang][0] as string;
}
