import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  autoMap,
  buildErrorsFile,
  cellRef,
  NEW_PARTNER_REF,
  parseCsv,
  previewImport,
  validateRows,
  type CellError,
  type ImportResource,
  type Progress,
  type ReferenceData,
  type Table,
} from '../../src/domain/import';
import {
  followUpInput,
  meetingInput,
  partnershipInput,
  personInput,
} from '../../src/domain/schemas';
import { BINZHOU_PARTNERSHIP, BINZHOU_VISIT, demoSnapshot, IDS } from '../../mocks/demo-data';

const snapshot = demoSnapshot();
const refs: ReferenceData = {
  sectors: snapshot.sectors,
  users: snapshot.users,
  regions: snapshot.regions,
  organizations: snapshot.organizations,
  people: snapshot.people,
  partnerships: snapshot.partnerships,
  meetings: snapshot.meetings,
};

async function tableOf(rows: string[][]): Promise<Table> {
  const result = await parseCsv(Papa.unparse(rows, { delimiter: ';', newline: '\r\n' }));
  if (!result.ok) throw new Error(`not a table: ${result.problem.code}`);
  return result.table;
}

async function validate<R extends ImportResource>(resource: R, rows: string[][]) {
  const table = await tableOf(rows);
  return {
    table,
    ...(await validateRows(resource, table, autoMap(resource, table.headers), refs)),
  };
}

const errorsOf = (errors: readonly CellError[]) =>
  errors.map(
    (e) => `${cellRef(e)} ${e.field} ${e.code}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`,
  );

describe('follow-up rows', () => {
  const header = [
    'Judul',
    'Kemitraan',
    'Penanggung jawab',
    'Tenggat',
    'Sektor',
    'Status',
    'Prioritas',
  ];

  it('become follow-up inputs the domain schema accepts, with names matched in either language', async () => {
    const result = await validate('follow-ups', [
      header,
      [
        'Forum teknis',
        'Kota Binzhou',
        'Budi Santoso',
        '22/09/2025',
        'Pendidikan; UMKM',
        'Terbuka',
        'Tinggi',
      ],
      [
        'Paket promosi',
        'Binzhou City',
        'dewi.lestari@example.org',
        '22 Sep 2025',
        'Tourism',
        'In progress',
        'Low',
      ],
    ]);
    expect(result.errors).toEqual([]);
    expect(result.valid.map((v) => v.input)).toEqual([
      {
        title: 'Forum teknis',
        partnershipId: BINZHOU_PARTNERSHIP.id,
        ownerId: IDS.officer,
        dueDate: '2025-09-22',
        sectorIds: ['education', 'msme'],
        status: 'open',
        priority: 'high',
      },
      {
        title: 'Paket promosi',
        partnershipId: BINZHOU_PARTNERSHIP.id,
        ownerId: IDS.officer2,
        dueDate: '2025-09-22',
        sectorIds: ['tourism'],
        status: 'in-progress',
        priority: 'low',
      },
    ]);
    for (const row of result.valid) expect(followUpInput.safeParse(row.input).success).toBe(true);
    expect(result.valid.map((v) => v.row)).toEqual([2, 3]);
  });

  it('reports each bad cell with its row, column, field and a code the UI translates', async () => {
    const result = await validate('follow-ups', [
      header,
      ['', 'Atlantis', 'Joko', '31/02/2025', 'Sihir', 'Mungkin', 'Tinggi'],
      ['Forum', 'Kota Binzhou', 'Budi Santoso', '', '', 'Terbuka', ''],
    ]);
    expect(errorsOf(result.errors)).toEqual([
      'A2 title required',
      'B2 partnership unknownReference {"value":"Atlantis"}',
      'C2 owner unknownReference {"value":"Joko"}',
      'D2 dueDate invalidDate {"value":"31/02/2025"}',
      'E2 sectors unknownReference {"value":"Sihir"}',
      'F2 status invalidOption {"value":"Mungkin"}',
      // An open follow-up needs a due date (the domain's rule, from the zod schema).
      'D3 dueDate dueDateRequired',
    ]);
    expect(result.invalid).toEqual([0, 1]);
    expect(result.valid).toEqual([]);
  });

  it('keeps formula-looking cells and HTML as text (never evaluated, never stripped)', async () => {
    const titles = [
      '=HYPERLINK("http://evil.example","klik")',
      '+62 21 555',
      '-tindak lanjut',
      '@tangerang rapat',
      '<img src=x onerror=alert(1)>',
    ];
    const result = await validate('follow-ups', [
      header,
      ...titles.map((t) => [t, 'Binzhou', 'Budi Santoso', '22/09/2025', '', 'Terbuka', '']),
    ]);
    expect(result.errors).toEqual([]);
    expect(result.valid.map((v) => v.input.title)).toEqual(titles);
  });

  it('refuses a row that repeats an earlier one (same id, or same title, partnership and due date)', async () => {
    const result = await validate('follow-ups', [
      ['ID', ...header],
      ['fu-binzhou-forum', 'Forum', 'Binzhou', 'Budi Santoso', '22/09/2025', '', '', ''],
      ['fu-binzhou-forum', 'Forum lain', 'Binzhou', 'Budi Santoso', '23/09/2025', '', '', ''],
      ['', 'Agenda', 'Binzhou', 'Budi Santoso', '22/09/2025', '', '', ''],
      ['', 'agenda', 'Binzhou', 'Budi Santoso', '2025-09-22', '', '', ''],
    ]);
    expect(errorsOf(result.errors)).toEqual([
      'A3 id duplicateRow {"firstRow":2}',
      '5 row duplicateRow {"firstRow":4}',
    ]);
    expect(result.valid.map((v) => [v.id, v.row])).toEqual([
      ['fu-binzhou-forum', 2],
      [undefined, 4],
    ]);
  });

  it('puts an error on every row when a required field has no column', async () => {
    const result = await validate('follow-ups', [
      ['Judul', 'Tenggat'],
      ['Forum', '22/09/2025'],
    ]);
    expect(errorsOf(result.errors)).toEqual(['2 partnership required', '2 owner required']);
  });

  it('reads a meeting by its title', async () => {
    const result = await validate('follow-ups', [
      [...header, 'Pertemuan'],
      ['Forum', 'Binzhou', 'Budi Santoso', '22/09/2025', '', '', '', BINZHOU_VISIT.title],
    ]);
    expect(result.valid[0]?.input.meetingId).toBe(BINZHOU_VISIT.id);
  });
});

describe('partnership rows', () => {
  it('match an existing partner region, or create one from the row', async () => {
    const result = await validate('partnerships', [
      [
        'Daerah mitra',
        'Negara',
        'Tingkat pemerintahan',
        'Nama dalam aksara setempat',
        'Provinsi',
        'Jenis kemitraan',
        'Tahap',
        'Sektor fokus',
        'Koordinator',
        'Tanggal MoU ditandatangani',
        'Tanggal MoU berakhir',
      ],
      [
        'Binzhou',
        'Tiongkok',
        'Kota',
        '',
        '',
        'Kerja sama',
        'Penjajakan',
        'Pendidikan; UMKM',
        'Budi Santoso',
        '',
        '',
      ],
      [
        'Kota Qingdao',
        'CN',
        '',
        '青岛市',
        'Shandong',
        'Kota persahabatan',
        'MoU ditandatangani',
        'Trade',
        'budi.santoso@example.org',
        '1 Mei 2024',
        '30 April 2029',
      ],
    ]);
    expect(result.errors).toEqual([]);
    const [binzhou, qingdao] = result.valid;
    expect(binzhou?.input).toMatchObject({
      homeRegionId: IDS.tangerang,
      partnerRegionId: IDS.binzhou,
      type: 'cooperation',
      stage: 'exploring',
      focusSectorIds: ['education', 'msme'],
      coordinatorId: IDS.officer,
    });
    expect(binzhou?.newPartner).toBeUndefined();
    expect(qingdao?.input).toMatchObject({
      partnerRegionId: NEW_PARTNER_REF,
      type: 'friendship-city',
      stage: 'mou-signed',
      agreements: { mouSignedDate: '2024-05-01', mouExpiresDate: '2029-04-30' },
    });
    expect(qingdao?.newPartner).toEqual({
      kind: 'region',
      key: 'region:qingdao|CN|city',
      input: {
        name: 'Qingdao',
        localName: '青岛市',
        level: 'city',
        countryCode: 'CN',
        province: 'Shandong',
        role: 'partner',
        strengths: [],
        illustrative: false,
      },
    });
    for (const row of result.valid)
      expect(partnershipInput.safeParse(row.input).success).toBe(true);
  });

  it('create a partner organisation, and refuse a row naming both kinds of partner or neither', async () => {
    const result = await validate('partnerships', [
      ['Organisasi mitra', 'Daerah mitra', 'Jenis kemitraan', 'Jenis organisasi'],
      ['UNDP Indonesia', '', 'Kerja sama', 'Badan internasional'],
      ['ICBC', '', 'Kerja sama', ''],
      ['UNDP', 'Binzhou', 'Kerja sama', ''],
      ['', '', 'Kerja sama', ''],
      ['', 'Atlantis', 'Kerja sama', ''],
    ]);
    expect(result.valid[0]?.newPartner).toEqual({
      kind: 'organization',
      key: 'organization:undp indonesia',
      input: { name: 'UNDP Indonesia', kind: 'international-body', illustrative: false },
    });
    expect(result.valid[1]?.input.partnerOrganizationId).toBe(IDS.icbc);
    expect(errorsOf(result.errors)).toEqual([
      'A4 partnerOrganization partnerConflict',
      'B5 partnerRegion partnerRequired',
      // A region not in Mitra can be created when the row says its country.
      '6 partnerCountry required',
    ]);
  });
});

describe('people and meeting rows', () => {
  it('people belong to a region or an organisation matched by name', async () => {
    const result = await validate('people', [
      ['Nama', 'Jabatan', 'Daerah', 'Organisasi', 'Surel', 'Telepon'],
      ['Li Wei', 'Direktur', 'Kota Binzhou', '', 'li.wei@example.org', '+86 543 123 4567'],
      ['Siti', 'Staf', '', 'ICBC', '', ''],
      ['Tanpa asal', '', '', '', 'bukan-email', ''],
    ]);
    expect(result.valid.map((v) => v.input)).toEqual([
      {
        name: 'Li Wei',
        position: 'Direktur',
        regionId: IDS.binzhou,
        email: 'li.wei@example.org',
        phone: '+86 543 123 4567',
        illustrative: false,
      },
      { name: 'Siti', position: 'Staf', organizationId: IDS.icbc, illustrative: false },
    ]);
    for (const row of result.valid) expect(personInput.safeParse(row.input).success).toBe(true);
    expect(errorsOf(result.errors)).toEqual([
      'C4 region affiliationRequired',
      'E4 email invalidEmail',
    ]);
  });

  it('meetings with dates, times, leads, sectors and outcomes', async () => {
    const result = await validate('meetings', [
      [
        'Kemitraan',
        'Jenis pertemuan',
        'Judul',
        'Tanggal',
        'Waktu',
        'Tempat',
        'Pimpinan tuan rumah',
        'Pimpinan delegasi',
        'Sektor',
        'Hasil',
        'Tautan sumber',
      ],
      [
        'Binzhou',
        'Kunjungan masuk',
        'Forum teknis',
        'Senin, 22 September 2025',
        '09.30',
        'Ruang Wareng',
        'Intan Nurul Hikmah',
        'Qu Yuekuan',
        'Pariwisata, UMKM',
        'Sepakat, lalu menyusun agenda\nForum teknis',
        'https://example.org/berita',
      ],
      [
        'Binzhou',
        'Rapat',
        'X',
        '2025-09-31',
        '',
        '',
        'Seseorang',
        '',
        '',
        '',
        'javascript:alert(1)',
      ],
    ]);
    expect(result.valid[0]?.input).toMatchObject({
      partnershipId: BINZHOU_PARTNERSHIP.id,
      kind: 'inbound-visit',
      date: '2025-09-22',
      time: '09:30',
      hostLeadId: IDS.intan,
      delegationLeadId: IDS.qu,
      sectorIds: ['tourism', 'msme'],
      outcomes: ['Sepakat, lalu menyusun agenda', 'Forum teknis'],
      source: { url: 'https://example.org/berita' },
      timeZone: 'Asia/Jakarta',
    });
    expect(meetingInput.safeParse(result.valid[0]?.input).success).toBe(true);
    expect(errorsOf(result.errors)).toEqual([
      'B3 kind invalidOption {"value":"Rapat"}',
      'D3 date invalidDate {"value":"2025-09-31"}',
      'G3 hostLead unknownReference {"value":"Seseorang"}',
      'K3 sourceUrl invalidUrl',
    ]);
  });
});

describe('the whole preview', () => {
  it('refuses a file whose header matches nothing, with every row in error', async () => {
    const bytes = new TextEncoder().encode('Foo;Bar\r\n1;2\r\n');
    const preview = await previewImport('follow-ups', bytes, { name: 'x.csv' }, refs);
    expect(preview.ok && preview.mappingProblems).toEqual([{ code: 'noColumnsMatched' }]);
    expect(preview.ok && preview.result.valid).toEqual([]);
  });

  it('validates in slices, reporting rows done out of the total, and can be stopped', async () => {
    const rows = [['Judul', 'Kemitraan', 'Penanggung jawab', 'Tenggat']];
    for (let i = 0; i < 3000; i += 1)
      rows.push([`Tindak lanjut ${i}`, 'Binzhou', 'Budi Santoso', '22/09/2025']);
    const table = await tableOf(rows);
    const seen: Progress[] = [];
    const result = await validateRows(
      'follow-ups',
      table,
      autoMap('follow-ups', table.headers),
      refs,
      { sliceMs: 1, onProgress: (p) => seen.push(p) },
    );
    expect(result.valid).toHaveLength(3000);
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toEqual({ phase: 'validate', done: 3000, total: 3000 });

    const controller = new AbortController();
    await expect(
      validateRows('follow-ups', table, autoMap('follow-ups', table.headers), refs, {
        sliceMs: 0,
        signal: controller.signal,
        onProgress: () => controller.abort(),
      }),
    ).rejects.toThrow('stopped');
    const preview = await previewImport(
      'follow-ups',
      new TextEncoder().encode(Papa.unparse(rows)),
      { name: 'a.csv' },
      refs,
      { sliceMs: 0, signal: controller.signal },
    );
    expect(preview).toEqual({ ok: false, problem: { code: 'aborted' } });
  });
});

describe('the errors file', () => {
  it('holds the invalid rows with a reason column, neutralised against formulas, and imports again', async () => {
    const header = ['Judul', 'Kemitraan', 'Penanggung jawab', 'Tenggat'];
    const result = await validate('follow-ups', [
      header,
      ['Baik', 'Binzhou', 'Budi Santoso', '22/09/2025'],
      ['=HYPERLINK("http://evil.example","klik")', 'Atlantis', 'Budi Santoso', '22/09/2025'],
      ['-rapat', 'Binzhou', '@joko', '22/09/2025'],
    ]);
    const text = buildErrorsFile(result.table, result.errors, {
      describe: (e, h) => `${cellRef(e)} ${h}: ${e.code}`,
    });
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    expect(rows).toEqual([
      ['Alasan', ...header],
      [
        'B3 Kemitraan: unknownReference',
        `'=HYPERLINK("http://evil.example","klik")`,
        'Atlantis',
        'Budi Santoso',
        '22/09/2025',
      ],
      ['C4 Penanggung jawab: unknownReference', "'-rapat", 'Binzhou', "'@joko", '22/09/2025'],
    ]);
    // Fixed and uploaded again: the reason column is not a field, the quotes come off.
    const again = await parseCsv(text);
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    const revalidated = await validateRows(
      'follow-ups',
      again.table,
      autoMap('follow-ups', again.table.headers),
      refs,
    );
    expect(revalidated.errors.map((e) => [e.field, e.code, e.params])).toEqual([
      ['partnership', 'unknownReference', { value: 'Atlantis' }],
      ['owner', 'unknownReference', { value: '@joko' }],
    ]);
  });
});
