import type { OptionKind } from './labels';
import { normalizeHeader } from './table';

/**
 * What each resource's import reads: its fields, what kind of value each takes, and the header
 * names a spreadsheet may give it in Bahasa Indonesia and English — the UI's own labels, Mitra's
 * CSV export headers (server/routes/exports.ts) and the names offices use instead.
 */
export const IMPORT_RESOURCES = ['partnerships', 'people', 'meetings', 'follow-ups'] as const;
export type ImportResource = (typeof IMPORT_RESOURCES)[number];

export type FieldKind =
  | 'id'
  | 'text'
  | 'longText'
  | 'date'
  | 'time'
  | 'timeZone'
  | 'option'
  | 'sectors'
  | 'user'
  | 'partnership'
  | 'meeting'
  | 'person'
  | 'region'
  | 'organization'
  | 'organizations'
  | 'country'
  | 'email'
  | 'url'
  | 'number'
  | 'list';

export type FieldDef = {
  key: string;
  kind: FieldKind;
  /** The option list of an `option` field. */
  option?: OptionKind;
  /** A row without it is invalid (the file must have a column for it). */
  required?: boolean;
  headers: { id: readonly string[]; en: readonly string[] };
};

const f = (
  key: string,
  kind: FieldKind,
  id: string[],
  en: string[],
  extra: Partial<FieldDef> = {},
): FieldDef => ({
  key,
  kind,
  headers: { id, en },
  ...extra,
});

/** A Mitra id: a row that has one updates that record. */
const idField = f('id', 'id', ['ID', 'ID Mitra', 'Kode Mitra'], ['ID', 'Mitra ID']);

export const FOLLOW_UP_FIELDS: readonly FieldDef[] = [
  idField,
  f(
    'title',
    'text',
    ['Judul', 'Tindak lanjut', 'Judul tindak lanjut', 'Agenda', 'Kegiatan', 'Rencana aksi'],
    ['Title', 'Follow-up', 'Follow up', 'Action', 'Action item', 'Item'],
    { required: true },
  ),
  f(
    'description',
    'longText',
    ['Keterangan', 'Deskripsi', 'Uraian', 'Rincian'],
    ['Description', 'Details'],
  ),
  f('status', 'option', ['Status', 'Status tindak lanjut'], ['Status'], { option: 'status' }),
  f('priority', 'option', ['Prioritas'], ['Priority'], { option: 'priority' }),
  f(
    'partnership',
    'partnership',
    ['Kemitraan', 'Mitra', 'Daerah mitra', 'Kota mitra'],
    ['Partnership', 'Partner'],
    { required: true },
  ),
  f(
    'owner',
    'user',
    ['Penanggung jawab', 'PIC', 'Pemilik', 'Petugas', 'Pelaksana'],
    ['Owner', 'Assignee', 'Responsible', 'Assigned to'],
    { required: true },
  ),
  f(
    'dueDate',
    'date',
    ['Tenggat', 'Tenggat waktu', 'Batas waktu', 'Target selesai', 'Tanggal target'],
    ['Due date', 'Due', 'Deadline', 'Target date'],
  ),
  f('sectors', 'sectors', ['Sektor', 'Bidang'], ['Sectors', 'Sector']),
  f(
    'meeting',
    'meeting',
    ['Pertemuan', 'Pertemuan asal', 'Kunjungan'],
    ['Meeting', 'Originating meeting'],
  ),
];

export const PARTNERSHIP_FIELDS: readonly FieldDef[] = [
  idField,
  f(
    'homeRegion',
    'region',
    ['Daerah asal', 'Pemerintah daerah', 'Daerah kita'],
    ['Home region', 'Home government'],
  ),
  f(
    'partnerRegion',
    'text',
    ['Daerah mitra', 'Nama daerah mitra', 'Kota mitra', 'Mitra'],
    ['Partner region', 'Partner city', 'Partner'],
  ),
  f(
    'partnerLocalName',
    'text',
    ['Nama dalam aksara setempat', 'Nama lokal', 'Nama asli'],
    ['Local name', 'Local-script name', 'Name in local script'],
  ),
  f(
    'partnerLevel',
    'option',
    ['Tingkat pemerintahan', 'Tingkat'],
    ['Level', 'Government level', 'Level of government'],
    { option: 'level' },
  ),
  f('partnerCountry', 'country', ['Negara', 'Negara mitra'], ['Country', 'Partner country']),
  f(
    'partnerProvince',
    'text',
    ['Provinsi / negara bagian', 'Provinsi', 'Negara bagian'],
    ['Province / state', 'Province', 'State'],
  ),
  f(
    'partnerOrganization',
    'text',
    ['Organisasi mitra'],
    ['Partner organisation', 'Partner organization'],
  ),
  f(
    'partnerOrganizationKind',
    'option',
    ['Jenis organisasi'],
    ['Organisation kind', 'Organization kind', 'Organisation type', 'Organization type'],
    { option: 'organizationKind' },
  ),
  f(
    'type',
    'option',
    ['Jenis kemitraan', 'Jenis kerja sama', 'Jenis'],
    ['Partnership type', 'Type'],
    { option: 'partnershipType', required: true },
  ),
  f('stage', 'option', ['Tahap', 'Tahapan', 'Tahap saat ini'], ['Stage', 'Current stage'], {
    option: 'stage',
  }),
  f(
    'stageDate',
    'date',
    ['Tanggal mulai tahap ini', 'Tanggal tahap'],
    ['Stage date', 'Stage since', 'In stage since'],
  ),
  f(
    'focusSectors',
    'sectors',
    ['Sektor fokus', 'Sektor', 'Bidang kerja sama'],
    ['Focus sectors', 'Sectors'],
  ),
  f(
    'facilitators',
    'organizations',
    ['Organisasi fasilitator', 'Fasilitator'],
    ['Facilitators', 'Facilitating organisations', 'Facilitating organizations'],
  ),
  f(
    'coordinator',
    'user',
    ['Koordinator', 'Penanggung jawab'],
    ['Coordinator', 'Coordinating officer'],
  ),
  f(
    'loiDate',
    'date',
    ['Tanggal letter of intent', 'Tanggal LoI'],
    ['Letter of intent date', 'LoI date'],
  ),
  f(
    'mouSignedDate',
    'date',
    ['Tanggal MoU ditandatangani', 'Tanggal MoU', 'Tanggal penandatanganan MoU'],
    ['MoU signed on', 'MoU signed date', 'MoU date'],
  ),
  f(
    'mouExpiresDate',
    'date',
    ['Tanggal MoU berakhir', 'MoU berakhir', 'Masa berlaku MoU'],
    ['MoU expires on', 'MoU expiry', 'MoU expiry date'],
  ),
  f('notes', 'longText', ['Catatan', 'Keterangan'], ['Notes', 'Remarks']),
];

export const PERSON_FIELDS: readonly FieldDef[] = [
  idField,
  f('name', 'text', ['Nama', 'Nama lengkap'], ['Name', 'Full name'], { required: true }),
  f('position', 'text', ['Jabatan'], ['Position', 'Job title', 'Role']),
  f('region', 'region', ['Daerah', 'Asal daerah', 'Pemerintah daerah'], ['Region', 'Government']),
  f(
    'organization',
    'organization',
    ['Organisasi', 'Instansi', 'Lembaga'],
    ['Organisation', 'Organization', 'Institution'],
  ),
  f(
    'email',
    'email',
    ['Surel', 'Email', 'E-mail', 'Alamat email', 'Alamat surel'],
    ['Email', 'E-mail', 'Email address'],
  ),
  f(
    'phone',
    'text',
    ['Telepon', 'Nomor telepon', 'No telepon', 'No HP', 'HP', 'WhatsApp'],
    ['Phone', 'Telephone', 'Mobile', 'Phone number'],
  ),
];

export const MEETING_FIELDS: readonly FieldDef[] = [
  idField,
  f(
    'partnership',
    'partnership',
    ['Kemitraan', 'Mitra', 'Daerah mitra'],
    ['Partnership', 'Partner'],
    { required: true },
  ),
  f(
    'kind',
    'option',
    ['Jenis pertemuan', 'Jenis kegiatan', 'Jenis'],
    ['Kind of meeting', 'Meeting kind', 'Kind', 'Type'],
    { option: 'meetingKind', required: true },
  ),
  f(
    'title',
    'text',
    ['Judul', 'Nama kegiatan', 'Kegiatan', 'Judul pertemuan'],
    ['Title', 'Meeting', 'Event'],
    { required: true },
  ),
  f(
    'date',
    'date',
    ['Tanggal pertemuan', 'Tanggal', 'Tanggal kegiatan'],
    ['Date of the meeting', 'Date', 'Meeting date'],
    { required: true },
  ),
  f('time', 'time', ['Waktu', 'Jam', 'Pukul'], ['Time', 'Start time']),
  f('timeZone', 'timeZone', ['Zona waktu'], ['Time zone', 'Timezone']),
  f('place', 'text', ['Tempat', 'Lokasi'], ['Place', 'Venue', 'Location']),
  f('hostLead', 'person', ['Pimpinan tuan rumah', 'Tuan rumah'], ['Host lead', 'Host']),
  f(
    'delegationLead',
    'person',
    ['Pimpinan delegasi', 'Ketua delegasi'],
    ['Delegation lead', 'Head of delegation'],
  ),
  f(
    'facilitators',
    'organizations',
    ['Organisasi fasilitator', 'Fasilitator'],
    ['Facilitators', 'Facilitating organisations', 'Facilitating organizations'],
  ),
  f(
    'sectors',
    'sectors',
    ['Sektor yang dibahas', 'Sektor', 'Bidang'],
    ['Sectors discussed', 'Sectors', 'Sector'],
  ),
  f(
    'summary',
    'longText',
    ['Ringkasan', 'Uraian', 'Keterangan'],
    ['Summary', 'Description', 'Notes'],
  ),
  f(
    'outcomes',
    'list',
    ['Hasil', 'Hasil pertemuan', 'Kesepakatan'],
    ['Outcomes', 'Results', 'Agreements'],
  ),
  f(
    'sourceUrl',
    'url',
    ['Tautan sumber', 'Sumber', 'Tautan berita'],
    ['Source link', 'Source', 'Source URL'],
  ),
  f('publisher', 'text', ['Penerbit', 'Media'], ['Publisher']),
];

export const RESOURCE_FIELDS: Readonly<Record<ImportResource, readonly FieldDef[]>> = {
  'follow-ups': FOLLOW_UP_FIELDS,
  partnerships: PARTNERSHIP_FIELDS,
  people: PERSON_FIELDS,
  meetings: MEETING_FIELDS,
};

/**
 * Columns Mitra's own export writes that are not imported (worked out by Mitra, not typed):
 * they are recognised, so they are neither guessed at nor reported as unknown.
 */
export const IGNORED_HEADERS: Readonly<Record<ImportResource, readonly string[]>> = {
  'follow-ups': ['Jumlah pertemuan', 'Meetings', 'Dibuat', 'Created', 'Diperbarui', 'Updated'],
  partnerships: ['Dibuat', 'Created', 'Diperbarui', 'Updated'],
  people: ['Dibuat', 'Created', 'Diperbarui', 'Updated'],
  meetings: ['Dibuat', 'Created', 'Diperbarui', 'Updated'],
};

export function fieldDef(resource: ImportResource, key: string): FieldDef | undefined {
  return RESOURCE_FIELDS[resource].find((field) => field.key === key);
}

const headerIndexes = new Map<ImportResource, Map<string, string | null>>();

/** Normalized header → field key (null: a known column that is not imported). */
export function headerIndex(resource: ImportResource): Map<string, string | null> {
  let index = headerIndexes.get(resource);
  if (index) return index;
  index = new Map<string, string | null>();
  for (const header of IGNORED_HEADERS[resource]) index.set(normalizeHeader(header), null);
  // Earlier fields and earlier names win: "Mitra" is a partnership before it is anything else.
  for (const field of RESOURCE_FIELDS[resource]) {
    for (const header of [...field.headers.id, ...field.headers.en, field.key]) {
      const key = normalizeHeader(header);
      if (!index.has(key)) index.set(key, field.key);
    }
  }
  headerIndexes.set(resource, index);
  return index;
}

/** Whether a normalized header names something of the resource (for finding the header row). */
export function isKnownHeader(resource: ImportResource): (normalized: string) => boolean {
  const index = headerIndex(resource);
  return (normalized) => index.has(normalized);
}
