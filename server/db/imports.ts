import type { Kysely } from 'kysely';
import type { ImportCounts, ImportDetail, ImportStatus } from '../../src/domain/import/api';
import type { ImportResource } from '../../src/domain/import/fields';
import type { Mapping } from '../../src/domain/import/mapping';
import type { ReferenceData } from '../../src/domain/import/reference';
import type { Table } from '../../src/domain/import/table';
import { normalizeName } from '../../src/domain/import/reference';
import type { DB } from './schema';

/**
 * Imports as stored (migration 0007): the uploaded table (JSON text on both engines), the
 * mapping, who and when, and after a commit the records it wrote, for undo. Queries only; the
 * route (server/routes/imports.ts) decides.
 */
export type StoredImport = {
  id: string;
  resource: ImportResource;
  fileName: string;
  status: ImportStatus;
  createdAt: string;
  createdBy: string;
  rows: number;
  valid: number;
  invalid: number;
  counts?: ImportCounts;
  committedAt?: string;
  undoneAt?: string;
  undoneBy?: string;
  mapping: Mapping;
};

export type ImportEntity = 'region' | 'organization' | 'person' | 'partnership' | 'meeting' | 'followUp';

export type ImportRecord = {
  entity: ImportEntity;
  recordId: string;
  action: 'created' | 'updated';
  /** The record before the import updated it (updated only). */
  before?: unknown;
  versionAfter: number;
};

type Row = Record<string, unknown>;

const parse = <T>(value: unknown): T => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T));

function fromRow(row: Row): StoredImport {
  const item: StoredImport = {
    id: row.id as string,
    resource: row.resource as ImportResource,
    fileName: row.file_name as string,
    status: row.status as ImportStatus,
    createdAt: row.created_at as string,
    createdBy: row.created_by as string,
    rows: Number(row.row_count),
    valid: Number(row.valid_count),
    invalid: Number(row.invalid_count),
    mapping: parse<Mapping>(row.mapping),
  };
  if (row.counts !== null && row.counts !== undefined) item.counts = parse<ImportCounts>(row.counts);
  if (row.committed_at) item.committedAt = row.committed_at as string;
  if (row.undone_at) item.undoneAt = row.undone_at as string;
  if (row.undone_by) item.undoneBy = row.undone_by as string;
  return item;
}

const SUMMARY_COLUMNS = [
  'id',
  'resource',
  'file_name',
  'status',
  'created_at',
  'created_by',
  'row_count',
  'valid_count',
  'invalid_count',
  'counts',
  'committed_at',
  'undone_at',
  'undone_by',
  'mapping',
] as const;

/** The preview last shown (ImportDetail less the summary), kept so GET shows what commit saw. */
export type StoredDetail = Pick<ImportDetail, 'headers' | 'sheets' | 'sheet' | 'mappingProblems' | 'errors' | 'errorsTotal' | 'preview'>;

export async function insertImport(db: Kysely<DB>, item: StoredImport, table: Table, detail: StoredDetail): Promise<void> {
  await db
    .insertInto('imports')
    .values({
      id: item.id,
      resource: item.resource,
      file_name: item.fileName,
      status: item.status,
      created_at: item.createdAt,
      created_by: item.createdBy,
      row_count: item.rows,
      valid_count: item.valid,
      invalid_count: item.invalid,
      counts: null,
      committed_at: null,
      undone_at: null,
      undone_by: null,
      mapping: JSON.stringify(item.mapping),
      table_data: JSON.stringify(table),
      detail: JSON.stringify(detail),
    })
    .execute();
}

export async function getImport(db: Kysely<DB>, id: string): Promise<StoredImport | undefined> {
  const row = await db.selectFrom('imports').select(SUMMARY_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? fromRow(row as Row) : undefined;
}

export async function getImportTable(db: Kysely<DB>, id: string): Promise<Table | undefined> {
  const row = await db.selectFrom('imports').select('table_data').where('id', '=', id).executeTakeFirst();
  return row ? parse<Table>(row.table_data) : undefined;
}

export async function getImportDetail(db: Kysely<DB>, id: string): Promise<StoredDetail | undefined> {
  const row = await db.selectFrom('imports').select('detail').where('id', '=', id).executeTakeFirst();
  return row ? parse<StoredDetail>(row.detail) : undefined;
}

/** Writes the import's changing parts (mapping after a preview, status and counts after commit or undo). */
export async function updateImport(
  db: Kysely<DB>,
  id: string,
  change: Partial<Pick<StoredImport, 'status' | 'counts' | 'committedAt' | 'undoneAt' | 'undoneBy' | 'mapping' | 'valid' | 'invalid'>> & {
    detail?: StoredDetail;
  },
  expectedStatus?: ImportStatus,
): Promise<boolean> {
  const set: Record<string, unknown> = {};
  if (change.status !== undefined) set.status = change.status;
  if (change.counts !== undefined) set.counts = JSON.stringify(change.counts);
  if (change.committedAt !== undefined) set.committed_at = change.committedAt;
  if (change.undoneAt !== undefined) set.undone_at = change.undoneAt;
  if (change.undoneBy !== undefined) set.undone_by = change.undoneBy;
  if (change.mapping !== undefined) set.mapping = JSON.stringify(change.mapping);
  if (change.valid !== undefined) set.valid_count = change.valid;
  if (change.invalid !== undefined) set.invalid_count = change.invalid;
  if (change.detail !== undefined) set.detail = JSON.stringify(change.detail);
  let query = db.updateTable('imports').set(set as never).where('id', '=', id);
  if (expectedStatus) query = query.where('status', '=', expectedStatus);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Newest first, keyset-paged on (created_at, id). */
export async function listImports(
  db: Kysely<DB>,
  options: { resources: readonly ImportResource[]; limit: number; after?: { createdAt: string; id: string } },
): Promise<{ items: StoredImport[]; more: boolean }> {
  if (options.resources.length === 0) return { items: [], more: false };
  let query = db
    .selectFrom('imports')
    .select(SUMMARY_COLUMNS)
    .where('resource', 'in', options.resources as ImportResource[])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit + 1);
  const after = options.after;
  if (after) {
    query = query.where((eb) =>
      eb.or([eb('created_at', '<', after.createdAt), eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)])]),
    );
  }
  const rows = (await query.execute()) as Row[];
  return { items: rows.slice(0, options.limit).map(fromRow), more: rows.length > options.limit };
}

const RECORD_BATCH = 500;

export async function insertImportRecords(db: Kysely<DB>, importId: string, records: readonly ImportRecord[]): Promise<void> {
  for (let i = 0; i < records.length; i += RECORD_BATCH) {
    await db
      .insertInto('import_records')
      .values(
        records.slice(i, i + RECORD_BATCH).map((r, j) => ({
          import_id: importId,
          position: i + j,
          entity: r.entity,
          record_id: r.recordId,
          action: r.action,
          before: r.before === undefined ? null : JSON.stringify(r.before),
          version_after: r.versionAfter,
        })),
      )
      .execute();
  }
}

export async function loadImportRecords(db: Kysely<DB>, importId: string): Promise<ImportRecord[]> {
  const rows = await db.selectFrom('import_records').selectAll().where('import_id', '=', importId).orderBy('position').execute();
  return rows.map((row) => {
    const record: ImportRecord = {
      entity: row.entity as ImportEntity,
      recordId: row.record_id,
      action: row.action as ImportRecord['action'],
      versionAfter: Number(row.version_after),
    };
    if (row.before !== null) record.before = parse<unknown>(row.before);
    return record;
  });
}

/** The user's mapping remembered for a resource (meta `import-mapping:<user>:<resource>`). */
export async function readRememberedMapping(db: Kysely<DB>, userId: string, resource: ImportResource): Promise<Record<string, string | null>> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', `import-mapping:${userId}:${resource}`).executeTakeFirst();
  return row ? parse<Record<string, string | null>>(row.value) : {};
}

export async function writeRememberedMapping(
  db: Kysely<DB>,
  userId: string,
  resource: ImportResource,
  remembered: Record<string, string | null>,
): Promise<void> {
  const key = `import-mapping:${userId}:${resource}`;
  const value = JSON.stringify(remembered);
  await db
    .insertInto('meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/** The reference data names are matched against (one read of each small table). */
export async function loadReferenceData(db: Kysely<DB>): Promise<ReferenceData> {
  const [sectors, users, regions, organizations, people, partnerships, meetings] = await Promise.all([
    db.selectFrom('sectors').select(['id', 'name_id', 'name_en']).orderBy('seq').execute(),
    db.selectFrom('users').select(['id', 'name', 'email']).orderBy('seq').execute(),
    db.selectFrom('regions').select(['id', 'name', 'level', 'country_code', 'local_name', 'role']).orderBy('seq').execute(),
    db.selectFrom('organizations').select(['id', 'name', 'acronym']).orderBy('seq').execute(),
    db.selectFrom('people').select(['id', 'name', 'email']).orderBy('seq').execute(),
    db.selectFrom('partnerships').select(['id', 'home_region_id', 'partner_region_id', 'partner_organization_id']).orderBy('seq').execute(),
    db.selectFrom('meetings').select(['id', 'title', 'date']).orderBy('seq').execute(),
  ]);
  const opt = <K extends string>(key: K, value: string | null | undefined) => (value ? { [key]: value } : {}) as Partial<Record<K, string>>;
  return {
    sectors: sectors.map((s) => ({ id: s.id, name: { id: s.name_id, en: s.name_en } })),
    users: users.map((u) => ({ id: u.id, name: u.name, email: u.email })),
    regions: regions.map((r) => ({
      id: r.id,
      name: r.name,
      level: r.level as never,
      countryCode: r.country_code,
      ...opt('localName', r.local_name),
      ...opt('role', r.role),
    })),
    organizations: organizations.map((o) => ({ id: o.id, name: o.name, ...opt('acronym', o.acronym) })),
    people: people.map((p) => ({ id: p.id, name: p.name, ...opt('email', p.email) })),
    partnerships: partnerships.map((p) => ({
      id: p.id,
      homeRegionId: p.home_region_id,
      ...opt('partnerRegionId', p.partner_region_id),
      ...opt('partnerOrganizationId', p.partner_organization_id),
    })),
    meetings: meetings.map((m) => ({ id: m.id, title: m.title, date: m.date })),
  };
}

/**
 * Existing records by natural key (the same keys src/domain/import/validate.ts gives rows), for
 * the partnerships the rows name: key → id. Only ids; the route loads the ones matched.
 */
export async function naturalKeys(
  db: Kysely<DB>,
  resource: ImportResource,
  scope: { partnershipIds?: readonly string[] },
): Promise<Map<string, string[]>> {
  const keys = new Map<string, string[]>();
  const add = (key: string, id: string) => keys.set(key, [...(keys.get(key) ?? []), id]);
  if (resource === 'follow-ups') {
    const ids = [...new Set(scope.partnershipIds ?? [])];
    for (let i = 0; i < ids.length; i += 400) {
      const rows = await db
        .selectFrom('follow_ups')
        .select(['id', 'title', 'partnership_id', 'due_date'])
        .where('partnership_id', 'in', ids.slice(i, i + 400))
        .execute();
      for (const r of rows) add(`${normalizeName(r.title)}|${r.partnership_id}|${r.due_date ?? ''}`, r.id);
    }
  } else if (resource === 'meetings') {
    const ids = [...new Set(scope.partnershipIds ?? [])];
    for (let i = 0; i < ids.length; i += 400) {
      const rows = await db
        .selectFrom('meetings')
        .select(['id', 'title', 'partnership_id', 'date'])
        .where('partnership_id', 'in', ids.slice(i, i + 400))
        .execute();
      for (const r of rows) add(`${r.partnership_id}|${r.date}|${normalizeName(r.title)}`, r.id);
    }
  } else if (resource === 'people') {
    const rows = await db.selectFrom('people').select(['id', 'name', 'email', 'organization_id', 'region_id']).execute();
    for (const r of rows) {
      if (r.email) add(`email:${r.email.toLowerCase()}`, r.id);
      add(`name:${normalizeName(r.name)}|${r.organization_id ?? r.region_id ?? ''}`, r.id);
    }
  } else {
    const rows = await db.selectFrom('partnerships').select(['id', 'home_region_id', 'partner_region_id', 'partner_organization_id']).execute();
    for (const r of rows) add(`${r.home_region_id}|${r.partner_region_id ?? r.partner_organization_id ?? ''}`, r.id);
  }
  return keys;
}
