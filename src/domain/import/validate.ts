import type { z } from 'zod';
import type { FollowUpInput } from '../follow-up';
import type { MeetingInput } from '../meeting';
import type { OrganizationInput } from '../organization';
import type { PartnershipInput } from '../partnership';
import type { PersonInput } from '../person';
import type { RegionInput, RegionLevel } from '../region';
import {
  followUpInput,
  meetingInput,
  organizationInput,
  partnershipInput,
  personInput,
  regionInput,
  toFieldErrors,
} from '../schemas';
import { RESOURCE_FIELDS, type FieldDef, type ImportResource } from './fields';
import { LEVEL_WORDS, type OptionKind } from './labels';
import { columnsByField, type Mapping } from './mapping';
import { isCellErrorCode, type CellError, type CellErrorCode, type Params } from './problems';
import { Slicer, type RunOptions } from './progress';
import {
  createReferenceMatcher,
  matchCountry,
  matchOption,
  normalizeName,
  type Match,
  type ReferenceData,
  type ReferenceMatcher,
} from './reference';
import type { Cell, Table } from './table';
import { parseDate, parseList, parseText, parseTime } from './values';

/** Stands for the partner region or organisation a partnership row creates (see `newPartner`). */
export const NEW_PARTNER_REF = 'new:partner';

type Valid<I> = {
  /** The spreadsheet row. */
  row: number;
  /** The row's index among the table's data rows. */
  index: number;
  /** A Mitra id from the file: the row updates that record. */
  id?: string;
  /** The domain input, as the zod input schema accepts it (defaults filled in). */
  input: I;
  /** The natural key the row is matched on when it has no id (also for repeats within the file). */
  key: string;
};

export type FollowUpRow = Valid<FollowUpInput>;
export type PersonRow = Valid<PersonInput>;
export type MeetingRow = Valid<MeetingInput>;
export type PartnershipRow = Valid<PartnershipInput> & {
  /**
   * A partner the row names that is not in Mitra yet: created with the partnership. The input's
   * partnerRegionId or partnerOrganizationId is then NEW_PARTNER_REF; `key` names the new partner
   * so that rows naming the same one create it once.
   */
  newPartner?:
    | { kind: 'region'; input: RegionInput; key: string }
    | { kind: 'organization'; input: OrganizationInput; key: string };
};

export type ImportRowOf = {
  'follow-ups': FollowUpRow;
  partnerships: PartnershipRow;
  people: PersonRow;
  meetings: MeetingRow;
};

export type ValidationResult<R extends ImportResource> = {
  resource: R;
  total: number;
  valid: Array<ImportRowOf[R]>;
  /** Indexes (into the table's rows) of the rows with at least one error. */
  invalid: number[];
  errors: CellError[];
};

/** Reads one row's cells by field, converting and collecting errors on the way. */
class RowReader {
  readonly errors: CellError[] = [];
  /** Fields already in error (a list: rows have few errors, and most have none). */
  private readonly failed: string[] = [];

  constructor(
    private readonly cells: readonly Cell[],
    readonly row: number,
    private readonly columns: Map<string, number>,
    readonly refs: ReferenceMatcher,
  ) {}

  cell(field: string): Cell {
    const column = this.columns.get(field);
    return column === undefined ? null : (this.cells[column] ?? null);
  }

  column(field: string): number | null {
    return this.columns.get(field) ?? null;
  }

  error(field: string, code: CellErrorCode, params?: Params): undefined {
    if (this.failed.includes(field)) return undefined;
    this.failed.push(field);
    const error: CellError = { row: this.row, column: this.column(field), field, code };
    if (params && Object.keys(params).length > 0) error.params = params;
    this.errors.push(error);
    return undefined;
  }

  /** The errors in the order of the columns (row-wide ones last), as the summary lists them. */
  sorted(): CellError[] {
    return [...this.errors].sort((a, b) => (a.column ?? Infinity) - (b.column ?? Infinity));
  }

  hasError(field: string): boolean {
    return this.failed.includes(field);
  }

  text(field: string): string | undefined {
    return parseText(this.cell(field));
  }

  date(field: string): string | undefined {
    const parsed = parseDate(this.cell(field));
    if (parsed === undefined) return undefined;
    return 'value' in parsed
      ? parsed.value
      : this.error(field, parsed.error, { value: this.raw(field) });
  }

  time(field: string): string | undefined {
    const parsed = parseTime(this.cell(field));
    if (parsed === undefined) return undefined;
    return 'value' in parsed
      ? parsed.value
      : this.error(field, parsed.error, { value: this.raw(field) });
  }

  option<K extends OptionKind>(field: string, kind: K) {
    const text = this.text(field);
    if (text === undefined) return undefined;
    return matchOption(kind, text) ?? this.error(field, 'invalidOption', { value: text });
  }

  /** One reference: an id, or an error on the cell. */
  ref(field: string, find: (text: string) => Match): string | undefined {
    const text = this.text(field);
    if (text === undefined) return undefined;
    return this.resolve(field, text, find(text));
  }

  /** A list of references in one cell ("Pendidikan; UMKM"): ids, or an error naming the first bad one. */
  refs_(field: string, find: (text: string) => Match): string[] {
    const ids: string[] = [];
    for (const item of parseList(this.cell(field))) {
      const id = this.resolve(field, item, find(item));
      if (id === undefined) return [];
      if (!ids.includes(id)) ids.push(id);
    }
    return ids;
  }

  resolve(field: string, text: string, match: Match): string | undefined {
    if ('id' in match) return match.id;
    return this.error(
      field,
      match.error,
      match.candidates ? { value: text, candidates: match.candidates.join(', ') } : { value: text },
    );
  }

  private raw(field: string): string {
    const cell = this.cell(field);
    return cell === null ? '' : typeof cell === 'object' ? cell.date : String(cell);
  }

  /** Zod's errors for the input, on the fields' cells (a field already in error keeps its first). */
  schemaErrors(
    error: z.ZodError,
    fieldOfPath: (path: string) => string,
    skip?: (path: string) => boolean,
  ): void {
    for (const fieldError of toFieldErrors(error)) {
      if (skip?.(fieldError.path)) continue;
      const field = fieldOfPath(fieldError.path);
      const code: CellErrorCode = isCellErrorCode(fieldError.code) ? fieldError.code : 'invalid';
      this.error(field, code, fieldError.params);
    }
  }
}

/** Drops undefined values (the schemas are strict about keys but take missing optionals). */
function compact<T extends Record<string, unknown>>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const key in value) if (value[key] !== undefined) out[key] = value[key];
  return out as T;
}

function pathMapper(map: Record<string, string>): (path: string) => string {
  return (path) => {
    const top = path.split('.')[0] ?? path;
    return map[path] ?? map[top] ?? top;
  };
}

function validateFollowUp(r: RowReader): Omit<FollowUpRow, 'row' | 'index'> | undefined {
  const id = r.text('id');
  const candidate = compact({
    title: r.text('title'),
    description: r.text('description'),
    status: r.option('status', 'status'),
    priority: r.option('priority', 'priority'),
    partnershipId: r.ref('partnership', r.refs.partnership),
    ownerId: r.ref('owner', r.refs.user),
    dueDate: r.date('dueDate'),
    sectorIds: r.refs_('sectors', r.refs.sector),
    meetingId: r.ref('meeting', r.refs.meeting),
  });
  const parsed = followUpInput.safeParse(candidate);
  if (!parsed.success) {
    r.schemaErrors(
      parsed.error,
      pathMapper({
        ownerId: 'owner',
        partnershipId: 'partnership',
        meetingId: 'meeting',
        sectorIds: 'sectors',
      }),
    );
  }
  if (r.errors.length > 0 || !parsed.success) return undefined;
  const input = parsed.data;
  return {
    ...(id ? { id } : {}),
    input,
    key: `${normalizeName(input.title)}|${input.partnershipId}|${input.dueDate ?? ''}`,
  };
}

function validatePerson(r: RowReader): Omit<PersonRow, 'row' | 'index'> | undefined {
  const id = r.text('id');
  const candidate = compact({
    name: r.text('name'),
    position: r.text('position'),
    regionId: r.ref('region', r.refs.region),
    organizationId: r.ref('organization', r.refs.organization),
    email: r.text('email'),
    phone: r.text('phone'),
  });
  const parsed = personInput.safeParse(candidate);
  if (!parsed.success) {
    const map = pathMapper({ regionId: 'region', organizationId: 'organization' });
    // "Belongs to no region or organisation" is about the row: put it on whichever is mapped.
    r.schemaErrors(parsed.error, (path) =>
      path === 'regionId' && r.column('region') === null && r.column('organization') !== null
        ? 'organization'
        : map(path),
    );
  }
  if (r.errors.length > 0 || !parsed.success) return undefined;
  const input = parsed.data;
  const key = input.email
    ? `email:${input.email.toLowerCase()}`
    : `name:${normalizeName(input.name)}|${input.organizationId ?? input.regionId ?? ''}`;
  return { ...(id ? { id } : {}), input, key };
}

function validateMeeting(r: RowReader): Omit<MeetingRow, 'row' | 'index'> | undefined {
  const id = r.text('id');
  const url = r.text('sourceUrl');
  const publisher = r.text('publisher');
  const candidate = compact({
    partnershipId: r.ref('partnership', r.refs.partnership),
    kind: r.option('kind', 'meetingKind'),
    title: r.text('title'),
    date: r.date('date'),
    time: r.time('time'),
    timeZone: r.text('timeZone'),
    place: r.text('place'),
    hostLeadId: r.ref('hostLead', r.refs.person),
    delegationLeadId: r.ref('delegationLead', r.refs.person),
    facilitatorIds: r.refs_('facilitators', r.refs.organization),
    sectorIds: r.refs_('sectors', r.refs.sector),
    summary: r.text('summary'),
    outcomes: parseList(r.cell('outcomes'), false),
    source: url || publisher ? compact({ url, publisher }) : undefined,
  });
  const parsed = meetingInput.safeParse(candidate);
  if (!parsed.success) {
    r.schemaErrors(
      parsed.error,
      pathMapper({
        partnershipId: 'partnership',
        hostLeadId: 'hostLead',
        delegationLeadId: 'delegationLead',
        facilitatorIds: 'facilitators',
        sectorIds: 'sectors',
        'source.url': 'sourceUrl',
        'source.publisher': 'publisher',
      }),
    );
  }
  if (r.errors.length > 0 || !parsed.success) return undefined;
  const input = parsed.data;
  return {
    ...(id ? { id } : {}),
    input,
    key: `${input.partnershipId}|${input.date}|${normalizeName(input.title)}`,
  };
}

/** "Kota Binzhou", "Binzhou City": the level said in the name, and the name without it. */
function splitLevel(name: string): { name: string; level?: RegionLevel } {
  for (const level of Object.keys(LEVEL_WORDS) as RegionLevel[]) {
    if (level === 'country') continue;
    for (const word of LEVEL_WORDS[level].id) {
      const match = new RegExp(`^${word}\\.?\\s+(.+)$`, 'i').exec(name);
      if (match) return { name: (match[1] as string).trim(), level };
    }
    for (const word of LEVEL_WORDS[level].en) {
      const match = new RegExp(`^(.+?)\\s+${word}$`, 'i').exec(name);
      if (match) return { name: (match[1] as string).trim(), level };
    }
  }
  return { name };
}

const PARTNER_FIELDS = [
  'partnerRegion',
  'partnerOrganization',
  'partnerCountry',
  'partnerLevel',
  'partnerLocalName',
  'partnerProvince',
  'partnerOrganizationKind',
];

function validatePartnership(r: RowReader): Omit<PartnershipRow, 'row' | 'index'> | undefined {
  const id = r.text('id');
  // The home region: named, or the only one there is.
  let homeRegionId = r.ref('homeRegion', r.refs.region);
  if (homeRegionId === undefined && !r.hasError('homeRegion')) {
    if (r.refs.homeRegions.length === 1) homeRegionId = r.refs.homeRegions[0];
    else r.error('homeRegion', 'required');
  }
  // The partner: a region or an organisation, matched or new.
  const regionName = r.text('partnerRegion');
  const organizationName = r.text('partnerOrganization');
  let partnerRegionId: string | undefined;
  let partnerOrganizationId: string | undefined;
  let newPartner: PartnershipRow['newPartner'];
  if (regionName !== undefined && organizationName !== undefined) {
    r.error('partnerOrganization', 'partnerConflict');
  } else if (regionName !== undefined) {
    const countryText = r.text('partnerCountry');
    const countryCode = countryText === undefined ? undefined : matchCountry(countryText);
    if (countryText !== undefined && countryCode === undefined)
      r.error('partnerCountry', 'invalidCountry', { value: countryText });
    const givenLevel = r.option('partnerLevel', 'level');
    const split = splitLevel(regionName);
    const level = givenLevel ?? split.level;
    const name = givenLevel !== undefined && split.level !== givenLevel ? regionName : split.name;
    if (countryCode === undefined) {
      if (!r.hasError('partnerCountry')) {
        const match = r.refs.region(regionName);
        if ('id' in match) partnerRegionId = match.id;
        else if (match.error === 'ambiguousReference')
          r.resolve('partnerRegion', regionName, match);
        else r.error('partnerCountry', 'required');
      }
    } else {
      const match = r.refs.regionIn(name, countryCode, level);
      if ('id' in match) partnerRegionId = match.id;
      else if (match.error === 'ambiguousReference') r.resolve('partnerRegion', regionName, match);
      else {
        const candidate = compact({
          name,
          localName: r.text('partnerLocalName'),
          level,
          countryCode,
          province: r.text('partnerProvince'),
          role: 'partner' as const,
        });
        const parsed = regionInput.safeParse(candidate);
        if (parsed.success) {
          partnerRegionId = NEW_PARTNER_REF;
          newPartner = {
            kind: 'region',
            input: parsed.data,
            key: `region:${normalizeName(name)}|${countryCode}|${level ?? ''}`,
          };
        } else {
          r.schemaErrors(
            parsed.error,
            pathMapper({
              name: 'partnerRegion',
              localName: 'partnerLocalName',
              level: 'partnerLevel',
              countryCode: 'partnerCountry',
              province: 'partnerProvince',
            }),
          );
        }
      }
    }
  } else if (organizationName !== undefined) {
    const match = r.refs.organization(organizationName);
    if ('id' in match) partnerOrganizationId = match.id;
    else if (match.error === 'ambiguousReference')
      r.resolve('partnerOrganization', organizationName, match);
    else {
      const kind = r.option('partnerOrganizationKind', 'organizationKind') ?? 'other';
      const parsed = organizationInput.safeParse({ name: organizationName, kind });
      if (parsed.success) {
        partnerOrganizationId = NEW_PARTNER_REF;
        newPartner = {
          kind: 'organization',
          input: parsed.data,
          key: `organization:${normalizeName(organizationName)}`,
        };
      } else {
        r.schemaErrors(
          parsed.error,
          pathMapper({ name: 'partnerOrganization', kind: 'partnerOrganizationKind' }),
        );
      }
    }
  }
  const candidate = compact({
    homeRegionId,
    partnerRegionId,
    partnerOrganizationId,
    type: r.option('type', 'partnershipType'),
    stage: r.option('stage', 'stage'),
    stageDate: r.date('stageDate'),
    focusSectorIds: r.refs_('focusSectors', r.refs.sector),
    facilitatorIds: r.refs_('facilitators', r.refs.organization),
    coordinatorId: r.ref('coordinator', r.refs.user),
    agreements: compact({
      loiDate: r.date('loiDate'),
      mouSignedDate: r.date('mouSignedDate'),
      mouExpiresDate: r.date('mouExpiresDate'),
    }),
    notes: r.text('notes'),
  });
  const parsed = partnershipInput.safeParse(candidate);
  // A partner cell already in error says why there is no partner: "partner required" would repeat it.
  const partnerFailed = PARTNER_FIELDS.some((field) => r.hasError(field));
  if (!parsed.success) {
    r.schemaErrors(
      parsed.error,
      pathMapper({
        homeRegionId: 'homeRegion',
        partnerRegionId:
          r.column('partnerRegion') === null && r.column('partnerOrganization') !== null
            ? 'partnerOrganization'
            : 'partnerRegion',
        partnerOrganizationId: 'partnerOrganization',
        focusSectorIds: 'focusSectors',
        facilitatorIds: 'facilitators',
        coordinatorId: 'coordinator',
        'agreements.loiDate': 'loiDate',
        'agreements.mouSignedDate': 'mouSignedDate',
        'agreements.mouExpiresDate': 'mouExpiresDate',
      }),
      (path) => partnerFailed && (path === 'partnerRegionId' || path === 'partnerOrganizationId'),
    );
  }
  if (r.errors.length > 0 || !parsed.success) return undefined;
  const input = parsed.data;
  const partnerKey = newPartner?.key ?? input.partnerRegionId ?? input.partnerOrganizationId ?? '';
  return {
    ...(id ? { id } : {}),
    input,
    key: `${input.homeRegionId}|${partnerKey}`,
    ...(newPartner ? { newPartner } : {}),
  };
}

const VALIDATORS: {
  [R in ImportResource]: (r: RowReader) => Omit<ImportRowOf[R], 'row' | 'index'> | undefined;
} = {
  'follow-ups': validateFollowUp,
  partnerships: validatePartnership,
  people: validatePerson,
  meetings: validateMeeting,
};

/** The required fields the mapping leaves without a column: an error on every row. */
function unmappedRequired(resource: ImportResource, columns: Map<string, number>): FieldDef[] {
  return RESOURCE_FIELDS[resource].filter((field) => field.required && !columns.has(field.key));
}

function toMatcher(refs: ReferenceData | ReferenceMatcher): ReferenceMatcher {
  return 'sector' in refs && typeof refs.sector === 'function'
    ? (refs as ReferenceMatcher)
    : createReferenceMatcher(refs as ReferenceData);
}

/**
 * Validates one data row of the table: the domain input when the row is valid, else its errors
 * (one per cell at most, each on the column it comes from).
 */
export function validateRow<R extends ImportResource>(
  resource: R,
  table: Pick<Table, 'rows' | 'rowNumbers'>,
  index: number,
  mapping: Mapping,
  refs: ReferenceData | ReferenceMatcher,
): { ok: true; value: ImportRowOf[R] } | { ok: false; errors: CellError[] } {
  const columns = columnsByField(mapping);
  const reader = new RowReader(
    table.rows[index] ?? [],
    table.rowNumbers[index] ?? index + 1,
    columns,
    toMatcher(refs),
  );
  for (const field of unmappedRequired(resource, columns)) reader.error(field.key, 'required');
  const value = VALIDATORS[resource](reader);
  if (value === undefined || reader.errors.length > 0)
    return { ok: false, errors: reader.sorted() };
  return { ok: true, value: { ...value, row: reader.row, index } as ImportRowOf[R] };
}

/**
 * Validates every row, a slice at a time (see progress.ts): the valid rows' domain inputs and
 * every cell error. A row that repeats an earlier row's id or natural key is an error
 * (`duplicateRow`, naming the earlier row): importing it would change the same record twice.
 */
export async function validateRows<R extends ImportResource>(
  resource: R,
  table: Pick<Table, 'rows' | 'rowNumbers'>,
  mapping: Mapping,
  refs: ReferenceData | ReferenceMatcher,
  options: RunOptions = {},
): Promise<ValidationResult<R>> {
  const matcher = toMatcher(refs);
  const columns = columnsByField(mapping);
  const missing = unmappedRequired(resource, columns);
  const validator = VALIDATORS[resource];
  const total = table.rows.length;
  const result: ValidationResult<R> = { resource, total, valid: [], invalid: [], errors: [] };
  const seen = new Map<string, number>();
  const slicer = new Slicer(options, 'validate');
  for (let index = 0; index < total; index += 1) {
    const row = table.rowNumbers[index] ?? index + 1;
    const reader = new RowReader(table.rows[index] ?? [], row, columns, matcher);
    for (const field of missing) reader.error(field.key, 'required');
    const value = validator(reader);
    if (value !== undefined && reader.errors.length === 0) {
      const keys = [value.key, ...(value.id ? [`id:${value.id}`] : [])];
      const first = keys.map((key) => seen.get(key)).find((n) => n !== undefined);
      if (first !== undefined) {
        reader.errors.push({
          row,
          column: value.id ? reader.column('id') : null,
          field: value.id ? 'id' : 'row',
          code: 'duplicateRow',
          params: { firstRow: first },
        });
      } else {
        for (const key of keys) seen.set(key, row);
        result.valid.push({ ...value, row, index } as ImportRowOf[R]);
      }
    }
    if (reader.errors.length > 0) {
      result.invalid.push(index);
      for (const error of reader.sorted()) result.errors.push(error);
    }
    // Throws AbortedError when the signal was aborted during the pause.
    if (slicer.due()) await slicer.pause(index + 1, total);
  }
  slicer.report(total, total);
  return result;
}
