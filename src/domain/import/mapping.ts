import { RESOURCE_FIELDS, headerIndex, type ImportResource } from './fields';
import type { MappingProblem } from './problems';
import { normalizeHeader } from './table';

/**
 * Which column feeds which field. Made automatically — a mapping the user saved for headers like
 * these first, then the header's name in either language — and then edited by the user.
 */
export type MappingSource = 'remembered' | 'automatic' | 'user' | 'none';

export type ColumnMapping = {
  column: number;
  header: string;
  /** The field this column fills, or null: not imported. */
  field: string | null;
  source: MappingSource;
};

export type Mapping = ColumnMapping[];

/** What the browser (or the user's settings) keeps between imports: normalized header → field. */
export type RememberedMapping = Record<string, string | null>;

/**
 * The mapping for a file's headers. A remembered choice wins (also "not imported", null); then a
 * header that names a field; a field is filled from one column only (the first that names it).
 */
export function autoMap(
  resource: ImportResource,
  headers: readonly string[],
  remembered: RememberedMapping = {},
): Mapping {
  const index = headerIndex(resource);
  const fields = new Set(RESOURCE_FIELDS[resource].map((field) => field.key));
  const taken = new Set<string>();
  const mapping: Mapping = headers.map((header, column) => ({
    column,
    header,
    field: null,
    source: 'none',
  }));
  // Remembered choices first, so that a name match cannot take their field.
  for (const entry of mapping) {
    const key = normalizeHeader(entry.header);
    if (!Object.hasOwn(remembered, key)) continue;
    const field = remembered[key] ?? null;
    if (field !== null && (!fields.has(field) || taken.has(field))) continue;
    entry.field = field;
    entry.source = 'remembered';
    if (field !== null) taken.add(field);
  }
  for (const entry of mapping) {
    if (entry.source !== 'none') continue;
    const field = index.get(normalizeHeader(entry.header));
    if (field === undefined || field === null || taken.has(field)) continue;
    entry.field = field;
    entry.source = 'automatic';
    taken.add(field);
  }
  return mapping;
}

/**
 * The user maps a column to a field (or to nothing). A field has one column: a column that had
 * this field loses it.
 */
export function setColumnField(mapping: Mapping, column: number, field: string | null): Mapping {
  return mapping.map((entry) => {
    if (entry.column === column) return { ...entry, field, source: 'user' };
    if (field !== null && entry.field === field) return { ...entry, field: null, source: 'user' };
    return entry;
  });
}

/** What to keep for next time: every header's choice, including "not imported". */
export function rememberMapping(
  mapping: Mapping,
  previous: RememberedMapping = {},
): RememberedMapping {
  const next: RememberedMapping = { ...previous };
  for (const entry of mapping) next[normalizeHeader(entry.header)] = entry.field;
  return next;
}

/** Problems of the mapping as a whole: no column matched, a required field without a column. */
export function mappingProblems(resource: ImportResource, mapping: Mapping): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const mapped = mapping.filter((entry) => entry.field !== null);
  if (mapped.length === 0) return [{ code: 'noColumnsMatched' }];
  const byField = new Map<string, number[]>();
  for (const entry of mapped)
    byField.set(entry.field as string, [
      ...(byField.get(entry.field as string) ?? []),
      entry.column,
    ]);
  for (const [field, columns] of byField)
    if (columns.length > 1) problems.push({ code: 'fieldMappedTwice', field, columns });
  for (const field of RESOURCE_FIELDS[resource]) {
    if (field.required && !byField.has(field.key))
      problems.push({ code: 'requiredFieldUnmapped', field: field.key });
  }
  return problems;
}

/** Field → column, for reading rows (the first column when a field is mapped twice). */
export function columnsByField(mapping: Mapping): Map<string, number> {
  const columns = new Map<string, number>();
  for (const entry of mapping)
    if (entry.field !== null && !columns.has(entry.field)) columns.set(entry.field, entry.column);
  return columns;
}
