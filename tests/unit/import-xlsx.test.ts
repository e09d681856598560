import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  autoMap,
  listWorkbookSheets,
  previewImport,
  readTable,
  validateRows,
  type ReferenceData,
} from '../../src/domain/import';
import { listSheets, parseXlsx, toCell } from '../../src/domain/import/xlsx';
import { demoSnapshot, IDS, BINZHOU_PARTNERSHIP } from '../../mocks/demo-data';

const snapshot = demoSnapshot();
const refs: ReferenceData = {
  sectors: snapshot.sectors,
  users: snapshot.users,
  regions: snapshot.regions,
  partnerships: snapshot.partnerships,
};

/** A workbook as an office keeps it: a notes sheet first, a hidden sheet, then the list. */
async function workbook(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const notes = book.addWorksheet('Catatan');
  notes.addRow(['Daftar ini diperbarui tiap bulan']);
  notes.addRow(['Judul', 'Kemitraan', 'Penanggung jawab', 'Tenggat']);
  notes.addRow(['Dari lembar pertama', 'Binzhou', 'Budi Santoso', new Date(Date.UTC(2025, 9, 1))]);
  const hidden = book.addWorksheet('Rahasia', { state: 'hidden' });
  hidden.addRow(['x']);
  const sheet = book.addWorksheet('Tindak lanjut');
  sheet.addRow(['Tindak lanjut kerja sama 2025']);
  sheet.addRow([]);
  sheet.addRow(['Judul', 'Kemitraan', 'Penanggung jawab', 'Tenggat', 'Sektor', 'Prioritas']);
  sheet.addRow([
    'Forum teknis',
    'Kota Binzhou',
    'Budi Santoso',
    new Date(Date.UTC(2025, 8, 22)),
    'Pendidikan; UMKM',
    'Tinggi',
  ]);
  // A date typed as text, an Excel serial number without a date format, a formula, rich text, a link.
  sheet.addRow([
    'Paket promosi',
    'Binzhou',
    'dewi.lestari@example.org',
    '22 Agustus 2025',
    'Pariwisata',
    'Rendah',
  ]);
  sheet.addRow([
    { richText: [{ text: 'Program ' }, { text: 'pemuda', font: { bold: true } }] },
    'Binzhou',
    'Budi Santoso',
    45922,
    'Youth',
    'Normal',
  ]);
  sheet.addRow([
    { formula: 'CONCATENATE("Agenda"," bersama")', result: 'Agenda bersama' },
    { text: 'Binzhou', hyperlink: 'https://example.org' },
    'Budi Santoso',
    { formula: 'DATE(2025,11,14)', result: new Date(Date.UTC(2025, 10, 14)) },
    '',
    '',
  ]);
  sheet.addRow([
    '=HYPERLINK("http://evil.example","klik")',
    'Binzhou',
    'Budi Santoso',
    '2025-12-01',
    '',
    '',
  ]);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('XLSX', () => {
  it('reads the first visible sheet by default, and a chosen one by name or index', async () => {
    const bytes = await workbook();
    expect(await listSheets(bytes)).toEqual({ ok: true, sheets: ['Catatan', 'Tindak lanjut'] });
    expect(await listWorkbookSheets(bytes)).toEqual({
      ok: true,
      sheets: ['Catatan', 'Tindak lanjut'],
    });
    expect(await listWorkbookSheets(new TextEncoder().encode('a,b'))).toEqual({
      ok: false,
      problem: { code: 'wrongFormat', params: { expected: 'xlsx', found: 'other' } },
    });
    const first = await readTable(bytes, { name: 'data.xlsx' }, { resource: 'follow-ups' });
    expect(first).toMatchObject({
      ok: true,
      table: {
        format: 'xlsx',
        sheet: 'Catatan',
        sheets: ['Catatan', 'Tindak lanjut'],
        headerRow: 2,
        rows: [['Dari lembar pertama', 'Binzhou', 'Budi Santoso', { date: '2025-10-01' }]],
      },
    });
    const byName = await parseXlsx(bytes, { sheet: 'tindak lanjut' });
    expect(byName.ok && byName.table.sheet).toBe('Tindak lanjut');
    const byIndex = await parseXlsx(bytes, { sheet: 1 });
    expect(byIndex.ok && byIndex.table.headerRow).toBe(3);
    expect(await parseXlsx(bytes, { sheet: 'Rahasia' })).toEqual({
      ok: false,
      problem: { code: 'sheetNotFound', params: { sheet: 'Rahasia' } },
    });
  });

  it('reads date cells, serial numbers, text dates, formulas (their value), rich text and links', async () => {
    const preview = await previewImport(
      'follow-ups',
      await workbook(),
      {
        name: 'tl.xlsx',
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
      refs,
      { sheet: 'Tindak lanjut' },
    );
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.table.rows[0]?.[3]).toEqual({ date: '2025-09-22' });
    expect(preview.result.errors).toEqual([]);
    expect(
      preview.result.valid.map((v) => [
        v.row,
        v.input.title,
        v.input.dueDate,
        v.input.sectorIds,
        v.input.priority,
      ]),
    ).toEqual([
      [4, 'Forum teknis', '2025-09-22', ['education', 'msme'], 'high'],
      [5, 'Paket promosi', '2025-08-22', ['tourism'], 'low'],
      [6, 'Program pemuda', '2025-09-22', ['youth'], 'normal'],
      [7, 'Agenda bersama', '2025-11-14', [], 'normal'],
      // A text cell that looks like a formula stays text.
      [8, '=HYPERLINK("http://evil.example","klik")', '2025-12-01', [], 'normal'],
    ]);
    expect(
      preview.result.valid.every((v) => v.input.partnershipId === BINZHOU_PARTNERSHIP.id),
    ).toBe(true);
    expect(preview.result.valid[1]?.input.ownerId).toBe(IDS.officer2);
  });

  it("keeps a date cell's time of day, and never runs a formula without a cached value", () => {
    expect(toCell(new Date(Date.UTC(2025, 8, 22, 9, 30)))).toEqual({
      date: '2025-09-22',
      time: '09:30',
    });
    expect(toCell({ formula: 'NOW()' })).toBeNull();
    expect(toCell({ error: '#N/A' })).toBe('#N/A');
  });

  it('refuses a sheet 10,000 columns wide', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Lebar');
    sheet.addRow(Array.from({ length: 10_000 }, (_, i) => `k${i}`));
    sheet.addRow([1, 2]);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    expect(await parseXlsx(bytes)).toEqual({
      ok: false,
      problem: { code: 'tooManyColumns', params: { max: 200, found: 10_000, row: 1 } },
    });
  });

  it('refuses duplicated headers and an empty workbook', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Kosong');
    const dup = book.addWorksheet('Ganda');
    dup.addRow(['Judul', 'Status', 'JUDUL']);
    dup.addRow(['a', 'b', 'c']);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    expect(await parseXlsx(bytes)).toEqual({ ok: false, problem: { code: 'empty' } });
    expect(await parseXlsx(bytes, { sheet: 'Ganda' })).toEqual({
      ok: false,
      problem: { code: 'duplicateHeader', params: { header: 'JUDUL', columns: 'A, C' } },
    });
  });

  it('validates a workbook of rows with progress', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('TL');
    sheet.addRow(['Judul', 'Kemitraan', 'Penanggung jawab', 'Tenggat']);
    for (let i = 0; i < 2000; i += 1)
      sheet.addRow([
        `Tindak lanjut ${i}`,
        'Binzhou',
        'Budi Santoso',
        new Date(Date.UTC(2026, 0, 1 + (i % 300))),
      ]);
    const read = await parseXlsx(new Uint8Array(await book.xlsx.writeBuffer()), {
      sliceMs: 0,
      onProgress: () => undefined,
    });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const result = await validateRows(
      'follow-ups',
      read.table,
      autoMap('follow-ups', read.table.headers),
      refs,
    );
    expect(result.valid).toHaveLength(2000);
    expect(result.valid[299]?.input.dueDate).toBe('2026-10-27');
  });
});

describe('the XLSX reader stays out of the first route', () => {
  it('is loaded by no module of the import core at start (xlsx.ts loads it with import())', () => {
    const dir = new URL('../../src/domain/import/', import.meta.url);
    for (const file of [
      'index.ts',
      'run.ts',
      'csv.ts',
      'table.ts',
      'validate.ts',
      'values.ts',
      'mapping.ts',
    ]) {
      const source = readFileSync(new URL(file, dir), 'utf8');
      // A type-only import or export is erased: it loads nothing.
      expect(source, file).not.toMatch(
        /^(import|export) (?!type )[^;]*from ['"](exceljs|\.\/xlsx)['"]/m,
      );
    }
    const xlsx = readFileSync(new URL('xlsx.ts', dir), 'utf8');
    expect(xlsx).toMatch(/^import type \{[^}]*\} from 'exceljs';$/m);
    expect(xlsx).toContain("await import('exceljs')");
  });
});
