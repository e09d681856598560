import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  checkFileSize,
  chooseFormat,
  decodeText,
  detectDelimiter,
  MAX_COLUMNS,
  MAX_FILE_BYTES,
  parseCsv,
  readTable,
  type Progress,
} from '../../src/domain/import';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Windows-1252 bytes for Latin-1 text (the two agree on é, ü, ñ). */
function cp1252(text: string): Uint8Array {
  return Uint8Array.from(
    [...text].map((ch) => {
      const code = ch.charCodeAt(0);
      if (code > 0xff) throw new Error(`not Latin-1: ${ch}`);
      return code;
    }),
  );
}

async function problemOf(bytes: Uint8Array, name = 'data.csv') {
  const result = await readTable(bytes, { name });
  return result.ok ? undefined : result.problem;
}

describe('the file as a whole', () => {
  it('refuses a 100 MB file by its size alone, before reading it', () => {
    expect(checkFileSize(100 * 1024 * 1024)).toEqual({
      code: 'tooLarge',
      params: { max: MAX_FILE_BYTES, maxMb: 20, size: 100 * 1024 * 1024, sizeMb: 100 },
    });
    expect(checkFileSize(0)).toEqual({ code: 'empty' });
    expect(checkFileSize(1024)).toBeUndefined();
    expect(checkFileSize(Number.NaN)?.code).toBe('tooLarge');
  });

  it('refuses a file over the limit without decoding it (readTable checks the size first)', async () => {
    // Bytes that would be refused as binary if they were read: the size speaks first.
    const big = new Uint8Array(MAX_FILE_BYTES + 1);
    expect(await problemOf(big)).toEqual({
      code: 'tooLarge',
      params: { max: MAX_FILE_BYTES, maxMb: 20, size: MAX_FILE_BYTES + 1, sizeMb: 21 },
    });
  });

  it('refuses an empty file and a file of blank lines', async () => {
    expect(await problemOf(new Uint8Array())).toEqual({ code: 'empty' });
    expect(await problemOf(utf8('\uFEFF'))).toEqual({ code: 'empty' });
    expect(await problemOf(utf8('\r\n\r\n  \r\n'))).toEqual({ code: 'empty' });
    expect(await problemOf(utf8(';;;\r\n;;\r\n'))).toEqual({ code: 'empty' });
  });

  it('refuses a binary file named .csv', async () => {
    const png = Uint8Array.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ]);
    expect(await problemOf(png)).toEqual({ code: 'binary' });
    const random = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);
    expect(await problemOf(random)).toEqual({ code: 'binary' });
    expect(await problemOf(utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).toEqual({ code: 'binary' });
  });

  it('says an XLSX named .csv is a workbook, and refuses the old .xls format', async () => {
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]);
    expect(await problemOf(zip, 'data.csv')).toEqual({
      code: 'wrongFormat',
      params: { expected: 'csv', found: 'xlsx' },
    });
    expect(chooseFormat(zip, { name: 'data.xlsx' })).toEqual({ format: 'xlsx' });
    expect(chooseFormat(zip, {})).toEqual({ format: 'xlsx' });
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await problemOf(ole, 'data.xls')).toEqual({
      code: 'unsupportedFormat',
      params: { format: 'xls' },
    });
    expect(await problemOf(utf8('a,b\n1,2'), 'data.xlsx')).toEqual({
      code: 'wrongFormat',
      params: { expected: 'xlsx', found: 'other' },
    });
  });

  it('refuses a damaged workbook with a clear code', async () => {
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 1, 2, 3]);
    expect(await problemOf(zip, 'data.xlsx')).toEqual({ code: 'unreadableWorkbook' });
  });
});

describe('encodings', () => {
  it('reads UTF-8 with and without a byte order mark', () => {
    expect(decodeText(utf8('\uFEFFJudul;滨州市'))).toEqual({
      ok: true,
      text: 'Judul;滨州市',
      encoding: 'utf-8',
      bom: true,
    });
    expect(decodeText(utf8('Judul;滨州市'))).toEqual({
      ok: true,
      text: 'Judul;滨州市',
      encoding: 'utf-8',
      bom: false,
    });
  });

  it("reads Windows-1252 (Excel's plain CSV) when the bytes are not UTF-8", () => {
    // 0x80 is € and 0x93/0x94 are curly quotes in Windows-1252 (not in Latin-1).
    const bytes = Uint8Array.from([
      ...cp1252('Nama;Kota\r\nJosé Müller;Tangerang '),
      0x80,
      0x93,
      0x41,
      0x94,
    ]);
    const decoded = decodeText(bytes);
    expect(decoded).toEqual({
      ok: true,
      text: 'Nama;Kota\r\nJosé Müller;Tangerang €“A”',
      encoding: 'windows-1252',
      bom: false,
    });
  });

  it('reads UTF-16 as Excel\'s "Unicode text" writes it (with a BOM) and without one', () => {
    const text = 'Judul\tStatus\r\nRapat\tSelesai';
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i += 1) le[2 + i * 2] = text.charCodeAt(i);
    expect(decodeText(le)).toEqual({ ok: true, text, encoding: 'utf-16le', bom: true });
    expect(decodeText(le.subarray(2))).toMatchObject({
      ok: true,
      text,
      encoding: 'utf-16le',
      bom: false,
    });
  });

  it('refuses a wrong encoding rather than guessing mojibake (GBK 滨州市)', () => {
    const gbk = Uint8Array.from([
      ...cp1252('Nama;Kota\r\n'),
      0xb1,
      0xf5,
      0xd6,
      0xdd,
      0xca,
      0xd0,
      0x3b,
      0x41,
    ]);
    expect(decodeText(gbk)).toEqual({ ok: false, problem: { code: 'encoding' } });
  });
});

describe('CSV', () => {
  it("detects comma, semicolon and tab, and Excel's sep= line", async () => {
    expect(detectDelimiter('Judul,Status\nA,B\nC,D')).toBe(',');
    expect(detectDelimiter('Judul;Status;Sektor\n"A, B";Terbuka;UMKM, Pendidikan\nC;D;E')).toBe(
      ';',
    );
    expect(detectDelimiter('Judul\tStatus\nA, B\tC; D\n')).toBe('\t');
    expect(detectDelimiter('Laporan tahunan, 2025\nJudul;Status\nA;B\nC;D\nE;F')).toBe(';');
    const result = await parseCsv('sep=;\r\nJudul;Status\r\nA;B\r\n');
    expect(result.ok && result.table).toMatchObject({
      delimiter: ';',
      headers: ['Judul', 'Status'],
      rows: [['A', 'B']],
      rowNumbers: [3],
      headerRow: 2,
    });
  });

  it('finds the header row under title rows, and numbers rows as the spreadsheet does', async () => {
    const text =
      'Daftar tindak lanjut;;\r\nBagian Kerja Sama, 2025;;\r\n;;\r\nJudul;Status;Tenggat\r\nA;Terbuka;22/09/2025\r\n;;\r\nB;Selesai;\r\n';
    const result = await parseCsv(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.table.headerRow).toBe(4);
    expect(result.table.headers).toEqual(['Judul', 'Status', 'Tenggat']);
    expect(result.table.rows).toEqual([
      ['A', 'Terbuka', '22/09/2025'],
      ['B', 'Selesai', ''],
    ]);
    expect(result.table.rowNumbers).toEqual([5, 7]);
  });

  it('prefers the row that names known fields when told what they are', async () => {
    const text =
      'Catatan,Dibuat oleh,Tanggal\r\nx,y,z\r\nJudul,Status,Tenggat\r\nA,Terbuka,22/09/2025\r\n';
    const known = new Set(['judul', 'status', 'tenggat']);
    const result = await parseCsv(text, { isKnownHeader: (h) => known.has(h) });
    expect(result.ok && result.table.headerRow).toBe(3);
  });

  it('refuses duplicated headers, naming the header and its columns', async () => {
    expect(await parseCsv('Judul;Status;judul\r\nA;B;C\r\n')).toEqual({
      ok: false,
      problem: { code: 'duplicateHeader', params: { header: 'judul', columns: 'A, C' } },
    });
  });

  it('names an empty header by its column letter and drops empty trailing columns', async () => {
    const result = await parseCsv('Judul;;Status;;\r\nA;x;B;;\r\n');
    expect(result.ok && result.table.headers).toEqual(['Judul', 'B', 'Status']);
  });

  it('refuses a line of 10,000 columns without choking', async () => {
    const wide = `${Array.from({ length: 10_000 }, (_, i) => `k${i}`).join(',')}\r\n1,2\r\n`;
    const started = performance.now();
    expect(await parseCsv(wide)).toEqual({
      ok: false,
      problem: { code: 'tooManyColumns', params: { max: MAX_COLUMNS, found: 10_000, row: 1 } },
    });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('refuses a header with no rows under it', async () => {
    expect(await parseCsv('Judul;Status\r\n')).toEqual({ ok: false, problem: { code: 'noRows' } });
  });

  it('parses in chunks exactly as papaparse does in one go (quotes, line breaks and delimiters inside cells)', async () => {
    const cell = fc.string({
      unit: fc.constantFrom('a', 'b', ' ', ';', ',', '"', '\n', '\r\n', 'é', '滨'),
      maxLength: 12,
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 64 }),
        async (rows, chunk) => {
          const data = [
            ['Judul', 'Status', 'Catatan'],
            ...rows.map((r) => r.map((c, i) => (i === 0 ? `x${c}` : c))),
          ];
          const text = Papa.unparse(data, { delimiter: ';', newline: '\r\n' });
          const result = await parseCsv(text, { delimiter: ';', chunkChars: chunk, sliceMs: 0 });
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          const expected = data.slice(1).filter((r) => r.some((c) => c.trim() !== ''));
          expect(result.table.rows.map((r) => r.map((c) => (c === null ? '' : c)))).toEqual(
            expected,
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('reports progress and can be stopped', async () => {
    const text = `Judul;Status\r\n${'Rapat koordinasi;Terbuka\r\n'.repeat(20_000)}`;
    const seen: Progress[] = [];
    const done = await parseCsv(text, {
      chunkChars: 4096,
      sliceMs: 0,
      onProgress: (p) => seen.push(p),
    });
    expect(done.ok && done.table.rows.length).toBe(20_000);
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.at(-1)).toEqual({ phase: 'read', done: text.length, total: text.length });
    for (let i = 1; i < seen.length; i += 1)
      expect(seen[i]!.done).toBeGreaterThanOrEqual(seen[i - 1]!.done);

    const controller = new AbortController();
    const stopped = await parseCsv(text, {
      chunkChars: 4096,
      sliceMs: 0,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    expect(stopped).toEqual({ ok: false, problem: { code: 'aborted' } });
  });

  it('reads a semicolon CSV with a BOM and dd/mm/yyyy dates, end to end', async () => {
    const result = await readTable(utf8('\uFEFFJudul;Tenggat\r\nForum teknis;22/09/2025\r\n'), {
      name: 'tindak-lanjut.csv',
      type: 'text/csv',
    });
    expect(result).toMatchObject({
      ok: true,
      table: {
        format: 'csv',
        delimiter: ';',
        encoding: 'utf-8 (BOM)',
        headers: ['Judul', 'Tenggat'],
        rows: [['Forum teknis', '22/09/2025']],
      },
    });
  });

  it('reads a Windows-1252 file end to end', async () => {
    const result = await readTable(cp1252('Nama,Jabatan\r\nJosé Müller,Direktur\r\n'), {
      name: 'orang.csv',
    });
    expect(result).toMatchObject({
      ok: true,
      table: { encoding: 'windows-1252', rows: [['José Müller', 'Direktur']] },
    });
  });
});
