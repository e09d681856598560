import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSnapshot, IDS } from '../../server/seed/demo-data';
import { columnKinds, compareDatabases, copySqliteToPostgres, CopyError, formatReport, normalizeValue, tableDigest, TABLES } from '../../server/db/copy';
import { matchesWords, nextSequenceValues } from '../../server/db/dialect';
import { openSqlite } from '../../server/db/engine';
import { migrateToLatest, migrationsFor } from '../../server/db/migrations';
import { SECTOR_THEMES_0006 } from '../../server/seed/sector-themes';
import { readSnapshot, writeSnapshot } from '../../server/db/snapshot';
import { fileURLToPath } from 'node:url';
import { copyFileSync } from 'node:fs';
import { ENGINE, engineAvailable, openTestDatabase } from './harness';

/**
 * `npm run db:copy`: a SQLite file moved onto PostgreSQL. Runs in the db-postgres project only
 * (skipped elsewhere, and when PostgreSQL is not installed).
 */

const fileHash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

let dir: string;
let sourcePath: string;

/** A SQLite file with the demo data and a row in every other table (audit, idempotency, sign-in). */
async function seedSqliteFile(path: string): Promise<void> {
  const file = openSqlite({ path });
  try {
    await migrateToLatest(file.db, 'sqlite');
    await file.db.transaction().execute(async (trx) => {
      await writeSnapshot(trx, 'sqlite', demoSnapshot());
      // JSON whose key order jsonb changes, and instants without milliseconds: the hash must not care.
      await trx
        .insertInto('audit')
        .values({
          id: 'aud-1',
          at: '2025-11-01T03:00:00Z',
          actor_id: IDS.staff,
          action: 'update',
          entity: 'followUp',
          entity_id: 'fu-x',
          version: 2,
          changes: '{"title":{"to":"b","from":"a"},"a":[1,2,{"z":1,"y":null}]}',
          note: null,
        })
        .execute();
      await trx
        .insertInto('idempotency')
        .values({ scope: `${IDS.staff} /api/meetings k1`, request_hash: 'abc', status: 201, body: '{"id":"mtg-1"}', headers: '{}', created_at: '2025-11-01T03:00:00.000Z' })
        .execute();
      await trx.insertInto('auth_credentials').values({ user_id: IDS.admin, password_hash: '$scrypt$x', updated_at: 1_700_000_000_123 }).execute();
      await trx.insertInto('auth_sessions').values({ id_hash: 'h1', user_id: IDS.admin, created_at: 1, last_seen_at: 2 }).execute();
      await trx.insertInto('auth_failures').values({ key: 'ip:127.0.0.1', count: 3, last_at: 5 }).execute();
      await sql`update meta set value = '17' where key = 'data_version'`.execute(trx);
    });
  } finally {
    await file.close();
  }
}

async function target() {
  return openTestDatabase({ migrate: false });
}

describe.runIf(ENGINE === 'postgres' && engineAvailable)('npm run db:copy: SQLite onto PostgreSQL', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mitra-copy-test-'));
    sourcePath = join(dir, 'mitra.sqlite');
    await seedSqliteFile(sourcePath);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('copies every table, checked by counts and hashes; the source file is untouched', async () => {
    const before = fileHash(sourcePath);
    const to = await target();
    try {
      const lines: string[] = [];
      const report = await copySqliteToPostgres({ from: sourcePath, to, batchSize: 7, log: (l) => lines.push(l) });
      expect(report.same).toBe(true);
      expect(report.migratedSource).toEqual([]);
      expect(report.tables.map((t) => t.table).sort()).toEqual([...TABLES].sort());
      const demo = demoSnapshot();
      const rows = Object.fromEntries(report.tables.map((t) => [t.table, t.target.rows]));
      expect(rows).toMatchObject({
        follow_ups: demo.followUps.length,
        meetings: demo.meetings.length,
        users: demo.users.length,
        audit: 1,
        idempotency: 1,
        auth_credentials: 1,
        auth_sessions: 1,
        auth_failures: 1,
        meta: 1, // data_version; SQLite's id counter is the sequence, compared on its own
      });
      for (const t of report.tables) {
        expect(t.source).toEqual(t.target);
        expect(t.target.sha256).toMatch(/^[0-9a-f]{64}$/);
      }
      expect(report.sequence).toEqual({ source: demo.sequence, target: demo.sequence, same: true });
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^follow_ups: ${demo.followUps.length} rows \\(\\d+ ms\\)$`)));
      expect(formatReport(report)).toMatch(/follow_ups\s+\d+\s+\d+\s+[0-9a-f]{16}\s+[0-9a-f]{16}\s+ok/);

      // Field for field, as the application reads it.
      const source = openSqlite({ path: sourcePath });
      try {
        const expected = await readSnapshot(source.db, 'sqlite');
        // The one instant seeded without milliseconds comes back as PostgreSQL spells it.
        expected.audit = expected.audit?.map((a) => ({ ...a, at: new Date(a.at).toISOString() }));
        expect(await readSnapshot(to.db, 'postgres')).toEqual(expected);
      } finally {
        await source.close();
      }
      const audit = await to.db.selectFrom('audit').selectAll().executeTakeFirstOrThrow();
      expect(audit.changes).toEqual({ title: { from: 'a', to: 'b' }, a: [1, 2, { y: null, z: 1 }] });
      expect(audit.at).toBe('2025-11-01T03:00:00.000Z');
      expect((await to.db.selectFrom('meta').select('value').where('key', '=', 'data_version').executeTakeFirstOrThrow()).value).toBe('17');
      expect(await to.db.selectFrom('auth_credentials').selectAll().execute()).toEqual([{ user_id: IDS.admin, password_hash: '$scrypt$x', updated_at: 1_700_000_000_123 }]);

      // New rows go on from the copied ones: ids and the identity columns.
      expect(await nextSequenceValues(to.db, 'postgres')).toEqual([demo.sequence + 1]);
      const inserted = await to.db
        .insertInto('audit')
        .values({ id: 'aud-2', at: '2025-11-02T00:00:00.000Z', actor_id: IDS.staff, action: 'create', entity: 'followUp', entity_id: 'fu-y', version: 1, changes: '{}', note: null })
        .returning('seq')
        .executeTakeFirstOrThrow();
      expect(inserted.seq).toBe(2);
      // Searchable on the target (pg_trgm over the copied search_text).
      const first = await to.db.selectFrom('follow_ups').select(['id', 'search_text']).orderBy('seq').executeTakeFirstOrThrow();
      const word = first.search_text.split(' ').find((w) => w.length >= 5)!;
      const found = await to.db.selectFrom('follow_ups as f').select('f.id').where(matchesWords('postgres', 'follow_ups', 'f', [word.slice(1, 5)])).execute();
      expect(found.map((r) => r.id)).toContain(first.id);
    } finally {
      await to.close();
    }
    expect(fileHash(sourcePath)).toBe(before);
  });

  it('refuses a target that already holds rows, and changes nothing there', async () => {
    const to = await target();
    try {
      await copySqliteToPostgres({ from: sourcePath, to });
      await sql`update follow_ups set title = 'changed on the target' where id = ${demoSnapshot().followUps[0]!.id}`.execute(to.db);
      const before = await readSnapshot(to.db, 'postgres');
      const failure = await copySqliteToPostgres({ from: sourcePath, to }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(CopyError);
      expect((failure as Error).message).toMatch(/already holds rows \(sectors, regions.*\): copy into a new, empty database/);
      expect(await readSnapshot(to.db, 'postgres')).toEqual(before);
    } finally {
      await to.close();
    }
  });

  it('a copy that differs from the source is rolled back whole: the check names the table', async () => {
    const to = await target();
    try {
      const victim = demoSnapshot().followUps[3]!.id;
      const failure = await copySqliteToPostgres({
        from: sourcePath,
        to,
        batchSize: 5,
        beforeInsert: (table, rows) => (table === 'follow_ups' ? rows.map((r) => (r.id === victim ? { ...r, title: `${String(r.title)}!` } : r)) : rows),
      }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(CopyError);
      const error = failure as CopyError;
      expect(error.message).toBe('the copy differs from the source (follow_ups): rolled back, nothing written');
      const followUps = error.report!.tables.find((t) => t.table === 'follow_ups')!;
      expect(followUps.same).toBe(false);
      expect(followUps.source.rows).toBe(followUps.target.rows);
      expect(followUps.source.sha256).not.toBe(followUps.target.sha256);
      expect(error.report!.tables.filter((t) => !t.same)).toHaveLength(1);
      expect(formatReport(error.report!)).toMatch(/follow_ups .* DIFFERENT/);
      // Nothing stayed: the target is empty (migrated), and a second attempt succeeds.
      for (const table of TABLES.filter((t) => t !== 'meta')) {
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(to.db);
        expect(rows[0]!.n, table).toBe(0);
      }
      expect((await copySqliteToPostgres({ from: sourcePath, to })).same).toBe(true);
    } finally {
      await to.close();
    }
  });

  it('the hash sees a changed value, a flipped flag and a missing row; not jsonb key order or an instant spelt differently', async () => {
    const to = await target();
    try {
      await copySqliteToPostgres({ from: sourcePath, to });
      const source = openSqlite({ path: sourcePath });
      try {
        const kinds = await columnKinds(to);
        const digest = (table: (typeof TABLES)[number]) => tableDigest(to.db, 'postgres', table, kinds);
        const sourceDigest = (table: (typeof TABLES)[number]) => tableDigest(source.db, 'sqlite', table, kinds);
        expect(await digest('audit')).toEqual(await sourceDigest('audit'));

        const region = demoSnapshot().regions[0]!.id;
        await sql`update regions set illustrative = not illustrative where id = ${region}`.execute(to.db);
        expect((await digest('regions')).sha256).not.toBe((await sourceDigest('regions')).sha256);
        await sql`update regions set illustrative = not illustrative where id = ${region}`.execute(to.db);
        expect(await digest('regions')).toEqual(await sourceDigest('regions'));

        await sql`update meeting_statements set text = text || ' ' where position = 0`.execute(to.db);
        await sql`delete from auth_sessions`.execute(to.db);
        const compared = await compareDatabases({ db: source.db, engine: 'sqlite' }, { db: to.db, engine: 'postgres' }, kinds);
        expect(compared.same).toBe(false);
        expect(compared.tables.filter((t) => !t.same).map((t) => t.table)).toEqual(['meeting_statements', 'auth_sessions']);
        expect(compared.tables.find((t) => t.table === 'auth_sessions')!.target.rows).toBe(0);
      } finally {
        await source.close();
      }
    } finally {
      await to.close();
    }
  });

  it('normalises values the engines store differently', () => {
    expect(normalizeValue(true)).toBe(1);
    expect(normalizeValue(0)).toBe(0);
    expect(normalizeValue('{"b":1,"a":2}', 'json')).toBe(normalizeValue({ a: 2, b: 1 }, 'json'));
    expect(normalizeValue('2025-11-01T03:00:00Z', 'instant')).toBe('2025-11-01T03:00:00.000Z');
    expect(normalizeValue('2025-11-01T03:00:00Z')).toBe('2025-11-01T03:00:00Z');
    expect(normalizeValue(null, 'json')).toBeNull();
  });

  it('moves a file of the previous release forward in a temporary copy, never in place', async () => {
    // Written by the release before the relational schema (tests/fixtures/release-0.1).
    const legacyPath = join(dir, 'legacy.sqlite');
    const fixture = fileURLToPath(new URL('../fixtures/release-0.1/', import.meta.url));
    copyFileSync(join(fixture, 'mitra.sqlite'), legacyPath);
    const snapshot = JSON.parse(readFileSync(join(fixture, 'snapshot.json'), 'utf8')) as unknown;
    const before = fileHash(legacyPath);
    const to = await target();
    try {
      const report = await copySqliteToPostgres({ from: legacyPath, to });
      expect(report.same).toBe(true);
      // Every migration, in order, ran on the temporary copy.
      expect(report.migratedSource).toEqual(Object.keys(migrationsFor('sqlite')));
      // Everything the file held, plus what migrations add: 0004 gives every user the home
      // government(s) there were, 0006 the sector themes (to a database that has sectors).
      const after = await readSnapshot(to.db, 'postgres');
      const held = snapshot as { sectors: Array<{ id: string }>; regions: Array<{ id: string; role: string }>; users: Array<Record<string, unknown>> };
      const homes = held.regions.filter((r) => r.role === 'home').map((r) => r.id);
      const themes = after.sectors.filter((s) => !held.sectors.some((h) => h.id === s.id));
      expect(themes.map((s) => s.id).sort()).toEqual(SECTOR_THEMES_0006.map((t) => t.id).sort());
      expect({ ...after, sectors: after.sectors.filter((s) => !themes.includes(s)) }).toEqual({
        ...held,
        users: held.users.map((u) => ({ ...u, homeRegionIds: homes })),
      });
    } finally {
      await to.close();
    }
    expect(fileHash(legacyPath)).toBe(before);
    const tables = openSqlite({ path: legacyPath });
    try {
      const { rows } = await sql<{ name: string }>`select name from sqlite_master where name = 'kysely_migration'`.execute(tables.db);
      expect(rows).toEqual([]);
    } finally {
      await tables.close();
    }
  });

  it('refuses a file that is not a Mitra database, or none at all', async () => {
    const to = await target();
    try {
      const empty = join(dir, 'empty.sqlite');
      openSqlite({ path: empty }).sqlite!.close();
      await expect(copySqliteToPostgres({ from: empty, to })).rejects.toThrow(/is not a Mitra database/);
      await expect(copySqliteToPostgres({ from: join(dir, 'missing.sqlite'), to })).rejects.toThrow(/cannot open .*missing\.sqlite/);
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_schema = current_schema()`.execute(to.db);
      expect(rows[0]!.n).toBe(0);
    } finally {
      await to.close();
    }
  });
});
