import { stableJson } from '../../src/domain/audit';
import type { FollowUp, FollowUpEvent } from '../../src/domain/follow-up';
import type { ImportCounts, ImportRowOutcome } from '../../src/domain/import/api';
import type { ImportResource } from '../../src/domain/import/fields';
import type { Mapping } from '../../src/domain/import/mapping';
import { normalizeName } from '../../src/domain/import/reference';
import { NEW_PARTNER_REF, type ImportRowOf, type PartnershipRow } from '../../src/domain/import/validate';
import type { Meeting } from '../../src/domain/meeting';
import type { Organization } from '../../src/domain/organization';
import type { Partnership } from '../../src/domain/partnership';
import type { Person } from '../../src/domain/person';
import type { Region } from '../../src/domain/region';
import type { User } from '../../src/domain/user';
import { nextSequenceValues } from '../db/dialect';
import { naturalKeys, type ImportEntity, type ImportRecord } from '../db/imports';
import { formatId } from '../db/store';
import { compact } from '../http';
import type { CollectionName, Readers, Resources, Tx } from '../store';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

/**
 * What an import does to each valid row: create a record, update one (only the fields whose
 * column is mapped and whose value differs), or leave it unchanged — matched by the row's Mitra
 * id, else by its natural key (src/domain/import/validate.ts gives each row its key). `plan`
 * only reads; `apply` writes the plan in the caller's transaction, batched.
 */

export const COLLECTION_OF: Record<ImportResource, 'followUps' | 'partnerships' | 'people' | 'meetings'> = {
  'follow-ups': 'followUps',
  partnerships: 'partnerships',
  people: 'people',
  meetings: 'meetings',
};

export const ENTITY_OF: Record<ImportResource, ImportEntity> = {
  'follow-ups': 'followUp',
  partnerships: 'partnership',
  people: 'person',
  meetings: 'meeting',
};

/** Import field → the record's property (a path for nested ones) an update may change. */
const UPDATABLE: Record<ImportResource, Record<string, string>> = {
  'follow-ups': {
    title: 'title',
    description: 'description',
    status: 'status',
    priority: 'priority',
    owner: 'ownerId',
    dueDate: 'dueDate',
    sectors: 'sectorIds',
  },
  people: {
    name: 'name',
    position: 'position',
    region: 'regionId',
    organization: 'organizationId',
    email: 'email',
    phone: 'phone',
  },
  meetings: {
    kind: 'kind',
    title: 'title',
    date: 'date',
    time: 'time',
    timeZone: 'timeZone',
    place: 'place',
    hostLead: 'hostLeadId',
    delegationLead: 'delegationLeadId',
    facilitators: 'facilitatorIds',
    sectors: 'sectorIds',
    summary: 'summary',
    outcomes: 'outcomes',
    sourceUrl: 'source.url',
    publisher: 'source.publisher',
  },
  // The stage moves only through a stage change (recorded, with its rules): set on create only.
  partnerships: {
    type: 'type',
    focusSectors: 'focusSectorIds',
    facilitators: 'facilitatorIds',
    coordinator: 'coordinatorId',
    loiDate: 'agreements.loiDate',
    mouSignedDate: 'agreements.mouSignedDate',
    mouExpiresDate: 'agreements.mouExpiresDate',
    notes: 'notes',
  },
};

function getPath(value: unknown, path: string): unknown {
  let at: unknown = value;
  for (const key of path.split('.')) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop() as string;
  let at = target;
  for (const key of keys) {
    const next = at[key];
    const copy = typeof next === 'object' && next !== null ? { ...(next as Record<string, unknown>) } : {};
    at[key] = copy;
    at = copy;
  }
  if (value === undefined) delete at[last];
  else at[last] = value;
}

const same = (a: unknown, b: unknown) => stableJson(a ?? null) === stableJson(b ?? null);

export type RowPlan<R extends ImportResource = ImportResource> = {
  row: ImportRowOf[R];
  outcome: Exclude<ImportRowOutcome, 'error'>;
  /** The record updated or left unchanged. */
  current?: Resources[(typeof COLLECTION_OF)[R]];
  /** Import fields that differ (update). */
  changed?: string[];
};

/** The fields the mapping gives a column. */
export function mappedFields(mapping: Mapping): Set<string> {
  return new Set(mapping.flatMap((entry) => (entry.field === null ? [] : [entry.field])));
}

function changesOf(resource: ImportResource, current: object, input: object, mapped: Set<string>): string[] {
  return Object.entries(UPDATABLE[resource])
    .filter(([field]) => mapped.has(field))
    .filter(([, path]) => !same(getPath(current, path), getPath(input, path)))
    .map(([field]) => field);
}

/** Matches every valid row to a record (by id, else natural key) and says what it would do. */
export async function plan<R extends ImportResource>(
  db: Kysely<DB>,
  readers: Readers,
  resource: R,
  rows: ReadonlyArray<ImportRowOf[R]>,
  mapping: Mapping,
): Promise<Array<RowPlan<R>>> {
  type T = Resources[(typeof COLLECTION_OF)[R]];
  const reader = readers[COLLECTION_OF[resource]] as unknown as Readers['followUps'];
  const byId = new Map<string, T>();
  const withId = rows.flatMap((row) => (row.id ? [row.id] : []));
  for (const item of await reader.getMany(withId)) byId.set(item.id, item as unknown as T);
  const partnershipIds = rows.flatMap((row) => {
    const p = (row.input as { partnershipId?: string }).partnershipId;
    return p ? [p] : [];
  });
  const keys = await naturalKeys(db, resource, { partnershipIds });
  const keyOf = (row: ImportRowOf[R]): string[] => {
    if (resource === 'people') {
      const input = row.input as { name: string; organizationId?: string; regionId?: string };
      return [row.key, `name:${normalizeName(input.name)}|${input.organizationId ?? input.regionId ?? ''}`];
    }
    return [row.key];
  };
  const matchedIds = new Map<number, string>();
  const toLoad = new Set<string>();
  for (const row of rows) {
    if (row.id && byId.has(row.id)) continue;
    for (const key of keyOf(row)) {
      const ids = keys.get(key);
      if (ids && ids.length > 0) {
        matchedIds.set(row.index, ids[0] as string);
        toLoad.add(ids[0] as string);
        break;
      }
    }
  }
  for (const item of await reader.getMany([...toLoad])) byId.set(item.id, item as unknown as T);
  const mapped = mappedFields(mapping);
  const claimed = new Set<string>();
  return rows.map((row): RowPlan<R> => {
    const id = row.id && byId.has(row.id) ? row.id : matchedIds.get(row.index);
    const current = id ? byId.get(id) : undefined;
    // Two rows matching one record: the first updates it, the next creates its own.
    if (!current || claimed.has(current.id)) return { row, outcome: 'create' };
    claimed.add(current.id);
    const changed = changesOf(resource, current, row.input, mapped);
    return changed.length > 0 ? { row, outcome: 'update', current, changed } : { row, outcome: 'unchanged', current };
  });
}

export function countsOf(plans: ReadonlyArray<RowPlan>, skipped: number): ImportCounts {
  const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0, skipped };
  for (const p of plans) {
    if (p.outcome === 'create') counts.created += 1;
    else if (p.outcome === 'update') counts.updated += 1;
    else counts.unchanged += 1;
  }
  return counts;
}

type Ids = { take(prefix: string): string };

async function reserveIds(tx: Tx, engine: 'sqlite' | 'postgres', n: number): Promise<Ids> {
  const numbers = await nextSequenceValues(tx.db, engine, n);
  let next = 0;
  return {
    take(prefix) {
      const value = numbers[next];
      next += 1;
      if (value === undefined) throw new Error('unreachable: too few ids reserved');
      return formatId(prefix, value);
    },
  };
}

const PREFIX: Record<ImportResource, string> = { 'follow-ups': 'fu', partnerships: 'pts', people: 'per', meetings: 'mtg' };

/**
 * Writes the plan in the caller's transaction: the new records in batches, the updates one by
 * one against the version read (412 if one changed meanwhile: nothing is kept). Returns what
 * undo needs, and each row's record id.
 */
export async function apply<R extends ImportResource>(
  tx: Tx,
  engine: 'sqlite' | 'postgres',
  resource: R,
  plans: ReadonlyArray<RowPlan<R>>,
  mapping: Mapping,
  context: { actor: User; at: string; today: string; note: string },
): Promise<{ records: ImportRecord[]; recordIds: Map<number, string> }> {
  const { actor, at, today } = context;
  const records: ImportRecord[] = [];
  const recordIds = new Map<number, string>();
  const creates = plans.filter((p) => p.outcome === 'create');
  const newPartners = new Map<string, NonNullable<PartnershipRow['newPartner']>>();
  if (resource === 'partnerships') {
    for (const p of creates) {
      const np = (p.row as PartnershipRow).newPartner;
      if (np && !newPartners.has(np.key)) newPartners.set(np.key, np);
    }
  }
  const ids = await reserveIds(tx, engine, creates.length + newPartners.size);
  const meta = (prefix: string) => ({ id: ids.take(prefix), version: 1, createdAt: at, updatedAt: at });

  // The partner regions and organisations the partnership rows name for the first time.
  const partnerIds = new Map<string, { kind: 'region' | 'organization'; id: string }>();
  const regions: Region[] = [];
  const organizations: Organization[] = [];
  for (const [key, np] of newPartners) {
    if (np.kind === 'region') {
      const region = compact({ illustrative: false, strengths: [], ...np.input, ...meta('reg') }) as Region;
      regions.push(region);
      partnerIds.set(key, { kind: 'region', id: region.id });
    } else {
      const organization = compact({ illustrative: false, ...np.input, ...meta('org') }) as Organization;
      organizations.push(organization);
      partnerIds.set(key, { kind: 'organization', id: organization.id });
    }
  }
  if (regions.length > 0) await tx.regions.insertMany(regions);
  if (organizations.length > 0) await tx.organizations.insertMany(organizations);
  for (const r of regions) records.push({ entity: 'region', recordId: r.id, action: 'created', versionAfter: 1 });
  for (const o of organizations) records.push({ entity: 'organization', recordId: o.id, action: 'created', versionAfter: 1 });

  const created: Array<Resources[CollectionName]> = [];
  for (const p of creates) {
    const item = build(resource, p.row, meta(PREFIX[resource]), { actor, at, today, partnerIds });
    created.push(item);
    recordIds.set(p.row.index, item.id);
  }
  const writer = tx[COLLECTION_OF[resource]] as unknown as { insertMany(items: readonly unknown[]): Promise<void>; replace(next: unknown, before: unknown): Promise<void> };
  for (let i = 0; i < created.length; i += 2000) await writer.insertMany(created.slice(i, i + 2000));
  for (const item of created) records.push({ entity: ENTITY_OF[resource], recordId: item.id, action: 'created', versionAfter: 1 });

  const mapped = mappedFields(mapping);
  for (const p of plans) {
    if (p.outcome === 'create' || !p.current) continue;
    recordIds.set(p.row.index, p.current.id);
    if (p.outcome !== 'update') continue;
    const current = p.current as unknown as Record<string, unknown> & { id: string; version: number };
    const next: Record<string, unknown> = structuredClone(current);
    for (const [field, path] of Object.entries(UPDATABLE[resource])) {
      if (mapped.has(field)) setPath(next, path, getPath(p.row.input, path));
    }
    if (resource === 'meetings' && next.source && Object.keys(next.source as object).length === 0) delete next.source;
    if (resource === 'follow-ups') followUpEvents(next as unknown as FollowUp, current as unknown as FollowUp, actor, at, context.note);
    const saved = compact({ ...next, version: current.version + 1, updatedAt: at });
    await writer.replace(saved, current);
    records.push({ entity: ENTITY_OF[resource], recordId: current.id, action: 'updated', before: current, versionAfter: current.version + 1 });
  }
  return { records, recordIds };
}

/** A follow-up's history says what an import changed, as PATCH records it (follow-up-change.ts). */
function followUpEvents(next: FollowUp, current: FollowUp, actor: User, at: string, note: string): void {
  const tracked = ['title', 'description', 'ownerId', 'dueDate', 'sectorIds', 'priority'] as const;
  const changes = tracked
    .filter((field) => !same(current[field], next[field]))
    .map((field) => ({ field, from: current[field] ?? null, to: next[field] ?? null }));
  const events: FollowUpEvent[] = [];
  if (changes.length > 0) events.push({ at, by: actor.id, kind: 'updated', changes, comment: note });
  if (next.status !== current.status) {
    events.push({ at, by: actor.id, kind: 'status', from: current.status, to: next.status, comment: note });
    if (next.status === 'done') next.completedAt = at;
    else delete next.completedAt;
  }
  next.history = [...current.history, ...events];
}

function build(
  resource: ImportResource,
  row: ImportRowOf[ImportResource],
  meta: { id: string; version: number; createdAt: string; updatedAt: string },
  context: { actor: User; at: string; today: string; partnerIds: Map<string, { kind: 'region' | 'organization'; id: string }> },
): Resources[CollectionName] {
  const { actor, at } = context;
  if (resource === 'follow-ups') {
    const input = row.input as ImportRowOf['follow-ups']['input'] & { status: FollowUp['status'] };
    return compact({
      ...input,
      ...meta,
      meetingIds: input.meetingId ? [input.meetingId] : [],
      history: [compact({ at, by: actor.id, kind: 'created' as const, to: input.status, meetingId: input.meetingId })],
      completedAt: input.status === 'done' ? at : undefined,
    }) as FollowUp;
  }
  if (resource === 'people') return compact({ ...(row.input as object), ...meta }) as Person;
  if (resource === 'meetings') return compact({ ...(row.input as object), ...meta }) as Meeting;
  const p = row as PartnershipRow;
  const { stage, stageDate, stageNote, ...fields } = p.input as PartnershipRow['input'] & { stage: Partnership['stage'] };
  const partner = p.newPartner ? context.partnerIds.get(p.newPartner.key) : undefined;
  return compact({
    ...fields,
    ...(partner?.kind === 'region' ? { partnerRegionId: partner.id } : {}),
    ...(partner?.kind === 'organization' ? { partnerOrganizationId: partner.id } : {}),
    ...meta,
    stage,
    // No start date in the file: the day of the import (the preview said so: ImportRowNote startsToday).
    stageHistory: [compact({ to: stage, date: stageDate ?? context.today, note: stageNote, by: actor.id, at })],
  }) as Partnership;
}

export { NEW_PARTNER_REF };
