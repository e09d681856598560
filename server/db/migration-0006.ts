import { sql, type Kysely } from 'kysely';
import { normalizeText } from '../http';
import { SECTOR_THEMES_0006 } from '../seed/sector-themes';
import type { Engine } from './dialect';

// ---------------------------------------------------------------------------------------------
// 0006 (issue 15, items 5 and 6): the meeting record's new fields, and the common sector themes

/**
 * Meetings gain the delegation sizes per side (people, and countries for a multilateral
 * delegation) and the names as the report spelled them, each in a table of its own (a meeting's
 * children, like its statements; the names are searched through the meeting's `search_text`).
 * Tables, not columns: 0001 moves a previous release's file with today's mappers, which write
 * no row for a meeting without them. A database that already holds sectors (one seeded before
 * this release) gets the common themes it lacks; ids already there keep their names and
 * colours. A new, empty database gets them with its seed instead.
 */
export async function meetingRecordAndSectorThemes(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await db.schema
    .createTable('meeting_delegations')
    .ifNotExists()
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('people', 'integer', (c) => c.notNull())
    .addColumn('countries', 'integer')
    .addPrimaryKeyConstraint('meeting_delegations_pk', ['meeting_id', 'position'])
    .execute();
  await db.schema
    .createTable('meeting_names_as_reported')
    .ifNotExists()
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('meeting_names_as_reported_pk', ['meeting_id', 'position'])
    .execute();

  const { rows } = await sql<{ id: string }>`select id from sectors`.execute(db);
  if (rows.length === 0) return;
  const have = new Set(rows.map((r) => r.id));
  const at = new Date().toISOString();
  for (const theme of SECTOR_THEMES_0006) {
    if (have.has(theme.id)) continue;
    const search = normalizeText([theme.id, theme.name.id, theme.name.en].join(' '));
    await sql`insert into sectors (id, version, created_at, updated_at, name_id, name_en, color, retired_at, search_text)
              values (${theme.id}, 1, ${at}, ${at}, ${theme.name.id}, ${theme.name.en}, ${theme.color}, null, ${search})`.execute(db);
  }
  await sql`update meta set value = cast(cast(value as integer) + 1 as text) where key = 'data_version'`.execute(db);
}
