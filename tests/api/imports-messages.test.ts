import { describe, expect, it } from 'vitest';
import { CELL_MESSAGES, describeCellError, SUMMARY_MESSAGES } from '../../src/domain/import/messages';
import { importEn } from '../../src/i18n/locales/import.en';
import { importId } from '../../src/i18n/locales/import.id';

/** The errors file and the UI take their sentences for cell errors from one place. */
describe('the errors file speaks as the UI does', () => {
  it('has the same sentences as the locale files', () => {
    expect(CELL_MESSAGES.id).toEqual(importId.import.cellError);
    expect(CELL_MESSAGES.en).toEqual(importEn.import.cellError);
    for (const [lang, locale] of [['id', importId], ['en', importEn]] as const) {
      expect(SUMMARY_MESSAGES[lang].cell).toBe(locale.import.summary.cell);
      expect(SUMMARY_MESSAGES[lang].row).toBe(locale.import.summary.row);
      expect(SUMMARY_MESSAGES[lang].reasonHeader).toBe(locale.import.errorsFile.reasonHeader);
    }
  });

  it('fills in the cell, the column header and the value', () => {
    const error = { row: 3, column: 1, field: 'partnership', code: 'unknownReference' as const, params: { value: 'Atlantis' } };
    expect(describeCellError('en', error, 'Kemitraan')).toBe(
      'Cell B3: "Atlantis" was not found in Mitra (Kemitraan). Check the spelling or add it first',
    );
    expect(describeCellError('id', { ...error, column: null, code: 'duplicateRow', params: { firstRow: 2 } }, undefined)).toBe(
      'Baris 3: Baris ini sama dengan baris 2',
    );
  });
});
