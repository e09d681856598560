import { Migrator, sql, type CreateTableBuilder, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Snapshot } from '../store';
import { columnTypes, searchIndexStatements, searchSetupStatements, SEARCHABLE_TABLES, setSequence, type Engine } from './dialect';
import type { DB } from './schema';
import { writeSnapshot } from './snapshot';
import { meetingRecordAndSectorThemes } from './migration-0006';

/**
 * The schema's history, oldest first, applied at start by Kysely's Migrator (which records each
 * by name and holds a lock, so two processes starting together apply each migration once).
 * Forward only: a migration that has shipped never changes; a change is a new migration, tested
 * from the version before it (tests/db/migrations.test.ts).
 */
export function migrationsFor(engine: Engine): Record<string, Migration> {
  return {
    '0001-relational': { up: (db) => relationalSchema(db, engine) },
    '0002-auth-settings-in-meta': { up: (db) => authSettingsIntoMeta(db, engine) },
    '0003-follow-up-sectors-by-status': { up: (db) => followUpSectorsByStatus(db) },
    '0004-users-home-governments': { up: (db) => usersHomeGovernments(db) },
    '0006-meeting-record-and-sector-themes': { up: (db) => meetingRecordAndSectorThemes(db, engine) },
    '0007-imports': { up: (db) => importsTables(db, engine) },
    '0008-indexes-for-lists-and-stats': { up: (db) => indexesForListsAndStats(db) },
  };
}

export async function migrateToLatest(db: Kysely<DB>, engine: Engine): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrationsFor(engine) };
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

// ---------------------------------------------------------------------------------------------
// 0001: the relational schema, and the move of a database written by the document store

/** The document tables of the store before 0001 (one JSON document per row). */
const LEGACY_COLLECTIONS = {
  sectors: 'sectors',
  regions: 'regions',
  organizations: 'organizations',
  people: 'people',
  users: 'users',
  partnerships: 'partnerships',
  meetings: 'meetings',
  followUps: 'follow_ups',
  audit: 'audit',
} as const;

async function tableColumns(db: Kysely<unknown>, engine: Engine, table: string): Promise<string[]> {
  if (engine === 'postgres') {
    const { rows } = await sql<{ column_name: string }>`select column_name from information_schema.columns
      where table_schema = current_schema() and table_name = ${table}`.execute(db);
    return rows.map((r) => r.column_name);
  }
  const { rows } = await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db);
  return rows.map((r) => r.name);
}

async function relationalSchema(db: Kysely<unknown>, engine: Engine): Promise<void> {
  // A SQLite file of the previous release keeps every resource as JSON in a table of the same
  // name: move those aside, build the new tables, then copy every document across.
  const legacy = engine === 'sqlite' && (await tableColumns(db, engine, 'follow_ups')).includes('data');
  let legacySequence = 0;
  if (legacy) {
    const { rows } = await sql<{ value: string }>`select value from meta where key = 'sequence'`.execute(db);
    legacySequence = Number(rows[0]?.value ?? 0);
    for (const table of [...Object.values(LEGACY_COLLECTIONS), 'idempotency']) {
      await sql`alter table ${sql.table(table)} rename to ${sql.table(`legacy_${table}`)}`.execute(db);
    }
  }

  await createTables(db, engine);

  if (legacy) {
    const snapshot: Record<string, unknown> = {};
    for (const [name, table] of Object.entries(LEGACY_COLLECTIONS)) {
      const { rows } = await sql<{ data: string }>`select data from ${sql.table(`legacy_${table}`)} order by seq`.execute(db);
      snapshot[name] = rows.map((row) => JSON.parse(row.data) as unknown);
    }
    snapshot.sequence = legacySequence;
    await writeSnapshot(db as unknown as Kysely<DB>, engine, snapshot as Snapshot);
    await sql`insert into idempotency (scope, request_hash, status, body, headers, created_at)
              select key, request_hash, status, body, headers, created_at from legacy_idempotency`.execute(db);
    for (const table of [...Object.values(LEGACY_COLLECTIONS), 'idempotency']) {
      await sql`drop table ${sql.table(`legacy_${table}`)}`.execute(db);
    }
  }
}

async function createTables(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const t = columnTypes(engine);
  const schema = db.schema;

  /** seq, id, version and the two instants that every resource table has. */
  const resource = (name: string) =>
    schema
      .createTable(name)
      .addColumn('seq', t.serialKey, (c) => c.primaryKey())
      .addColumn('id', 'text', (c) => c.notNull().unique())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .addColumn('updated_at', t.instant, (c) => c.notNull());

  /** A list of links from a resource to others, in order, each link once. */
  const links = (name: string, parent: string, column: string, target: string) =>
    schema
      .createTable(name)
      .addColumn('owner_id', 'text', (c) => c.notNull().references(`${parent}.id`).onDelete('cascade'))
      .addColumn(column, 'text', (c) => c.notNull().references(`${target}.id`))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${name}_pk`, ['owner_id', column]);

  const run = (builder: CreateTableBuilder<string, never>) => builder.execute();

  for (const statement of searchSetupStatements(engine)) await statement.execute(db);

  // meta: the data version that read caches are keyed by (server/db/cache.ts); on SQLite also
  // the id counter (PostgreSQL has a sequence for it).
  await sql`create table if not exists meta (key text primary key, value text not null)`.execute(db);
  await sql`insert into meta (key, value) values ('data_version', '0') on conflict (key) do nothing`.execute(db);
  if (engine === 'postgres') await sql`create sequence if not exists mitra_ids`.execute(db);

  await run(
    resource('sectors')
      .addColumn('name_id', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('color', 'text', (c) => c.notNull())
      .addColumn('retired_at', t.instant)
      .addColumn('search_text', 'text', (c) => c.notNull()),
  );

  await run(
    resource('regions')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('local_name', 'text')
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('country_code', 'text', (c) => c.notNull())
      .addColumn('province', 'text')
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('lat', t.real)
      .addColumn('lng', t.real)
      .addColumn('notes', 'text')
      .addColumn('illustrative', t.flag, (c) => c.notNull())
      .addColumn('search_text', 'text', (c) => c.notNull()),
  );
  await run(links('region_strengths', 'regions', 'sector_id', 'sectors'));

  await run(
    resource('organizations')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('acronym', 'text')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('country_code', 'text')
      .addColumn('city', 'text')
      .addColumn('website', 'text')
      .addColumn('illustrative', t.flag, (c) => c.notNull())
      .addColumn('search_text', 'text', (c) => c.notNull()),
  );

  await run(
    resource('people')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('position', 'text')
      .addColumn('region_id', 'text', (c) => c.references('regions.id'))
      .addColumn('organization_id', 'text', (c) => c.references('organizations.id'))
      .addColumn('email', 'text')
      .addColumn('phone', 'text')
      .addColumn('illustrative', t.flag, (c) => c.notNull())
      .addColumn('search_text', 'text', (c) => c.notNull()),
  );

  await run(
    resource('users')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('email_key', 'text', (c) => c.notNull().unique())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('position', 'text')
      .addColumn('active', t.flag, (c) => c.notNull())
      .addColumn('search_text', 'text', (c) => c.notNull()),
  );
  // The home governments a user works for, with their role there (a province's staff may see several).
  await run(
    schema
      .createTable('user_home_regions')
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('user_home_regions_pk', ['user_id', 'region_id']),
  );

  await run(
    resource('partnerships')
      .addColumn('home_region_id', 'text', (c) => c.notNull().references('regions.id'))
      .addColumn('partner_region_id', 'text', (c) => c.references('regions.id'))
      .addColumn('partner_organization_id', 'text', (c) => c.references('organizations.id'))
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('stage', 'text', (c) => c.notNull())
      .addColumn('coordinator_id', 'text', (c) => c.references('users.id'))
      .addColumn('loi_date', t.day)
      .addColumn('mou_signed_date', t.day)
      .addColumn('mou_expires_date', t.day)
      .addColumn('notes', 'text')
      .addColumn('illustrative', t.flag, (c) => c.notNull()),
  );
  await run(links('partnership_sectors', 'partnerships', 'sector_id', 'sectors'));
  await run(links('partnership_facilitators', 'partnerships', 'organization_id', 'organizations'));
  await run(
    schema
      .createTable('stage_changes')
      .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('from_stage', 'text')
      .addColumn('to_stage', 'text', (c) => c.notNull())
      .addColumn('date', t.day, (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('by_user_id', 'text', (c) => c.notNull())
      .addColumn('at', t.instant, (c) => c.notNull())
      .addPrimaryKeyConstraint('stage_changes_pk', ['partnership_id', 'position']),
  );

  await run(
    resource('meetings')
      .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('date', t.day, (c) => c.notNull())
      .addColumn('time', 'text')
      .addColumn('time_zone', 'text', (c) => c.notNull())
      .addColumn('place', 'text')
      .addColumn('host_lead_id', 'text', (c) => c.references('people.id'))
      .addColumn('delegation_lead_id', 'text', (c) => c.references('people.id'))
      .addColumn('summary', 'text')
      .addColumn('outcomes', t.json, (c) => c.notNull())
      .addColumn('aims', t.json, (c) => c.notNull())
      .addColumn('source', t.json)
      .addColumn('illustrative', t.flag, (c) => c.notNull())
      .addColumn('search_text', 'text', (c) => c.notNull()),
  );
  await run(links('meeting_sectors', 'meetings', 'sector_id', 'sectors'));
  await run(links('meeting_facilitators', 'meetings', 'organization_id', 'organizations'));
  await run(
    schema
      .createTable('meeting_participants')
      .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('side', 'text', (c) => c.notNull())
      .addColumn('person_id', 'text', (c) => c.references('people.id'))
      .addColumn('organization_id', 'text', (c) => c.references('organizations.id'))
      .addColumn('description', 'text')
      .addPrimaryKeyConstraint('meeting_participants_pk', ['meeting_id', 'position']),
  );
  await run(
    schema
      .createTable('meeting_statements')
      .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('person_id', 'text', (c) => c.references('people.id'))
      .addColumn('speaker', 'text')
      .addColumn('text', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('meeting_statements_pk', ['meeting_id', 'position']),
  );

  await run(
    resource('follow_ups')
      .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id'))
      .addColumn('meeting_id', 'text', (c) => c.references('meetings.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('owner_id', 'text', (c) => c.references('users.id'))
      .addColumn('due_date', t.day)
      .addColumn('priority', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('completed_at', t.instant)
      .addColumn('agreed_on', t.day, (c) => c.notNull())
      .addColumn('search_text', 'text', (c) => c.notNull()),
  );
  await run(
    links('follow_up_sectors', 'follow_ups', 'sector_id', 'sectors')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('due_date', t.day)
      .addColumn('agreed_on', t.day, (c) => c.notNull())
      .addColumn('partnership_id', 'text', (c) => c.notNull()),
  );
  await run(
    schema
      .createTable('follow_up_meetings')
      .addColumn('follow_up_id', 'text', (c) => c.notNull().references('follow_ups.id').onDelete('cascade'))
      .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('follow_up_meetings_pk', ['follow_up_id', 'meeting_id']),
  );
  await run(
    schema
      .createTable('follow_up_events')
      .addColumn('follow_up_id', 'text', (c) => c.notNull().references('follow_ups.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('at', t.instant, (c) => c.notNull())
      .addColumn('by_user_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('from_status', 'text')
      .addColumn('to_status', 'text')
      .addColumn('changes', t.json)
      .addColumn('comment', 'text')
      .addColumn('meeting_id', 'text')
      .addPrimaryKeyConstraint('follow_up_events_pk', ['follow_up_id', 'position']),
  );

  await run(
    schema
      .createTable('audit')
      .addColumn('seq', t.serialKey, (c) => c.primaryKey())
      .addColumn('id', 'text', (c) => c.notNull().unique())
      .addColumn('at', t.instant, (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('changes', t.json, (c) => c.notNull())
      .addColumn('note', 'text'),
  );

  await run(
    schema
      .createTable('idempotency')
      .addColumn('scope', 'text', (c) => c.primaryKey())
      .addColumn('request_hash', 'text', (c) => c.notNull())
      .addColumn('status', 'integer')
      .addColumn('body', 'text')
      .addColumn('headers', 'text')
      .addColumn('created_at', t.instant, (c) => c.notNull()),
  );

  // Sign-in (server/auth): created by the auth store on a SQLite file of the previous release.
  await run(
    schema
      .createTable('auth_credentials')
      .ifNotExists()
      .addColumn('user_id', 'text', (c) => c.primaryKey())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('updated_at', t.millis, (c) => c.notNull()),
  );
  await run(
    schema
      .createTable('auth_sessions')
      .ifNotExists()
      .addColumn('id_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('created_at', t.millis, (c) => c.notNull())
      .addColumn('last_seen_at', t.millis, (c) => c.notNull()),
  );
  await run(
    schema
      .createTable('auth_failures')
      .ifNotExists()
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addColumn('last_at', t.millis, (c) => c.notNull()),
  );

  // Indexes, each named after the queries it serves (see ARCHITECTURE.md, "The data layer").
  const indexes: Array<[name: string, table: string, columns: string[]]> = [
    // follow-up lists by status sorted by due date; KPIs open/overdue; due windows
    ['follow_ups_status_due', 'follow_ups', ['status', 'due_date', 'id']],
    // a follow-up by id with what filters test (status, due date): counts stay in the index
    ['follow_ups_id_status', 'follow_ups', ['id', 'status', 'due_date']],
    // the default follow-up list (sort=dueDate) and its keyset pages
    ['follow_ups_due', 'follow_ups', ['due_date', 'id']],
    ['follow_ups_due_desc', 'follow_ups', ['due_date desc', 'id']],
    // "mine": a user's items by status and due date; overdue-by-owner; the reminder badge
    ['follow_ups_owner', 'follow_ups', ['owner_id', 'status', 'due_date']],
    // a partnership's follow-ups: partnership page, carried items, health, activity
    ['follow_ups_partnership', 'follow_ups', ['partnership_id', 'status']],
    // dashboard periods: agreed in [from, to]
    ['follow_ups_agreed', 'follow_ups', ['agreed_on']],
    ['follow_ups_meeting', 'follow_ups', ['meeting_id']],
    // sector filters of lists and the by-sector charts
    ['follow_up_sectors_sector', 'follow_up_sectors', ['sector_id', 'owner_id']],
    // follow-ups by sector × status in a period; completion and open counts by sector
    ['follow_up_sectors_agreed', 'follow_up_sectors', ['agreed_on', 'sector_id', 'status', 'partnership_id']],
    // overdue follow-ups by sector
    ['follow_up_sectors_due', 'follow_up_sectors', ['status', 'due_date', 'sector_id', 'partnership_id']],
    ['follow_up_meetings_meeting', 'follow_up_meetings', ['meeting_id']],
    // a partnership's meetings (timeline, last meeting); meetings of a period (per-quarter chart)
    ['meetings_partnership_date', 'meetings', ['partnership_id', 'date']],
    ['meetings_date', 'meetings', ['date', 'id']],
    ['meeting_sectors_sector', 'meeting_sectors', ['sector_id', 'owner_id']],
    ['partnerships_home', 'partnerships', ['home_region_id']],
    ['partnerships_partner_region', 'partnerships', ['partner_region_id']],
    ['partnership_sectors_sector', 'partnership_sectors', ['sector_id', 'owner_id']],
    ['people_region', 'people', ['region_id']],
    ['people_organization', 'people', ['organization_id']],
    ['region_strengths_sector', 'region_strengths', ['sector_id', 'owner_id']],
    // a resource's change history, newest first
    ['audit_entity', 'audit', ['entity_id', 'seq']],
    // the admin's audit trail by day
    ['audit_at', 'audit', ['at']],
    ['auth_sessions_user', 'auth_sessions', ['user_id']],
    ['idempotency_created', 'idempotency', ['created_at']],
  ];
  for (const [name, table, columns] of indexes) {
    await schema.createIndex(name).ifNotExists().on(table).columns(columns).execute();
  }

  for (const table of SEARCHABLE_TABLES) {
    for (const statement of searchIndexStatements(engine, table)) await statement.execute(db);
  }

  await setSequence(db, engine, 0);
}

// ---------------------------------------------------------------------------------------------
// 0002: sign-in's settings live in `meta` (server/auth/db-store.ts)

/**
 * The previous release kept sign-in's settings in their own table, `auth_settings`. The
 * device-cookie key moves into `meta` as `auth:device-key`, so a device that signed in before
 * the upgrade stays known; a setup secret does not (a new one is made at every start).
 */
async function authSettingsIntoMeta(db: Kysely<unknown>, engine: Engine): Promise<void> {
  if ((await tableColumns(db, engine, 'auth_settings')).length === 0) return;
  await sql`insert into meta (key, value)
            select 'auth:' || name, value from auth_settings where name = 'device-key'
            on conflict (key) do nothing`.execute(db);
  await sql`drop table auth_settings`.execute(db);
}

// ---------------------------------------------------------------------------------------------
// 0003: a sector's follow-ups of some statuses, from the links alone

/**
 * The follow-up list filtered by sector and status (`?sectorId=education&status=open,in-progress`,
 * the dashboard's drill-downs and an officer's everyday list) finds its rows in the sector links,
 * which carry each follow-up's status and due date: one index range instead of every link of the
 * sector checked against its follow-up (on 50,000 follow-ups, the count 6.9 ms → 0.2 ms).
 */
async function followUpSectorsByStatus(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('follow_up_sectors_sector_status')
    .ifNotExists()
    .on('follow_up_sectors')
    .columns(['sector_id', 'status', 'due_date', 'owner_id'])
    .execute();
}

// ---------------------------------------------------------------------------------------------
// 0004: every user works for the home governments there were (issue 15)

/**
 * Users now see only the records of the home governments they work for
 * (`user_home_regions`, src/domain/home-governments.ts). Before, a deployment had one home
 * government and everyone saw it: every user is assigned to every home region there is, so
 * nothing changes for a one-office install.
 */
async function usersHomeGovernments(db: Kysely<unknown>): Promise<void> {
  await sql`insert into user_home_regions (user_id, region_id, role)
            select u.id, r.id, u.role from users u, regions r
            where r.role = 'home'
              and not exists (select 1 from user_home_regions h where h.user_id = u.id and h.region_id = r.id)`.execute(db);
}

// ---------------------------------------------------------------------------------------------
// 0007: spreadsheet imports and what undoing them needs (issue 14, server/db/imports.ts)

/**
 * `imports`: one per uploaded file — the table as read (JSON), the mapping, who and when, the
 * counts once committed, and the preview last shown (`detail`: the first rows and errors). `import_records`: every record a commit created or updated, with the
 * record as it was before (JSON) and its version after, so undo can remove or restore it unless
 * it changed since.
 */
async function importsTables(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const t = columnTypes(engine);
  await db.schema
    .createTable('imports')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('resource', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('valid_count', 'integer', (c) => c.notNull())
    .addColumn('invalid_count', 'integer', (c) => c.notNull())
    .addColumn('counts', 'text')
    .addColumn('committed_at', t.instant)
    .addColumn('undone_at', t.instant)
    .addColumn('undone_by', 'text')
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('table_data', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('imports_created').ifNotExists().on('imports').columns(['created_at', 'id']).execute();
  await db.schema
    .createTable('import_records')
    .ifNotExists()
    .addColumn('import_id', 'text', (c) => c.notNull().references('imports.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('version_after', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_records_pk', ['import_id', 'position'])
    .execute();
}

// ---------------------------------------------------------------------------------------------
// 0008: indexes found by EXPLAIN on the lists and stats of 50,000 follow-ups

/**
 * Each index serves queries that read every row they count from the table (or sorted every link
 * of a sector) before; the figures are SQLite's CPU time on the load data set (50,000 follow-ups;
 * the list's at 1,000,000), the plans the same on PostgreSQL.
 * - follow_up_sectors_sector_due: a sector's list sorted by due date with several statuses
 *   (`?sectorId=education&status=open,in-progress&sort=-dueDate`, read from the links by
 *   server/db/follow-up-list.ts). 0003's index gives each status in order, so two statuses were
 *   merged by sorting every link of both (32,000 at 1,000,000: 9 ms); this one walks the sector
 *   in due-date order either way, testing the status in the index, and stops after a page (0.1 ms).
 * - follow_up_sectors_sector_status_agreed: /stats/follow-ups-by-sector (a count per sector and
 *   status of the links agreed in the period) in index order, without a sort of every link of
 *   the period (42 ms → 5 ms).
 * - follow_ups_partnership_overdue (replaces follow_ups_partnership, its prefix): /stats/health's
 *   overdue count per partnership from the index alone (66 ms → 2 ms).
 * - follow_ups_agreed_status (replaces follow_ups_agreed, its prefix): the KPIs' agreed and done
 *   counts and /stats/completion-by-month from the index alone (17 ms → 0.5 and 2.5 ms).
 * - follow_ups_partnership_due: a partnership's follow-ups by due date (the partnership page's
 *   list, `?partnershipId=…`), a page walked in order instead of all its follow-ups sorted.
 * Left as they are: the sorts by title, priority, status (expressions) and updated/created
 * (rare), which scan and sort; a filter narrows them first.
 */
async function indexesForListsAndStats(db: Kysely<unknown>): Promise<void> {
  const indexes: Array<[name: string, table: string, columns: string[]]> = [
    ['follow_up_sectors_sector_due', 'follow_up_sectors', ['sector_id', 'due_date', 'owner_id', 'status']],
    ['follow_up_sectors_sector_status_agreed', 'follow_up_sectors', ['sector_id', 'status', 'agreed_on', 'partnership_id']],
    ['follow_ups_partnership_overdue', 'follow_ups', ['partnership_id', 'status', 'due_date']],
    ['follow_ups_agreed_status', 'follow_ups', ['agreed_on', 'status']],
    ['follow_ups_partnership_due', 'follow_ups', ['partnership_id', 'due_date', 'id']],
  ];
  for (const [name, table, columns] of indexes) {
    await db.schema.createIndex(name).ifNotExists().on(table).columns(columns).execute();
  }
  await db.schema.dropIndex('follow_ups_partnership').ifExists().execute();
  await db.schema.dropIndex('follow_ups_agreed').ifExists().execute();
}
