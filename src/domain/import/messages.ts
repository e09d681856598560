import { cellRef, type CellError, type CellErrorCode } from './problems';

/**
 * The sentences for a cell's (or row's) error, in both languages: one copy, used by the UI's
 * locale part (src/i18n/locales/import.*.ts: `import.cellError`, `import.summary`) and by the
 * errors file the API writes (GET /api/imports/:id/errors.csv?lang=), so both say the same.
 */
export const CELL_MESSAGES: Record<'id' | 'en', Record<CellErrorCode, string>> = {
  id: {
    required: 'Isi {{field}}',
    invalidType: '{{field}} berisi jenis nilai yang salah',
    tooShort: '{{field}} harus paling sedikit {{min}} karakter',
    tooLong: '{{field}} harus {{max}} karakter atau kurang',
    tooMany: '{{field}} paling banyak berisi {{max}} butir',
    tooSmall: '{{field}} paling sedikit {{min}}',
    tooBig: '{{field}} paling banyak {{max}}',
    invalidOption: '"{{value}}" bukan pilihan yang dikenal untuk {{field}}',
    invalidDate: '{{field}} harus tanggal yang benar, seperti 22/09/2025 atau 22 September 2025',
    invalidTime: '{{field}} harus jam seperti 09.30 atau 14:00',
    invalidUrl: '{{field}} harus alamat web yang diawali http:// atau https://',
    invalidEmail: '{{field}} harus alamat email seperti nama@tangerangkab.go.id',
    invalidCountry:
      '"{{value}}" bukan negara yang dikenal; tulis nama negara atau kode dua hurufnya, seperti CN',
    invalidTimeZone: '{{field}} harus zona waktu seperti Asia/Jakarta',
    invalidFormat: '{{field}} tidak dalam format yang benar',
    invalidNumber: '{{field}} harus angka, seperti 1.234,5',
    unknownField: '{{field}} tidak dapat diisi di sini',
    unknownReference:
      '"{{value}}" tidak ditemukan di Mitra ({{field}}). Periksa ejaannya atau tambahkan dulu datanya',
    ambiguousReference:
      '"{{value}}" cocok dengan lebih dari satu data ({{candidates}}). Tulis lebih lengkap, misalnya dengan alamat email',
    dueDateRequired: 'Tindak lanjut yang belum selesai perlu tenggat',
    dueBeforeMeeting: 'Tenggat tidak boleh sebelum tanggal pertemuan',
    reasonRequired: 'Beri alasan bila tindak lanjut terhambat',
    partnerRequired: 'Isi daerah mitra atau organisasi mitra (salah satu)',
    partnerConflict: 'Isi daerah mitra atau organisasi mitra, tidak keduanya',
    affiliationRequired: 'Isi daerah atau organisasi asal orang ini',
    dateOrder: 'Tanggal berakhir harus sesudah tanggal mulai',
    duplicate: 'Nilai ini sudah dipakai',
    duplicateRow: 'Baris ini sama dengan baris {{firstRow}}',
    invalid: '{{field}} tidak valid',
  },
  en: {
    required: 'Enter {{field}}',
    invalidType: '{{field}} has the wrong type of value',
    tooShort: '{{field}} must be {{min}} characters or more',
    tooLong: '{{field}} must be {{max}} characters or fewer',
    tooMany: '{{field}} can have {{max}} entries at most',
    tooSmall: '{{field}} must be at least {{min}}',
    tooBig: '{{field}} must be at most {{max}}',
    invalidOption: '"{{value}}" is not a known option for {{field}}',
    invalidDate: '{{field}} must be a real date, like 22/09/2025 or 22 September 2025',
    invalidTime: '{{field}} must be a time like 09:30 or 14:00',
    invalidUrl: '{{field}} must be a web address starting with http:// or https://',
    invalidEmail: '{{field}} must be an email address like name@example.org',
    invalidCountry:
      '"{{value}}" is not a known country; write the country’s name or its two-letter code, like CN',
    invalidTimeZone: '{{field}} must be a time zone like Asia/Jakarta',
    invalidFormat: '{{field}} is not in the right format',
    invalidNumber: '{{field}} must be a number, like 1,234.5',
    unknownField: '{{field}} cannot be set here',
    unknownReference:
      '"{{value}}" was not found in Mitra ({{field}}). Check the spelling or add it first',
    ambiguousReference:
      '"{{value}}" matches more than one record ({{candidates}}). Be more specific, for example with an email address',
    dueDateRequired: 'A follow-up that is not finished needs a due date',
    dueBeforeMeeting: 'The due date cannot be before the meeting date',
    reasonRequired: 'Give a reason when a follow-up is blocked',
    partnerRequired: 'Enter a partner region or a partner organisation (one of them)',
    partnerConflict: 'Enter a partner region or a partner organisation, not both',
    affiliationRequired: 'Enter the region or organisation this person belongs to',
    dateOrder: 'The end date must be after the start date',
    duplicate: 'This value is already used',
    duplicateRow: 'This row repeats row {{firstRow}}',
    invalid: '{{field}} is not valid',
  },
};

export const SUMMARY_MESSAGES = {
  id: { cell: 'Sel {{cell}}: {{message}}', row: 'Baris {{row}}: {{message}}', reasonHeader: 'Alasan' },
  en: { cell: 'Cell {{cell}}: {{message}}', row: 'Row {{row}}: {{message}}', reasonHeader: 'Reason' },
} as const;

const fill = (template: string, params: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => (Object.hasOwn(params, key) ? String(params[key]) : whole));

/** One error as the UI's summary says it: "Sel B3: "Atlantis" tidak ditemukan di Mitra (Kemitraan)…". */
export function describeCellError(lang: 'id' | 'en', error: CellError, header: string | undefined): string {
  const message = fill(CELL_MESSAGES[lang][error.code], { ...(error.params ?? {}), field: header ?? error.field });
  return error.column === null
    ? fill(SUMMARY_MESSAGES[lang].row, { row: error.row, message })
    : fill(SUMMARY_MESSAGES[lang].cell, { cell: cellRef(error), message });
}
