import { describe, expect, it } from 'vitest';
import { en } from '@/i18n/locales/en';
import { id } from '@/i18n/locales/id';
import { referenceEn } from '@/i18n/locales/reference.en';
import { referenceId } from '@/i18n/locales/reference.id';
import {
  autoMap,
  createReferenceMatcher,
  IMPORT_RESOURCES,
  mappingProblems,
  matchCountry,
  matchOption,
  OPTION_VALUES,
  OPTION_WORDS,
  RESOURCE_FIELDS,
  rememberMapping,
  setColumnField,
  type OptionKind,
} from '../../src/domain/import';
import {
  BINZHOU_PARTNERSHIP,
  demoSnapshot,
  IDS,
  ORGANIZATIONS,
  PEOPLE,
  REGIONS,
  SECTORS,
  USERS,
} from '../../mocks/demo-data';

describe('automatic column mapping', () => {
  it("matches Mitra's own follow-up export headers in both languages", () => {
    const idHeaders = [
      'ID',
      'Judul',
      'Status',
      'Prioritas',
      'Kemitraan',
      'Penanggung jawab',
      'Tenggat',
      'Sektor',
      'Jumlah pertemuan',
      'Dibuat',
      'Diperbarui',
    ];
    const enHeaders = [
      'ID',
      'Title',
      'Status',
      'Priority',
      'Partnership',
      'Owner',
      'Due date',
      'Sectors',
      'Meetings',
      'Created',
      'Updated',
    ];
    const expected = [
      'id',
      'title',
      'status',
      'priority',
      'partnership',
      'owner',
      'dueDate',
      'sectors',
      null,
      null,
      null,
    ];
    expect(autoMap('follow-ups', idHeaders).map((m) => m.field)).toEqual(expected);
    expect(autoMap('follow-ups', enHeaders).map((m) => m.field)).toEqual(expected);
  });

  it('ignores case, accents, punctuation, a hint in brackets and a required mark', () => {
    const mapping = autoMap('follow-ups', [
      'JUDUL *',
      'Tenggat (dd/mm/yyyy)',
      'penanggung-jawab',
      'Due Date',
      'Catatan lain',
    ]);
    expect(mapping.map((m) => [m.field, m.source])).toEqual([
      ['title', 'automatic'],
      ['dueDate', 'automatic'],
      ['owner', 'automatic'],
      [null, 'none'], // dueDate has its column already
      [null, 'none'],
    ]);
  });

  it('maps partnerships with their partner region and organisation columns', () => {
    const headers = [
      'Daerah mitra',
      'Negara',
      'Tingkat pemerintahan',
      'Nama dalam aksara setempat',
      'Jenis kemitraan',
      'Tahap',
      'Sektor fokus',
      'Koordinator',
      'Tanggal MoU ditandatangani',
      'Organisasi mitra',
    ];
    expect(autoMap('partnerships', headers).map((m) => m.field)).toEqual([
      'partnerRegion',
      'partnerCountry',
      'partnerLevel',
      'partnerLocalName',
      'type',
      'stage',
      'focusSectors',
      'coordinator',
      'mouSignedDate',
      'partnerOrganization',
    ]);
  });

  it('maps people and meetings by their English names too', () => {
    expect(
      autoMap('people', ['Name', 'Position', 'Organisation', 'Email', 'Phone']).map((m) => m.field),
    ).toEqual(['name', 'position', 'organization', 'email', 'phone']);
    expect(
      autoMap('meetings', [
        'Partnership',
        'Kind',
        'Title',
        'Date',
        'Place',
        'Sectors discussed',
      ]).map((m) => m.field),
    ).toEqual(['partnership', 'kind', 'title', 'date', 'place', 'sectors']);
  });

  it('applies a remembered mapping first, including a remembered "not imported"', () => {
    const remembered = { 'uraian kegiatan': 'title', judul: null };
    const mapping = autoMap('follow-ups', ['Uraian kegiatan', 'Judul', 'PIC'], remembered);
    expect(mapping.map((m) => [m.field, m.source])).toEqual([
      ['title', 'remembered'],
      [null, 'remembered'],
      ['owner', 'automatic'],
    ]);
  });

  it('lets the user change it, one column per field, and remembers the result', () => {
    let mapping = autoMap('follow-ups', ['Judul', 'Nama kegiatan', 'PIC']);
    expect(mappingProblems('follow-ups', mapping)).toEqual([
      { code: 'requiredFieldUnmapped', field: 'partnership' },
    ]);
    mapping = setColumnField(mapping, 1, 'title');
    expect(mapping.map((m) => m.field)).toEqual([null, 'title', 'owner']);
    expect(mapping[0]?.source).toBe('user');
    expect(rememberMapping(mapping)).toEqual({
      judul: null,
      'nama kegiatan': 'title',
      pic: 'owner',
    });
  });

  it('says when no column matches anything', () => {
    const mapping = autoMap('follow-ups', ['Foo', 'Bar', 'Baz']);
    expect(mapping.every((m) => m.field === null)).toBe(true);
    expect(mappingProblems('follow-ups', mapping)).toEqual([{ code: 'noColumnsMatched' }]);
  });

  it('has no header naming two fields of one resource', () => {
    for (const resource of IMPORT_RESOURCES) {
      const owner = new Map<string, string>();
      for (const field of RESOURCE_FIELDS[resource]) {
        for (const header of [...field.headers.id, ...field.headers.en]) {
          const key = header.toLowerCase();
          const other = owner.get(key);
          if (other !== undefined && other !== field.key)
            expect.fail(`${resource}: "${header}" names ${other} and ${field.key}`);
          owner.set(key, field.key);
        }
      }
    }
  });
});

describe('option words', () => {
  const ui: Record<'id' | 'en', Record<string, Record<string, string>>> = {
    id: { ...id.enums, organizationKind: referenceId.reference.organizationKind },
    en: { ...en.enums, organizationKind: referenceEn.reference.organizationKind },
  };
  const uiName: Record<OptionKind, string> = {
    status: 'status',
    priority: 'priority',
    stage: 'stage',
    meetingKind: 'meetingKind',
    partnershipType: 'partnershipType',
    level: 'level',
    organizationKind: 'organizationKind',
  };

  it("start with the UI's own labels, in both languages", () => {
    for (const kind of Object.keys(OPTION_WORDS) as OptionKind[]) {
      for (const value of OPTION_VALUES[kind]) {
        const words = (
          OPTION_WORDS[kind] as Record<string, { id: readonly string[]; en: readonly string[] }>
        )[value]!;
        expect(words.id[0], `${kind}.${value} (id)`).toBe(ui.id[uiName[kind]]![value]);
        expect(words.en[0], `${kind}.${value} (en)`).toBe(ui.en[uiName[kind]]![value]);
      }
    }
  });

  it('match in either language, by value, and not by anything else', () => {
    expect(matchOption('stage', 'Penjajakan')).toBe('exploring');
    expect(matchOption('stage', 'exploring')).toBe('exploring');
    expect(matchOption('stage', 'EXPLORING')).toBe('exploring');
    expect(matchOption('stage', 'MoU ditandatangani')).toBe('mou-signed');
    expect(matchOption('status', 'Sedang berjalan')).toBe('in-progress');
    expect(matchOption('status', 'in-progress')).toBe('in-progress');
    expect(matchOption('priority', 'Tinggi')).toBe('high');
    expect(matchOption('partnershipType', 'Kota kembar (sister city)')).toBe('sister-city');
    expect(matchOption('status', 'Mungkin')).toBeUndefined();
  });

  it('reads countries by code or by name in either language', () => {
    expect(matchCountry('CN')).toBe('CN');
    expect(matchCountry('cn')).toBe('CN');
    expect(matchCountry('Tiongkok')).toBe('CN');
    expect(matchCountry('China')).toBe('CN');
    expect(matchCountry('Korea Selatan')).toBe('KR');
    expect(matchCountry('Jepang')).toBe('JP');
    expect(matchCountry('Atlantis')).toBeUndefined();
  });
});

describe('reference matching', () => {
  const snapshot = demoSnapshot();
  const refs = createReferenceMatcher({
    sectors: SECTORS,
    users: USERS,
    regions: REGIONS,
    organizations: ORGANIZATIONS,
    people: PEOPLE,
    partnerships: snapshot.partnerships,
    meetings: snapshot.meetings,
  });

  it('finds a sector by either name, by id, or by the first words of one name', () => {
    expect(refs.sector('Pendidikan')).toEqual({ id: 'education' });
    expect(refs.sector('Education')).toEqual({ id: 'education' });
    expect(refs.sector('Pendidikan dan pertukaran pelajar')).toEqual({ id: 'education' });
    expect(refs.sector('UMKM')).toEqual({ id: 'msme' });
    expect(refs.sector('MSMEs')).toEqual({ id: 'msme' });
    expect(refs.sector('msme')).toEqual({ id: 'msme' });
    expect(refs.sector('pariwisata')).toEqual({ id: 'tourism' });
    expect(refs.sector('Sihir')).toEqual({ error: 'unknownReference' });
  });

  it('finds an owner by name or e-mail, whatever the case', () => {
    expect(refs.user('Budi Santoso')).toEqual({ id: IDS.officer });
    expect(refs.user('BUDI.SANTOSO@example.org')).toEqual({ id: IDS.officer });
    expect(refs.user('budi')).toEqual({ error: 'unknownReference' });
  });

  it('finds a partnership by its partner, as the export names it in either language', () => {
    expect(refs.partnership('Kota Binzhou')).toEqual({ id: BINZHOU_PARTNERSHIP.id });
    expect(refs.partnership('Binzhou City')).toEqual({ id: BINZHOU_PARTNERSHIP.id });
    expect(refs.partnership('Binzhou')).toEqual({ id: BINZHOU_PARTNERSHIP.id });
    expect(refs.partnership('滨州市')).toEqual({ id: BINZHOU_PARTNERSHIP.id });
    expect(refs.partnership(BINZHOU_PARTNERSHIP.id)).toEqual({ id: BINZHOU_PARTNERSHIP.id });
    expect(refs.partnership('Kabupaten Tangerang Kota Binzhou')).toEqual({
      id: BINZHOU_PARTNERSHIP.id,
    });
    expect(refs.partnership('Atlantis')).toEqual({ error: 'unknownReference' });
  });

  it('says when a name fits more than one record, and which', () => {
    const two = createReferenceMatcher({
      users: [
        { id: 'u1', name: 'Dewi Lestari', email: 'dewi1@example.org' },
        { id: 'u2', name: 'Dewi Lestari', email: 'dewi2@example.org' },
      ],
    });
    expect(two.user('Dewi Lestari')).toEqual({
      error: 'ambiguousReference',
      candidates: ['Dewi Lestari', 'Dewi Lestari'],
    });
    expect(two.user('dewi2@example.org')).toEqual({ id: 'u2' });
  });
});
