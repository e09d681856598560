import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { importEn } from '@/i18n/locales/import.en';
import { importId } from '@/i18n/locales/import.id';
import {
  autoMap,
  CELL_ERROR_CODES,
  FILE_PROBLEM_CODES,
  IMPORT_RESOURCES,
  MAPPING_PROBLEM_CODES,
  parseCsv,
  RESOURCE_FIELDS,
  validateRows,
  type CellError,
} from '../../src/domain/import';
import { demoSnapshot } from '../../mocks/demo-data';

type Tree = { readonly [key: string]: unknown };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [p, v] of leaves(value as Tree, path)) out.set(p, v);
  }
  return out;
}

const placeholders = (text: string): string[] =>
  [...new Set([...text.matchAll(/\{\{\s*([^},\s]+)[^}]*\}\}/g)].map((m) => m[1] ?? ''))].sort();

describe('the import strings', () => {
  const id = leaves(importId);
  const en = leaves(importEn);

  it('have the same keys and placeholders in both languages, none empty', () => {
    expect([...id.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [key, text] of id) {
      expect(text.trim(), key).not.toBe('');
      expect(placeholders(en.get(key) ?? ''), key).toEqual(placeholders(text));
    }
  });

  it('name every problem, error code and field the import can report', () => {
    for (const strings of [importId, importEn]) {
      for (const code of FILE_PROBLEM_CODES)
        expect(strings.import.fileProblem[code], code).toBeTruthy();
      for (const code of MAPPING_PROBLEM_CODES)
        expect(strings.import.mappingProblem[code], code).toBeTruthy();
      for (const code of CELL_ERROR_CODES)
        expect(strings.import.cellError[code], code).toBeTruthy();
      for (const resource of IMPORT_RESOURCES) {
        expect(strings.import.resources[resource]).toBeTruthy();
        for (const field of RESOURCE_FIELDS[resource])
          expect(
            (strings.import.fields as Record<string, string>)[field.key],
            field.key,
          ).toBeTruthy();
      }
    }
  });

  it('use only the parameters the errors carry (and the field label the UI adds)', async () => {
    const snapshot = demoSnapshot();
    const refs = {
      sectors: snapshot.sectors,
      users: snapshot.users,
      regions: snapshot.regions,
      organizations: snapshot.organizations,
      people: snapshot.people,
      partnerships: snapshot.partnerships,
      meetings: snapshot.meetings,
    };
    const rows = [
      ['ID', 'Judul', 'Kemitraan', 'Penanggung jawab', 'Tenggat', 'Sektor', 'Status'],
      ['a', '', 'Atlantis', 'Joko', '31/02/2025', 'Sihir', 'Mungkin'],
      ['b', 'x'.repeat(300), 'Binzhou', 'Budi Santoso', '', '', 'Terbuka'],
      ['b', 'Dua', 'Binzhou', 'Budi Santoso', '01/01/2026', '', 'Terbuka'],
    ];
    const table = await parseCsv(Papa.unparse(rows));
    if (!table.ok) throw new Error(table.problem.code);
    const { errors } = await validateRows(
      'follow-ups',
      table.table,
      autoMap('follow-ups', table.table.headers),
      refs,
    );
    expect(errors.length).toBeGreaterThan(6);
    const check = (error: CellError) => {
      for (const name of placeholders(importId.import.cellError[error.code])) {
        if (name === 'field') continue;
        expect(error.params, `${error.code} needs {{${name}}}`).toHaveProperty(name);
      }
    };
    errors.forEach(check);
  });
});
