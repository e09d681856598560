import type { Hono } from 'hono';
import { z } from 'zod';
import {
  IMPORT_DETAIL_MAX_ERRORS,
  IMPORT_DETAIL_MAX_PREVIEW,
  type ImportConflict,
  type ImportDetail,
  type ImportPreviewRow,
  type ImportRowNote,
  type ImportSummary,
  type ImportUserRef,
} from '../../src/domain/import/api';
import { buildErrorsFile } from '../../src/domain/import/errors-file';
import { IMPORT_RESOURCES, type ImportResource } from '../../src/domain/import/fields';
import { checkFileSize, MAX_FILE_BYTES, XLSX_MEDIA_TYPE } from '../../src/domain/import/limits';
import { autoMap, mappingProblems, rememberMapping, type Mapping } from '../../src/domain/import/mapping';
import type { FileProblem } from '../../src/domain/import/problems';
import { createReferenceMatcher } from '../../src/domain/import/reference';
import { readTable } from '../../src/domain/import/run';
import { cellText, type Table } from '../../src/domain/import/table';
import { validateRows, type ValidationResult } from '../../src/domain/import/validate';
import { can, type Action } from '../../src/domain/permissions';
import type { User } from '../../src/domain/user';
import type { ApiDeps } from '../context';
import {
  getImport,
  getImportDetail,
  getImportTable,
  insertImport,
  insertImportRecords,
  listImports,
  loadImportRecords,
  loadReferenceData,
  readRememberedMapping,
  updateImport,
  writeRememberedMapping,
  type ImportEntity,
  type StoredDetail,
  type StoredImport,
} from '../db/imports';
import { readDataVersion } from '../db/cache';
import { json, parseWith, readJson, searchParamsToObject } from '../http';
import { PROBLEM_TYPES, problems, ProblemError, type Problem } from '../problem';
import type { CollectionName, Tx } from '../store';
import { apply, countsOf, plan, type RowPlan } from './import-plan';
import { describeCellError, SUMMARY_MESSAGES } from '../../src/domain/import/messages';
import { answer, withIdempotency } from './idempotency';

/**
 * Spreadsheet imports (issue 14): upload → preview (nothing written) → commit (one transaction)
 * → undo (one transaction). The file is read, mapped and validated by src/domain/import (the
 * same code the browser's worker runs); the uploaded table is kept in `imports` so commit and
 * undo can run later. Types of every answer: src/domain/import/api.ts.
 */

/** Who may import what: whoever may create the resource. */
export const IMPORT_ACTION: Record<ImportResource, Action> = {
  partnerships: 'partnership.create',
  people: 'person.write',
  meetings: 'meeting.create',
  'follow-ups': 'followUp.create',
};

/** Any of these lets an import request in; the handler checks the import's own resource. */
export const IMPORT_WRITES: readonly Action[] = Object.values(IMPORT_ACTION);

export const IMPORT_PROBLEM_TYPES = {
  file: '/problems/import-file',
  invalidRows: '/problems/import-invalid-rows',
  state: '/problems/import-state',
  undoConflict: '/problems/import-undo-conflict',
} as const;

const FILE_TITLES: Record<FileProblem['code'], string> = {
  empty: 'The file is empty.',
  tooLarge: 'The file is too large.',
  binary: 'The file is not a text file (CSV) or an Excel workbook (XLSX).',
  wrongFormat: 'The file’s content does not match its name or type.',
  unsupportedFormat: 'Mitra reads CSV and XLSX files only.',
  encoding: 'The file’s text encoding cannot be read: save it as UTF-8 CSV.',
  tooManyColumns: 'The file has too many columns.',
  tooManyRows: 'The file has too many rows.',
  duplicateHeader: 'Two columns have the same header.',
  noRows: 'The file has a header row but no data rows.',
  unreadableWorkbook: 'The workbook cannot be opened (damaged or password-protected).',
  sheetNotFound: 'The sheet was not found in the workbook.',
  aborted: 'Reading the file was stopped.',
};

function fileProblem(problem: FileProblem): ProblemError {
  const status = problem.code === 'tooLarge' ? 413 : 422;
  return new ProblemError({
    type: status === 413 ? PROBLEM_TYPES.payloadTooLarge : IMPORT_PROBLEM_TYPES.file,
    title: FILE_TITLES[problem.code],
    status,
    detail: 'Nothing was imported.',
    fileProblem: problem,
  } as Problem);
}

const mappingSchema = z
  .array(
    z.strictObject({
      column: z.number().int().min(0).max(10_000),
      header: z.string().max(500),
      field: z.string().max(100).nullable(),
      source: z.enum(['remembered', 'automatic', 'user', 'none']),
    }),
  )
  .max(1000);

const previewBody = z.strictObject({ mapping: mappingSchema });
const commitBody = z.strictObject({ mapping: mappingSchema.optional(), skipInvalid: z.boolean().optional() });
const listQuery = z.strictObject({
  resource: z.enum(IMPORT_RESOURCES, { error: 'invalidOption' }).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(400).optional(),
});

/** The mapping must describe this table's columns: same count, same headers. */
function checkMapping(mapping: Mapping, headers: readonly string[], resource: ImportResource): Mapping {
  const ok =
    mapping.length === headers.length && mapping.every((entry, i) => entry.column === i && entry.header === headers[i]);
  if (!ok) throw problems.validation([{ path: 'mapping', code: 'invalidFormat', message: 'The mapping does not describe this file’s columns.' }]);
  // Fields are checked by mappingProblems; an unknown one is refused here.
  void resource;
  return mapping;
}

/** Reads the body, refused by its size before and while reading (413). */
async function readFileBody(request: Request): Promise<Uint8Array> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > MAX_FILE_BYTES) {
    throw fileProblem(checkFileSize(Number(declared)) ?? { code: 'tooLarge' });
  }
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_FILE_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw fileProblem(checkFileSize(size) ?? { code: 'tooLarge' });
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

function decodeFileName(header: string | null): string {
  if (!header) return 'import';
  let name: string;
  try {
    name = decodeURIComponent(header);
  } catch {
    name = header;
  }
  // eslint-disable-next-line no-control-regex
  name = name.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return name.slice(0, 255) || 'import';
}

function previewRows(
  table: Table,
  mapping: Mapping,
  result: ValidationResult<ImportResource>,
  plans: ReadonlyArray<RowPlan>,
  recordIds?: Map<number, string>,
): ImportPreviewRow[] {
  const invalid = new Set(result.invalid);
  const byIndex = new Map(plans.map((p) => [p.row.index, p]));
  const out: ImportPreviewRow[] = [];
  const limit = Math.min(table.rows.length, IMPORT_DETAIL_MAX_PREVIEW);
  for (let index = 0; index < limit; index += 1) {
    const cells = table.rows[index] ?? [];
    const values: Record<string, string> = {};
    for (const entry of mapping) if (entry.field !== null) values[entry.field] = cellText(cells[entry.column] ?? null);
    const row = table.rowNumbers[index] ?? index + 1;
    const p = byIndex.get(index);
    if (invalid.has(index) || !p) {
      out.push({ row, outcome: 'error', values });
      continue;
    }
    const recordId = recordIds?.get(index) ?? p.current?.id;
    const notes = rowNotes(result.resource, p);
    out.push({
      row,
      outcome: p.outcome,
      values,
      ...(recordId ? { recordId } : {}),
      ...(p.changed ? { changed: p.changed } : {}),
      ...(notes.length > 0 ? { notes } : {}),
    });
  }
  return out;
}

/**
 * What the row leaves to the import: a partnership it creates without a start date starts today
 * (import-plan.ts `build`). A meetings file never creates a partnership (its partnership column
 * names one in Mitra), so no meeting date can stand in for a start date.
 */
function rowNotes(resource: ImportResource, p: RowPlan): ImportRowNote[] {
  const startsToday = resource === 'partnerships' && p.outcome === 'create' && (p.row.input as { stageDate?: string }).stageDate === undefined;
  return startsToday ? ['startsToday'] : [];
}

function detailOf(table: Table, mapping: Mapping, resource: ImportResource, result: ValidationResult<ImportResource>, rows: ImportPreviewRow[]): StoredDetail {
  return {
    headers: table.headers,
    ...(table.sheets ? { sheets: table.sheets } : {}),
    ...(table.sheet ? { sheet: table.sheet } : {}),
    mappingProblems: mappingProblems(resource, mapping),
    errors: result.errors.slice(0, IMPORT_DETAIL_MAX_ERRORS),
    errorsTotal: result.errors.length,
    preview: rows,
  };
}

export function registerImports(app: Hono, deps: ApiDeps): void {
  const { store } = deps;
  const base = '/imports';

  const userRef = async (id: string | undefined): Promise<ImportUserRef | undefined> => {
    if (!id) return undefined;
    const user = await store.users.get(id);
    return { id, name: user?.name ?? id };
  };

  async function summaryOf(item: StoredImport): Promise<ImportSummary> {
    const createdBy = (await userRef(item.createdBy)) as ImportUserRef;
    const undoneBy = await userRef(item.undoneBy);
    return {
      id: item.id,
      resource: item.resource,
      fileName: item.fileName,
      status: item.status,
      createdAt: item.createdAt,
      createdBy,
      rows: item.rows,
      valid: item.valid,
      invalid: item.invalid,
      ...(item.counts ? { counts: item.counts } : {}),
      ...(item.committedAt ? { committedAt: item.committedAt } : {}),
      ...(item.undoneAt ? { undoneAt: item.undoneAt } : {}),
      ...(undoneBy ? { undoneBy } : {}),
    };
  }

  async function detailAnswer(item: StoredImport, detail: StoredDetail): Promise<ImportDetail> {
    return { ...(await summaryOf(item)), ...detail, mapping: item.mapping };
  }

  /** The import, if the actor may import its resource (404 otherwise: not theirs to see). */
  async function findImport(id: string, actor: User): Promise<StoredImport> {
    const item = await getImport(store.db, id);
    if (!item || !can(actor.role, IMPORT_ACTION[item.resource])) throw problems.notFound('Import');
    return item;
  }

  /**
   * The last few validations, by import: a commit right after its preview (the data unchanged
   * since: same data version, same mapping) reuses the preview's work instead of reading and
   * validating 50,000 rows again. Any write anywhere moves the data version on: then it is redone.
   */
  const recent = new Map<string, { key: string; table: Table; result: ValidationResult<ImportResource> }>();
  const RECENT_MAX = 3;

  async function validated(id: string, resource: ImportResource, mapping: Mapping) {
    const key = `${await readDataVersion(store.db)} ${JSON.stringify(mapping)}`;
    const kept = recent.get(id);
    if (kept && kept.key === key) return kept;
    const table = kept?.table ?? ((await getImportTable(store.db, id)) as Table);
    const refs = createReferenceMatcher(await loadReferenceData(store.db));
    const result = await validateRows(resource, table, mapping, refs);
    remember(id, { key, table, result });
    return { key, table, result };
  }

  function remember(id: string, entry: { key: string; table: Table; result: ValidationResult<ImportResource> }) {
    recent.delete(id);
    recent.set(id, entry);
    while (recent.size > RECENT_MAX) recent.delete(recent.keys().next().value as string);
  }

  /** Validates the stored table with a mapping and plans each valid row against the data now. */
  async function validateAndPlan(id: string, resource: ImportResource, mapping: Mapping) {
    const { table, result } = await validated(id, resource, mapping);
    const plans = await plan(store.db, store, resource, result.valid, mapping);
    return { table, result, plans };
  }

  // -------------------------------------------------------------------------------------------
  // Upload: read, map, validate, plan; nothing is written to the records.

  deps.rules.declare('POST', base, { anyOf: IMPORT_WRITES });
  app.post(base, async (c) => {
    const actor = await deps.actor(c.req.raw);
    const url = new URL(c.req.url);
    const query = parseWith(
      z.strictObject({
        resource: z.enum(IMPORT_RESOURCES, { error: 'invalidOption' }),
        sheet: z.string().max(200).optional(),
      }),
      searchParamsToObject(url, []),
    );
    const resource = query.resource;
    if (!can(actor.role, IMPORT_ACTION[resource])) throw problems.forbidden();
    let userMapping: Mapping | undefined;
    const mappingHeader = c.req.header('x-import-mapping');
    if (mappingHeader) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(mappingHeader);
      } catch {
        throw problems.validation([{ path: 'X-Import-Mapping', code: 'invalidFormat', message: 'The mapping is not valid JSON.' }]);
      }
      userMapping = parseWith(mappingSchema, parsed, 'X-Import-Mapping');
    }
    const fileName = decodeFileName(c.req.header('x-file-name') ?? null);
    const bytes = await readFileBody(c.req.raw);
    const rawType = (c.req.header('content-type') ?? '').toLowerCase().split(';')[0]?.trim() ?? '';
    // application/octet-stream (or none): the content and the name decide.
    const type = rawType === 'text/csv' || rawType === XLSX_MEDIA_TYPE || rawType === 'text/plain' ? rawType : '';
    const remembered = await readRememberedMapping(store.db, actor.id, resource);
    const refs = createReferenceMatcher(await loadReferenceData(store.db));
    const read = await readTable(bytes, { name: fileName, type }, { resource, ...(query.sheet ? { sheet: query.sheet } : {}) });
    if (!read.ok) throw fileProblem(read.problem);
    const table = read.table;
    const mapping = userMapping ? checkMapping(userMapping, table.headers, resource) : autoMap(resource, table.headers, remembered);
    const version = await readDataVersion(store.db);
    const result = await validateRows(resource, table, mapping, refs);
    const plans = await plan(store.db, store, resource, result.valid, mapping);
    const detail = detailOf(table, mapping, resource, result, previewRows(table, mapping, result, plans));
    const item = await store.transaction(
      async (tx) => {
        const stored: StoredImport = {
          id: await tx.nextId('imp'),
          resource,
          fileName,
          status: 'previewed',
          createdAt: deps.now().toISOString(),
          createdBy: actor.id,
          rows: result.total,
          valid: result.valid.length,
          invalid: result.invalid.length,
          mapping,
        };
        await insertImport(tx.db, stored, table, detail);
        return stored;
      },
      { actorId: actor.id },
    );
    remember(item.id, { key: `${version} ${JSON.stringify(mapping)}`, table, result });
    return json(await detailAnswer(item, detail), { status: 201, headers: { location: `/api${base}/${item.id}` } });
  });

  // -------------------------------------------------------------------------------------------
  // Preview again with the user's mapping (remembered for this resource and these headers).

  deps.rules.declare('POST', `${base}/:id/preview`, { anyOf: IMPORT_WRITES });
  app.post(`${base}/:id/preview`, async (c) => {
    const actor = await deps.actor(c.req.raw);
    const item = await findImport(c.req.param('id'), actor);
    const { value } = await readJson(c.req.raw);
    const body = parseWith(previewBody, value);
    if (item.status !== 'previewed') throw stateProblem(item);
    const headers = (await getImportDetail(store.db, item.id))?.headers ?? [];
    const mapping = checkMapping(body.mapping, headers, item.resource);
    const { table, result, plans } = await validateAndPlan(item.id, item.resource, mapping);
    const detail = detailOf(table, mapping, item.resource, result, previewRows(table, mapping, result, plans));
    const next: StoredImport = { ...item, mapping, valid: result.valid.length, invalid: result.invalid.length };
    await store.transaction(
      async (tx) => {
        await updateImport(tx.db, item.id, { mapping, valid: next.valid, invalid: next.invalid, detail }, 'previewed');
        const remembered = await readRememberedMapping(tx.db, actor.id, item.resource);
        await writeRememberedMapping(tx.db, actor.id, item.resource, rememberMapping(mapping, remembered));
      },
      { actorId: actor.id },
    );
    return json(await detailAnswer(next, detail));
  });

  // -------------------------------------------------------------------------------------------
  // Commit: one transaction; every record written carries `import:<id>` in its history.

  deps.rules.declare('POST', `${base}/:id/commit`, { anyOf: IMPORT_WRITES });
  app.post(`${base}/:id/commit`, (c) =>
    withIdempotency(deps, c.req.raw, async (value, write) => {
      const actor = await deps.actor(c.req.raw);
      const item = await findImport(c.req.param('id'), actor);
      const body = parseWith(commitBody, value ?? {});
      // With an Idempotency-Key, a repeat gets the first answer (the transaction's claim decides).
      if (item.status !== 'previewed' && !c.req.header('idempotency-key')) throw stateProblem(item);
      const headers = (await getImportDetail(store.db, item.id))?.headers ?? [];
      const mapping = body.mapping ? checkMapping(body.mapping, headers, item.resource) : item.mapping;
      const { table, result } = await validated(item.id, item.resource, mapping);
      if (result.invalid.length > 0 && body.skipInvalid !== true) {
        throw new ProblemError({
          type: IMPORT_PROBLEM_TYPES.invalidRows,
          title: 'Some rows are invalid: fix them, or import only the valid rows (skipInvalid).',
          status: 422,
          detail: 'Nothing was imported.',
          invalid: result.invalid.length,
        } as Problem);
      }
      const note = `import:${item.id}`;
      return write({ actorId: actor.id, note }, async (tx) => {
        const at = deps.now().toISOString();
        // Claimed first: a second commit of the same import waits here, then finds it committed.
        if (!(await updateImport(tx.db, item.id, { status: 'committed', committedAt: at }, 'previewed'))) {
          const now = await getImport(tx.db, item.id);
          throw stateProblem(now ?? item);
        }
        const plans = await plan(tx.db, tx, item.resource, result.valid, mapping);
        const { records, recordIds } = await apply(tx, store.engine, item.resource, plans, mapping, {
          actor,
          at,
          today: deps.today(),
          note,
        });
        await insertImportRecords(tx.db, item.id, records);
        const counts = countsOf(plans, result.invalid.length);
        const detail = detailOf(table, mapping, item.resource, result, previewRows(table, mapping, result, plans, recordIds));
        await updateImport(tx.db, item.id, {
          counts,
          mapping,
          valid: result.valid.length,
          invalid: result.invalid.length,
          detail,
        });
        return answer({ id: item.id, ...counts });
      });
    }),
  );

  // -------------------------------------------------------------------------------------------
  // Undo: removes what the import created, restores what it updated, unless changed since.

  const COLLECTION: Record<ImportEntity, CollectionName> = {
    region: 'regions',
    organization: 'organizations',
    person: 'people',
    partnership: 'partnerships',
    meeting: 'meetings',
    followUp: 'followUps',
  };
  /** Children first: a follow-up before its meeting, a partnership before its partner region. */
  const REMOVE_ORDER: ImportEntity[] = ['followUp', 'meeting', 'partnership', 'person', 'organization', 'region'];

  deps.rules.declare('POST', `${base}/:id/undo`, { anyOf: IMPORT_WRITES });
  app.post(`${base}/:id/undo`, async (c) => {
    const actor = await deps.actor(c.req.raw);
    const found = await findImport(c.req.param('id'), actor);
    if (found.status !== 'committed') throw stateProblem(found);
    const result = await store.transaction(
      async (tx) => {
        const item = await getImport(tx.db, found.id);
        if (!item || item.status !== 'committed') throw stateProblem(item ?? found);
        const records = await loadImportRecords(tx.db, item.id);
        const conflicts = await changedSince(tx, records);
        if (conflicts.length > 0) {
          throw new ProblemError({
            type: IMPORT_PROBLEM_TYPES.undoConflict,
            title: 'Records this import wrote have changed since: nothing was undone.',
            status: 409,
            conflicts,
          } as Problem);
        }
        const at = deps.now().toISOString();
        let restored = 0;
        for (const record of records) {
          if (record.action !== 'updated') continue;
          const reader = tx[COLLECTION[record.entity]] as unknown as {
            get(id: string): Promise<{ id: string; version: number } | undefined>;
            replace(next: unknown, before: unknown): Promise<void>;
          };
          const current = await reader.get(record.recordId);
          if (!current) continue;
          const before = record.before as { version: number };
          await reader.replace({ ...before, version: current.version + 1, updatedAt: at }, current);
          restored += 1;
        }
        let removed = 0;
        for (const entity of REMOVE_ORDER) {
          const items = records
            .filter((r) => r.action === 'created' && r.entity === entity)
            .map((r) => ({ id: r.recordId, version: r.versionAfter }));
          if (items.length === 0) continue;
          const writer = tx[COLLECTION[entity]] as unknown as { remove(items: Array<{ id: string; version: number }>): Promise<string[]> };
          for (let i = 0; i < items.length; i += 2000) {
            const gone = await writer.remove(items.slice(i, i + 2000));
            if (gone.length > 0) throw new Error(`unreachable: ${entity} ${gone[0]} changed during undo`);
          }
          removed += items.length;
        }
        await updateImport(tx.db, item.id, { status: 'undone', undoneAt: at, undoneBy: actor.id }, 'committed');
        return { removed, restored };
      },
      { actorId: actor.id, note: `import:${found.id}:undo` },
    );
    return json(result);
  });

  /** Who owns a row of each table that can point at an imported record: its id column and kind. */
  const ROW_OWNER: Record<string, readonly [owner: string, entity: ImportEntity | 'user']> = {
    meetings: ['id', 'meeting'], follow_ups: ['id', 'followUp'], partnerships: ['id', 'partnership'], people: ['id', 'person'],
    follow_up_meetings: ['follow_up_id', 'followUp'], follow_up_events: ['follow_up_id', 'followUp'], user_home_regions: ['user_id', 'user'],
    partnership_facilitators: ['owner_id', 'partnership'], meeting_facilitators: ['owner_id', 'meeting'],
    meeting_participants: ['meeting_id', 'meeting'], meeting_statements: ['meeting_id', 'meeting'],
  };

  /**
   * Where other records point at a record (`table.column`): a record the import created cannot
   * be removed while one it did not create uses it (a meeting logged since on an imported partnership).
   */
  const POINTED_FROM: Record<ImportEntity, readonly string[]> = {
    partnership: ['meetings.partnership_id', 'follow_ups.partnership_id'],
    meeting: ['follow_ups.meeting_id', 'follow_up_meetings.meeting_id', 'follow_up_events.meeting_id'],
    region: ['partnerships.partner_region_id', 'partnerships.home_region_id', 'people.region_id', 'user_home_regions.region_id'],
    organization: ['partnerships.partner_organization_id', 'people.organization_id', 'partnership_facilitators.organization_id', 'meeting_facilitators.organization_id', 'meeting_participants.organization_id'],
    person: ['meetings.host_lead_id', 'meetings.delegation_lead_id', 'meeting_participants.person_id', 'meeting_statements.person_id'],
    followUp: [],
  };
  /** The places that point at a record of this kind, each with the owner of the row found there. */
  const referencesTo = (entity: ImportEntity) =>
    POINTED_FROM[entity].map((place) => {
      const [table, column] = place.split('.') as [string, string];
      const [owner, by] = ROW_OWNER[table]!;
      return { table, column, owner, entity: by };
    });

  /**
   * The records changed since the import wrote them (version moved on, or gone), and the ones it
   * created that a record it did not create now uses: undo would lose or break them.
   */
  async function changedSince(
    tx: Tx,
    records: ReadonlyArray<{ entity: ImportEntity; recordId: string; versionAfter: number; action: string }>,
  ): Promise<ImportConflict[]> {
    const changedIds = new Map<ImportEntity, Set<string>>();
    const byEntity = new Map<ImportEntity, Map<string, number>>();
    const created = new Map<string, Set<string>>();
    for (const r of records) {
      const map = byEntity.get(r.entity) ?? new Map<string, number>();
      map.set(r.recordId, r.versionAfter);
      byEntity.set(r.entity, map);
      if (r.action === 'created') created.set(r.entity, (created.get(r.entity) ?? new Set()).add(r.recordId));
    }
    const flag = (entity: ImportEntity, id: string) => changedIds.set(entity, (changedIds.get(entity) ?? new Set()).add(id));
    for (const [entity, expected] of byEntity) {
      const ids = [...expected.keys()];
      for (let i = 0; i < ids.length; i += 400) {
        const rows = (await tx.db
          .selectFrom(TABLE_OF[entity])
          .select(['id', 'version'])
          .where('id', 'in', ids.slice(i, i + 400))
          .execute()) as Array<{ id: string; version: number }>;
        const found = new Map(rows.map((row) => [row.id, Number(row.version)]));
        for (const id of ids.slice(i, i + 400)) if (found.get(id) !== expected.get(id)) flag(entity, id);
      }
    }
    for (const [entity, ids] of created) {
      const list = [...ids];
      for (const ref of referencesTo(entity as ImportEntity)) {
        const mine = created.get(ref.entity) ?? new Set<string>();
        for (let i = 0; i < list.length; i += 400) {
          const rows = (await tx.db
            .selectFrom(ref.table as never)
            .select([`${ref.owner} as owner`, `${ref.column} as target`] as never)
            .where(ref.column as never, 'in', list.slice(i, i + 400) as never)
            .execute()) as Array<{ owner: string; target: string }>;
          for (const row of rows) if (!mine.has(row.owner)) flag(entity as ImportEntity, row.target);
        }
      }
    }
    const conflicts: ImportConflict[] = [];
    for (const [entity, ids] of changedIds) {
      const list = [...ids];
      const reader = tx[COLLECTION[entity]] as unknown as { getMany(ids: string[]): Promise<Array<Record<string, unknown> & { id: string }>> };
      const items = new Map((await reader.getMany(list.slice(0, 100))).map((x) => [x.id, x]));
      for (const id of list) {
        const x = items.get(id);
        let label = (x?.title as string | undefined) ?? (x?.name as string | undefined);
        // A partnership is named by its partner.
        if (label === undefined && entity === 'partnership' && x) {
          const partner = x.partnerRegionId
            ? await tx.regions.get(x.partnerRegionId as string)
            : x.partnerOrganizationId
              ? await tx.organizations.get(x.partnerOrganizationId as string)
              : undefined;
          label = partner?.name;
        }
        conflicts.push({ entity, id, label: label ?? id });
      }
    }
    return conflicts;
  }

  const TABLE_OF = {
    region: 'regions',
    organization: 'organizations',
    person: 'people',
    partnership: 'partnerships',
    meeting: 'meetings',
    followUp: 'follow_ups',
  } as const;

  // -------------------------------------------------------------------------------------------
  // Reads

  app.get(base, async (c) => {
    const actor = await deps.actor(c.req.raw);
    const query = parseWith(listQuery, searchParamsToObject(new URL(c.req.url), []));
    const resources = (query.resource ? [query.resource] : [...IMPORT_RESOURCES]).filter((r) => can(actor.role, IMPORT_ACTION[r]));
    let after: { createdAt: string; id: string } | undefined;
    if (query.cursor) {
      try {
        const [createdAt, id] = JSON.parse(atob(query.cursor)) as [string, string];
        if (typeof createdAt !== 'string' || typeof id !== 'string') throw new Error('cursor');
        after = { createdAt, id };
      } catch {
        throw problems.validation([{ path: 'cursor', code: 'invalidFormat', message: 'This value is not in the expected format.' }]);
      }
    }
    const page = await listImports(store.db, { resources, limit: query.limit, ...(after ? { after } : {}) });
    const items = await Promise.all(page.items.map(summaryOf));
    const last = page.items.at(-1);
    return json({ items, ...(page.more && last ? { nextCursor: btoa(JSON.stringify([last.createdAt, last.id])) } : {}) });
  });

  app.get(`${base}/:id`, async (c) => {
    const actor = await deps.actor(c.req.raw);
    const item = await findImport(c.req.param('id'), actor);
    const detail = (await getImportDetail(store.db, item.id)) as StoredDetail;
    return json(await detailAnswer(item, detail));
  });

  app.get(`${base}/:id/errors.csv`, async (c) => {
    const actor = await deps.actor(c.req.raw);
    const item = await findImport(c.req.param('id'), actor);
    const lang = parseWith(z.enum(['id', 'en'], { error: 'invalidOption' }).default('id'), new URL(c.req.url).searchParams.get('lang') ?? undefined, 'lang');
    const { table, result } = await validated(item.id, item.resource, item.mapping);
    const text = buildErrorsFile(table, result.errors, {
      reasonHeader: SUMMARY_MESSAGES[lang].reasonHeader,
      describe: (error, header) => describeCellError(lang, error, header),
    });
    const base = item.fileName.replace(/\.[^.]*$/, '').replace(/[^\w.-]+/g, '-').slice(0, 80) || 'import';
    return new Response(text, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${base}-${lang === 'en' ? 'errors' : 'kesalahan'}.csv"`,
      },
    });
  });
}

/** 409: the import is not in the state the request needs (committed twice, undone, …). */
function stateProblem(item: StoredImport): ProblemError {
  return new ProblemError({
    type: IMPORT_PROBLEM_TYPES.state,
    title:
      item.status === 'committed'
        ? 'This import has already been committed.'
        : item.status === 'undone'
          ? 'This import has been undone.'
          : 'This import has not been committed.',
    status: 409,
    importStatus: item.status,
  } as Problem);
}
