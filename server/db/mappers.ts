import type { Kysely } from 'kysely';
import type { AuditEntry } from '../../src/domain/audit';
import { dayOfInstant, HOME_TIME_ZONE } from '../../src/domain/dates';
import type { FollowUp, FollowUpEvent } from '../../src/domain/follow-up';
import { DELEGATION_SIDES, type Meeting } from '../../src/domain/meeting';
import type { Organization } from '../../src/domain/organization';
import type { Partnership } from '../../src/domain/partnership';
import type { Person } from '../../src/domain/person';
import type { Region } from '../../src/domain/region';
import type { Sector } from '../../src/domain/sector';
import type { User } from '../../src/domain/user';
import { normalizeText } from '../http';
import { bumpDataVersion } from './cache';
import type { DB } from './schema';

/**
 * Resources ↔ rows. Each resource is one row in its table plus rows in its child tables (join
 * tables for lists of ids, ordered by `position`; embedded lists such as a partnership's stage
 * history or a follow-up's events). A resource read back equals the resource written: optional
 * fields absent stay absent, lists keep their order.
 *
 * Written whole: `insertResource` writes the row and its children; `replaceResource` updates the
 * row (only if its version is still the one the caller read: an atomic conditional UPDATE) and
 * rewrites the children. Read in batches: `loadResources` takes many ids and reads each child
 * table once for all of them.
 */

type Row = Record<string, unknown>;
type Table = keyof DB;

type Child<T> = {
  table: Table;
  /** The column naming the parent resource. */
  parent: string;
  /** The column the children are read back in (default `position`). */
  order?: string;
  rows(item: T): Row[];
};

export type ResourceMap<T extends { id: string }> = {
  table: Table;
  toRow(item: T): Row;
  children: Record<string, Child<T>>;
  fromRow(row: Row, children: Record<string, Row[]>): T;
};

// ---------------------------------------------------------------------------------------------
// Values

const flag = (value: boolean | undefined) => (value ? 1 : 0);
const isSet = (value: unknown) => value === true || value === 1 || value === '1' || value === 't';
/** JSON as written (text) and as read (text on SQLite, parsed on PostgreSQL). */
const toJson = (value: unknown) => JSON.stringify(value);
const fromJson = <T>(value: unknown): T => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T));
const nullable = <T>(value: T | undefined): T | null => (value === undefined ? null : value);
const num = (value: unknown) => (typeof value === 'number' ? value : Number(value));

/** Copies the keys whose value is not null or undefined: rows have nulls, resources omit. */
function present<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], null>;
  };
}

const meta = (item: { id: string; version: number; createdAt: string; updatedAt: string }) => ({
  id: item.id,
  version: item.version,
  created_at: item.createdAt,
  updated_at: item.updatedAt,
});

const metaOf = (row: Row) => ({
  id: row.id as string,
  version: num(row.version),
  createdAt: row.created_at as string,
  updatedAt: row.updated_at as string,
});

/** A list without repeats, first occurrence kept: a join table holds each link once. */
const unique = (ids: readonly string[]) => [...new Set(ids)];

function sectorLinks<T>(table: Table, ids: (item: T) => readonly string[]): Child<T> {
  return {
    table,
    parent: 'owner_id',
    rows: (item) => unique(ids(item)).map((sectorId, position) => ({ sector_id: sectorId, position })),
  };
}

function facilitatorLinks<T>(table: Table, ids: (item: T) => readonly string[]): Child<T> {
  return {
    table,
    parent: 'owner_id',
    rows: (item) => unique(ids(item)).map((organizationId, position) => ({ organization_id: organizationId, position })),
  };
}

const idsOf = (rows: Row[] | undefined, column: string) => (rows ?? []).map((row) => row[column] as string);

/** The text a list's `q` searches, normalised once at write time. */
export const searchTextOf = (...parts: Array<string | undefined>) => normalizeText(parts.filter(Boolean).join(' '));

/**
 * The day a follow-up was agreed: its `agreedOn` (the meeting's date or a date given), else the
 * day of its creation in Asia/Jakarta. Read back as `agreedOn` only where it differs from that day.
 */
export const agreedOnOf = (item: Pick<FollowUp, 'createdAt' | 'agreedOn'>) => item.agreedOn ?? dayOfInstant(item.createdAt, HOME_TIME_ZONE);

// ---------------------------------------------------------------------------------------------
// Resources

export const sectorMap: ResourceMap<Sector> = {
  table: 'sectors',
  toRow: (s) => ({
    ...meta(s),
    name_id: s.name.id,
    name_en: s.name.en,
    color: s.color,
    retired_at: nullable(s.retiredAt),
    search_text: searchTextOf(s.id, s.name.id, s.name.en),
  }),
  children: {},
  fromRow: (row) => ({
    ...metaOf(row),
    name: { id: row.name_id as string, en: row.name_en as string },
    color: row.color as string,
    ...present({ retiredAt: row.retired_at as string | null }),
  }),
};

export const regionMap: ResourceMap<Region> = {
  table: 'regions',
  toRow: (r) => ({
    ...meta(r),
    name: r.name,
    local_name: nullable(r.localName),
    level: r.level,
    country_code: r.countryCode,
    province: nullable(r.province),
    role: r.role,
    lat: nullable(r.coordinates?.lat),
    lng: nullable(r.coordinates?.lng),
    notes: nullable(r.notes),
    illustrative: flag(r.illustrative),
    search_text: searchTextOf(r.name, r.localName, r.province, r.countryCode),
  }),
  children: { strengths: sectorLinks('region_strengths', (r) => r.strengths) },
  fromRow: (row, children) => ({
    ...metaOf(row),
    ...present({
      name: row.name as string,
      localName: row.local_name as string | null,
      level: row.level as Region['level'],
      countryCode: row.country_code as string,
      province: row.province as string | null,
      role: row.role as Region['role'],
    }),
    strengths: idsOf(children.strengths, 'sector_id'),
    ...(row.lat !== null && row.lat !== undefined ? { coordinates: { lat: num(row.lat), lng: num(row.lng) } } : {}),
    ...present({ notes: row.notes as string | null }),
    illustrative: isSet(row.illustrative),
  }),
};

export const organizationMap: ResourceMap<Organization> = {
  table: 'organizations',
  toRow: (o) => ({
    ...meta(o),
    name: o.name,
    acronym: nullable(o.acronym),
    kind: o.kind,
    country_code: nullable(o.countryCode),
    city: nullable(o.city),
    website: nullable(o.website),
    illustrative: flag(o.illustrative),
    search_text: searchTextOf(o.name, o.acronym, o.city),
  }),
  children: {},
  fromRow: (row) => ({
    ...metaOf(row),
    ...present({
      name: row.name as string,
      acronym: row.acronym as string | null,
      kind: row.kind as Organization['kind'],
      countryCode: row.country_code as string | null,
      city: row.city as string | null,
      website: row.website as string | null,
    }),
    illustrative: isSet(row.illustrative),
  }),
};

export const personMap: ResourceMap<Person> = {
  table: 'people',
  toRow: (p) => ({
    ...meta(p),
    name: p.name,
    position: nullable(p.position),
    region_id: nullable(p.regionId),
    organization_id: nullable(p.organizationId),
    email: nullable(p.email),
    phone: nullable(p.phone),
    illustrative: flag(p.illustrative),
    search_text: searchTextOf(p.name, p.position),
  }),
  children: {},
  fromRow: (row) => ({
    ...metaOf(row),
    ...present({
      name: row.name as string,
      position: row.position as string | null,
      regionId: row.region_id as string | null,
      organizationId: row.organization_id as string | null,
      email: row.email as string | null,
      phone: row.phone as string | null,
    }),
    illustrative: isSet(row.illustrative),
  }),
};

export const userMap: ResourceMap<User> = {
  table: 'users',
  toRow: (u) => ({
    ...meta(u),
    name: u.name,
    email: u.email,
    email_key: u.email.trim().toLowerCase(),
    role: u.role,
    position: nullable(u.position),
    active: flag(u.active),
    search_text: searchTextOf(u.name, u.email, u.position),
  }),
  children: {
    // The home governments the user works for (src/domain/home-governments.ts), with the role
    // (global, so the same on every row). Read back in id order: a set, not a list.
    homeRegions: {
      table: 'user_home_regions',
      parent: 'user_id',
      order: 'region_id',
      rows: (u) => unique([...(u.homeRegionIds ?? [])].sort()).map((regionId) => ({ region_id: regionId, role: u.role })),
    },
  },
  fromRow: (row, children) => ({
    ...metaOf(row),
    ...present({
      name: row.name as string,
      email: row.email as string,
      role: row.role as User['role'],
      position: row.position as string | null,
    }),
    active: isSet(row.active),
    homeRegionIds: idsOf(children.homeRegions, 'region_id'),
  }),
};

export const partnershipMap: ResourceMap<Partnership> = {
  table: 'partnerships',
  toRow: (p) => ({
    ...meta(p),
    home_region_id: p.homeRegionId,
    partner_region_id: nullable(p.partnerRegionId),
    partner_organization_id: nullable(p.partnerOrganizationId),
    type: p.type,
    stage: p.stage,
    coordinator_id: nullable(p.coordinatorId),
    loi_date: nullable(p.agreements.loiDate),
    mou_signed_date: nullable(p.agreements.mouSignedDate),
    mou_expires_date: nullable(p.agreements.mouExpiresDate),
    notes: nullable(p.notes),
    illustrative: flag(p.illustrative),
  }),
  children: {
    focusSectors: sectorLinks('partnership_sectors', (p) => p.focusSectorIds),
    facilitators: facilitatorLinks('partnership_facilitators', (p) => p.facilitatorIds),
    stageHistory: {
      table: 'stage_changes',
      parent: 'partnership_id',
      rows: (p) =>
        p.stageHistory.map((change, position) => ({
          position,
          from_stage: nullable(change.from),
          to_stage: change.to,
          date: change.date,
          note: nullable(change.note),
          by_user_id: change.by,
          at: change.at,
        })),
    },
  },
  fromRow: (row, children) => ({
    ...metaOf(row),
    ...present({
      homeRegionId: row.home_region_id as string,
      partnerRegionId: row.partner_region_id as string | null,
      partnerOrganizationId: row.partner_organization_id as string | null,
      type: row.type as Partnership['type'],
    }),
    focusSectorIds: idsOf(children.focusSectors, 'sector_id'),
    facilitatorIds: idsOf(children.facilitators, 'organization_id'),
    ...present({ coordinatorId: row.coordinator_id as string | null }),
    agreements: present({
      loiDate: row.loi_date as string | null,
      mouSignedDate: row.mou_signed_date as string | null,
      mouExpiresDate: row.mou_expires_date as string | null,
    }),
    ...present({ notes: row.notes as string | null }),
    illustrative: isSet(row.illustrative),
    stage: row.stage as Partnership['stage'],
    stageHistory: (children.stageHistory ?? []).map((c) => ({
      ...present({ from: c.from_stage as Partnership['stage'] | null }),
      to: c.to_stage as Partnership['stage'],
      date: c.date as string,
      ...present({ note: c.note as string | null }),
      by: c.by_user_id as string,
      at: c.at as string,
    })),
  }),
};

/** A meeting's delegation sizes (0006), one row per side reported; absent when none was. */
function delegationSizeOf(rows: Row[] | undefined): Pick<Meeting, 'delegationSize'> {
  if (!rows || rows.length === 0) return {};
  const sides = Object.fromEntries(
    rows.map((r) => [r.side as string, { people: num(r.people), ...present({ countries: r.countries === null ? null : num(r.countries) }) }]),
  );
  return { delegationSize: Object.fromEntries(DELEGATION_SIDES.filter((side) => sides[side]).map((side) => [side, sides[side]])) };
}

export const meetingMap: ResourceMap<Meeting> = {
  table: 'meetings',
  toRow: (m) => ({
    ...meta(m),
    partnership_id: m.partnershipId,
    kind: m.kind,
    title: m.title,
    date: m.date,
    time: nullable(m.time),
    time_zone: m.timeZone,
    place: nullable(m.place),
    host_lead_id: nullable(m.hostLeadId),
    delegation_lead_id: nullable(m.delegationLeadId),
    summary: nullable(m.summary),
    outcomes: toJson(m.outcomes),
    aims: toJson(m.aims),
    source: m.source === undefined ? null : toJson(m.source),
    illustrative: flag(m.illustrative),
    // The names as reported are aliases: a search for "Walikota Binzhou" finds the meeting.
    search_text: searchTextOf(m.title, m.place, m.summary, ...(m.namesAsReported ?? [])),
  }),
  children: {
    participants: {
      table: 'meeting_participants',
      parent: 'meeting_id',
      rows: (m) =>
        m.participants.map((p, position) => ({
          position,
          side: p.side,
          person_id: nullable(p.personId),
          organization_id: nullable(p.organizationId),
          description: nullable(p.description),
        })),
    },
    facilitators: facilitatorLinks('meeting_facilitators', (m) => m.facilitatorIds),
    sectors: sectorLinks('meeting_sectors', (m) => m.sectorIds),
    statements: {
      table: 'meeting_statements',
      parent: 'meeting_id',
      rows: (m) =>
        m.statements.map((s, position) => ({
          position,
          person_id: nullable(s.personId),
          speaker: nullable(s.speaker),
          text: s.text,
        })),
    },
    delegations: {
      table: 'meeting_delegations',
      parent: 'meeting_id',
      rows: (m) =>
        DELEGATION_SIDES.flatMap((side) => {
          const size = m.delegationSize?.[side];
          return size ? [{ side, people: size.people, countries: nullable(size.countries) }] : [];
        }).map((row, position) => ({ position, ...row })),
    },
    namesAsReported: {
      table: 'meeting_names_as_reported',
      parent: 'meeting_id',
      rows: (m) => (m.namesAsReported ?? []).map((name, position) => ({ position, name })),
    },
  },
  fromRow: (row, children) => ({
    ...metaOf(row),
    ...present({
      partnershipId: row.partnership_id as string,
      kind: row.kind as Meeting['kind'],
      title: row.title as string,
      date: row.date as string,
      time: row.time as string | null,
      timeZone: row.time_zone as string,
      place: row.place as string | null,
      hostLeadId: row.host_lead_id as string | null,
      delegationLeadId: row.delegation_lead_id as string | null,
    }),
    participants: (children.participants ?? []).map((p) => ({
      side: p.side as Meeting['participants'][number]['side'],
      ...present({
        personId: p.person_id as string | null,
        organizationId: p.organization_id as string | null,
        description: p.description as string | null,
      }),
    })),
    facilitatorIds: idsOf(children.facilitators, 'organization_id'),
    sectorIds: idsOf(children.sectors, 'sector_id'),
    ...present({ summary: row.summary as string | null }),
    statements: (children.statements ?? []).map((s) => ({
      ...present({ personId: s.person_id as string | null, speaker: s.speaker as string | null }),
      text: s.text as string,
    })),
    outcomes: fromJson<string[]>(row.outcomes),
    aims: fromJson<string[]>(row.aims),
    ...(row.source === null || row.source === undefined ? {} : { source: fromJson<NonNullable<Meeting['source']>>(row.source) }),
    illustrative: isSet(row.illustrative),
    ...delegationSizeOf(children.delegations),
    ...((children.namesAsReported ?? []).length > 0
      ? { namesAsReported: children.namesAsReported!.map((n) => n.name as string) }
      : {}),
  }),
};

export const followUpMap: ResourceMap<FollowUp> = {
  table: 'follow_ups',
  toRow: (f) => ({
    ...meta(f),
    partnership_id: f.partnershipId,
    meeting_id: nullable(f.meetingId),
    title: f.title,
    description: nullable(f.description),
    owner_id: nullable(f.ownerId),
    due_date: nullable(f.dueDate),
    priority: f.priority,
    status: f.status,
    completed_at: nullable(f.completedAt),
    agreed_on: agreedOnOf(f),
    search_text: searchTextOf(f.title, f.description),
  }),
  children: {
    // Each link carries a copy of what the by-sector figures filter on (status, due date, day
    // agreed, partnership): those figures are then counted from this table's indexes alone. The
    // links are rewritten with the follow-up, so the copy never drifts.
    sectors: {
      table: 'follow_up_sectors',
      parent: 'owner_id',
      rows: (f) =>
        unique(f.sectorIds).map((sectorId, position) => ({
          sector_id: sectorId,
          position,
          status: f.status,
          due_date: nullable(f.dueDate),
          agreed_on: agreedOnOf(f),
          partnership_id: f.partnershipId,
        })),
    },
    meetings: {
      table: 'follow_up_meetings',
      parent: 'follow_up_id',
      rows: (f) => unique(f.meetingIds).map((meetingId, position) => ({ meeting_id: meetingId, position })),
    },
    history: {
      table: 'follow_up_events',
      parent: 'follow_up_id',
      rows: (f) =>
        f.history.map((e, position) => ({
          position,
          at: e.at,
          by_user_id: e.by,
          kind: e.kind,
          from_status: nullable(e.from),
          to_status: nullable(e.to),
          changes: e.changes === undefined ? null : toJson(e.changes),
          comment: nullable(e.comment),
          meeting_id: nullable(e.meetingId),
        })),
    },
  },
  fromRow: (row, children) => ({
    ...metaOf(row),
    ...present({
      title: row.title as string,
      description: row.description as string | null,
      ownerId: row.owner_id as string | null,
      dueDate: row.due_date as string | null,
    }),
    sectorIds: idsOf(children.sectors, 'sector_id'),
    ...present({
      priority: row.priority as FollowUp['priority'],
      partnershipId: row.partnership_id as string,
      meetingId: row.meeting_id as string | null,
      status: row.status as FollowUp['status'],
    }),
    meetingIds: idsOf(children.meetings, 'meeting_id'),
    history: (children.history ?? []).map(
      (e): FollowUpEvent => ({
        at: e.at as string,
        by: e.by_user_id as string,
        kind: e.kind as FollowUpEvent['kind'],
        ...present({
          from: e.from_status as FollowUpEvent['from'] | null,
          to: e.to_status as FollowUpEvent['to'] | null,
        }),
        ...(e.changes === null || e.changes === undefined ? {} : { changes: fromJson<NonNullable<FollowUpEvent['changes']>>(e.changes) }),
        ...present({ comment: e.comment as string | null, meetingId: e.meeting_id as string | null }),
      }),
    ),
    ...present({ completedAt: row.completed_at as string | null }),
    ...(row.agreed_on !== dayOfInstant(row.created_at as string, HOME_TIME_ZONE) ? { agreedOn: row.agreed_on as string } : {}),
  }),
};

export const auditMap: ResourceMap<AuditEntry> = {
  table: 'audit',
  toRow: (e) => ({
    id: e.id,
    at: e.at,
    actor_id: e.actorId,
    action: e.action,
    entity: e.entity,
    entity_id: e.entityId,
    version: e.version,
    changes: toJson(e.changes),
    note: nullable(e.note),
  }),
  children: {},
  fromRow: (row) => ({
    id: row.id as string,
    at: row.at as string,
    actorId: row.actor_id as string,
    action: row.action as AuditEntry['action'],
    entity: row.entity as AuditEntry['entity'],
    entityId: row.entity_id as string,
    version: num(row.version),
    changes: fromJson<AuditEntry['changes']>(row.changes),
    ...present({ note: row.note as string | null }),
  }),
};

/** Every resource kind, in the order that satisfies foreign keys when writing a whole data set. */
export const RESOURCE_MAPS = {
  sectors: sectorMap,
  regions: regionMap,
  organizations: organizationMap,
  people: personMap,
  users: userMap,
  partnerships: partnershipMap,
  meetings: meetingMap,
  followUps: followUpMap,
  audit: auditMap,
} as const;

export type ResourceName = keyof typeof RESOURCE_MAPS;

// ---------------------------------------------------------------------------------------------
// Reading and writing

/** Most engines take a few thousand parameters per statement; batches stay well below. */
const BATCH = 400;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function insertRows(db: Kysely<DB>, table: Table, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] as Row).length || 1;
  for (const batch of chunks(rows, Math.max(1, Math.floor(4000 / columns)))) {
    await db.insertInto(table).values(batch as never).execute();
  }
}

/** Inserts resources and their children (many at once: seeding, imports). */
export async function insertResources<T extends { id: string }>(db: Kysely<DB>, map: ResourceMap<T>, items: readonly T[]): Promise<void> {
  if (items.length === 0) return;
  await bumpDataVersion(db);
  await insertRows(db, map.table, items.map(map.toRow));
  for (const child of Object.values(map.children)) {
    await insertRows(
      db,
      child.table,
      items.flatMap((item) => child.rows(item).map((row) => ({ [child.parent]: item.id, ...row }))),
    );
  }
}

export function insertResource<T extends { id: string }>(db: Kysely<DB>, map: ResourceMap<T>, item: T): Promise<void> {
  return insertResources(db, map, [item]);
}

/**
 * Writes a changed resource over the stored one, if the stored one is still at `expectedVersion`
 * (an atomic conditional UPDATE: of two writers that read the same version, exactly one wins).
 * Returns false, changing nothing, when the version moved on or the row is gone.
 */
export async function replaceResource<T extends { id: string }>(
  db: Kysely<DB>,
  map: ResourceMap<T>,
  item: T,
  expectedVersion: number,
): Promise<boolean> {
  const { id: _id, ...row } = map.toRow(item);
  const result = await db
    .updateTable(map.table)
    .set(row as never)
    .where('id' as never, '=', item.id as never)
    .where('version' as never, '=', expectedVersion as never)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  await bumpDataVersion(db);
  for (const child of Object.values(map.children)) {
    await db.deleteFrom(child.table).where(child.parent as never, '=', item.id as never).execute();
    await insertRows(db, child.table, child.rows(item).map((r) => ({ [child.parent]: item.id, ...r })));
  }
  return true;
}

/**
 * Deletes resources (and their child rows) that are still at the version given. Checks first and
 * deletes nothing when any is gone or at another version: returns those ids (else []).
 */
export async function deleteResources<T extends { id: string }>(
  db: Kysely<DB>,
  map: ResourceMap<T>,
  items: ReadonlyArray<{ id: string; version: number }>,
): Promise<string[]> {
  if (items.length === 0) return [];
  const expected = new Map(items.map((item) => [item.id, item.version]));
  const found = new Map<string, number>();
  for (const batch of chunks([...expected.keys()], BATCH)) {
    const rows = (await db.selectFrom(map.table).select(['id', 'version'] as never).where('id' as never, 'in', batch as never).execute()) as Row[];
    for (const row of rows) found.set(row.id as string, num(row.version));
  }
  const changed = [...expected].filter(([id, version]) => found.get(id) !== version).map(([id]) => id);
  if (changed.length > 0) return changed;
  await bumpDataVersion(db);
  for (const batch of chunks([...expected.keys()], BATCH)) {
    for (const child of Object.values(map.children)) {
      await db.deleteFrom(child.table).where(child.parent as never, 'in', batch as never).execute();
    }
    await db.deleteFrom(map.table).where('id' as never, 'in', batch as never).execute();
  }
  return [];
}

/** Rows → resources, reading each child table once for all the rows. */
export async function hydrate<T extends { id: string }>(
  db: Kysely<DB>,
  map: ResourceMap<T>,
  rows: Row[],
  options: { without?: readonly string[] } = {},
): Promise<T[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id as string);
  const byChild: Record<string, Map<string, Row[]>> = {};
  for (const [name, child] of Object.entries(map.children)) {
    const grouped = new Map<string, Row[]>();
    byChild[name] = grouped;
    if (options.without?.includes(name)) continue;
    for (const batch of chunks(ids, BATCH)) {
      const childRows = (await db
        .selectFrom(child.table)
        .selectAll()
        .where(child.parent as never, 'in', batch as never)
        .orderBy(child.parent as never)
        .orderBy((child.order ?? 'position') as never)
        .execute()) as Row[];
      for (const childRow of childRows) {
        const key = childRow[child.parent] as string;
        const list = grouped.get(key);
        if (list) list.push(childRow);
        else grouped.set(key, [childRow]);
      }
    }
  }
  return rows.map((row) =>
    map.fromRow(
      row,
      Object.fromEntries(Object.entries(byChild).map(([name, grouped]) => [name, grouped.get(row.id as string) ?? []])),
    ),
  );
}

/** The resources with these ids, in the order of `ids` (missing ones left out). */
export async function loadResources<T extends { id: string }>(
  db: Kysely<DB>,
  map: ResourceMap<T>,
  ids: readonly string[],
  options: { without?: readonly string[] } = {},
): Promise<T[]> {
  if (ids.length === 0) return [];
  const rows: Row[] = [];
  for (const batch of chunks(unique(ids), BATCH)) {
    rows.push(...((await db.selectFrom(map.table).selectAll().where('id' as never, 'in', batch as never).execute()) as Row[]));
  }
  const byId = new Map((await hydrate(db, map, rows, options)).map((item) => [item.id, item]));
  return ids.flatMap((id) => {
    const item = byId.get(id);
    return item ? [item] : [];
  });
}

export async function loadResource<T extends { id: string }>(db: Kysely<DB>, map: ResourceMap<T>, id: string): Promise<T | undefined> {
  return (await loadResources(db, map, [id]))[0];
}
