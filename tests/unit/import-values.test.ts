import { describe, expect, it } from 'vitest';
import {
  excelSerialToIso,
  parseBoolean,
  parseDate,
  parseList,
  parseNumber,
  parseText,
  parseTime,
} from '../../src/domain/import';

const date = (text: string) => parseDate(text);

describe('dates as offices type them', () => {
  it.each([
    ['22/09/2025', '2025-09-22'],
    ['22-9-2025', '2025-09-22'],
    ['2-9-2025', '2025-09-02'],
    ['22.09.2025', '2025-09-22'],
    ['2025-09-22', '2025-09-22'],
    ['2025/9/22', '2025-09-22'],
    ['22/09/25', '2025-09-22'],
    ['22 September 2025', '2025-09-22'],
    ['22 Sep 2025', '2025-09-22'],
    ['22 Sept. 2025', '2025-09-22'],
    ['22 Agustus 2025', '2025-08-22'],
    ['22 Agu 2025', '2025-08-22'],
    ['22 Agt 2025', '2025-08-22'],
    ['1 Mei 2026', '2026-05-01'],
    ['5 Oktober 2025', '2025-10-05'],
    ['17 Des 2025', '2025-12-17'],
    ['22-Sep-2025', '2025-09-22'],
    ['Senin, 22 September 2025', '2025-09-22'],
    ['Monday, 22 September 2025', '2025-09-22'],
    ['September 22, 2025', '2025-09-22'],
    ['  22 SEPTEMBER 2025 ', '2025-09-22'],
    ['2025-09-22T08:00:00.000Z', '2025-09-22'],
    ['45922', '2025-09-22'],
  ])('%s is %s', (text, iso) => {
    expect(date(text)).toEqual({ value: iso });
  });

  it('takes a workbook date cell and an Excel serial number as they are', () => {
    expect(parseDate({ date: '2025-09-22' })).toEqual({ value: '2025-09-22' });
    expect(parseDate(45922)).toEqual({ value: '2025-09-22' });
    expect(excelSerialToIso(45658)).toBe('2025-01-01');
    expect(excelSerialToIso(61)).toBeUndefined();
  });

  it.each([
    '31/02/2025',
    '09/22/2025',
    '22 Septober 2025',
    'besok',
    '2025-13-01',
    '22/09',
    '1.234',
    '123',
  ])('%s is not a date', (text) => {
    expect(date(text)).toEqual({ error: 'invalidDate' });
  });

  it('leaves an empty cell empty', () => {
    expect(parseDate(null)).toBeUndefined();
    expect(parseDate('  ')).toBeUndefined();
  });
});

describe('times', () => {
  it.each([
    ['9:30', '09:30'],
    ['09.30', '09:30'],
    ['14:00 WIB', '14:00'],
    ['23:59:00', '23:59'],
  ])('%s is %s', (text, value) => {
    expect(parseTime(text)).toEqual({ value });
  });
  it('reads Excel times and refuses nonsense', () => {
    expect(parseTime(0.5)).toEqual({ value: '12:00' });
    expect(parseTime({ date: '2025-09-22', time: '10:15' })).toEqual({ value: '10:15' });
    expect(parseTime('25:00')).toEqual({ error: 'invalidTime' });
    expect(parseTime('pagi')).toEqual({ error: 'invalidTime' });
  });
});

describe('numbers with Indonesian or English separators', () => {
  it.each([
    ['1.234,5', 1234.5],
    ['1.234.567', 1234567],
    ['1.234', 1234],
    ['1234,5', 1234.5],
    ['-6,2', -6.2],
    ['-6.17', -6.17],
    ['1,234.5', 1234.5],
    ['1,234,567', 1234567],
    ['106,6', 106.6],
    ['0', 0],
    ['+62', 62],
  ])('%s is %d', (text, value) => {
    expect(parseNumber(text)).toEqual({ value });
  });
  it.each(['12a', '1,2,3', 'satu', '--1', '.'])('%s is not a number', (text) => {
    expect(parseNumber(text)).toEqual({ error: 'invalidNumber' });
  });
  it('takes workbook numbers as they are', () => {
    expect(parseNumber(1234.5)).toEqual({ value: 1234.5 });
    expect(parseNumber(null)).toBeUndefined();
  });
});

describe('lists in one cell', () => {
  it('splits on semicolons and line breaks first, commas otherwise', () => {
    expect(parseList('Pendidikan; UMKM')).toEqual(['Pendidikan', 'UMKM']);
    expect(parseList('Pendidikan, UMKM')).toEqual(['Pendidikan', 'UMKM']);
    expect(parseList('Pendidikan\nUMKM\n')).toEqual(['Pendidikan', 'UMKM']);
    expect(parseList('Dinas A, bagian B; Dinas C')).toEqual(['Dinas A, bagian B', 'Dinas C']);
    expect(parseList('UMKM;; UMKM ;')).toEqual(['UMKM']);
    expect(parseList('Sepakat, lalu menyusun agenda', false)).toEqual([
      'Sepakat, lalu menyusun agenda',
    ]);
    expect(parseList(null)).toEqual([]);
  });
});

describe('text', () => {
  it('keeps formula-looking cells and HTML as plain text, exactly', () => {
    for (const text of [
      '=HYPERLINK("http://evil.example","klik")',
      '+62 21 5550 123',
      '-tindak lanjut',
      '@tangerang',
      '<b>Rapat</b><script>alert(1)</script>',
    ]) {
      expect(parseText(text)).toBe(text);
    }
  });
  it("undoes the quote Mitra's export puts before a formula-looking cell, and nothing else", () => {
    expect(parseText('\'=HYPERLINK("x")')).toBe('=HYPERLINK("x")');
    expect(parseText("'-tindak")).toBe('-tindak');
    expect(parseText("'Rapat")).toBe("'Rapat");
    expect(parseText("Jum'at")).toBe("Jum'at");
  });
  it('trims, keeps line breaks as LF, and reads empty cells as nothing', () => {
    expect(parseText('  Rapat\r\nteknis  ')).toBe('Rapat\nteknis');
    expect(parseText('   ')).toBeUndefined();
    expect(parseText(12)).toBe('12');
  });
  it('reads yes and no in both languages', () => {
    expect(parseBoolean('Ya')).toBe(true);
    expect(parseBoolean('tidak')).toBe(false);
    expect(parseBoolean('yes')).toBe(true);
    expect(parseBoolean('mungkin')).toBeUndefined();
  });
});
