/**
 * `npm run bench:import`: importing 50,000 follow-up rows through the API (issue 14), on SQLite
 * and on PostgreSQL. A benchmark, not a test: it prints figures and exits 0 whatever they are.
 *
 * For each engine: the demo data in a new database (SQLite: a temporary file, as `npm start`
 * has it; PostgreSQL: a throwaway cluster, when its binaries are installed), a CSV of N follow-up
 * rows (semicolons, dd/mm/yyyy dates, names for partnerships, owners and sectors), then through
 * the API's fetch handler: POST /api/imports (read, map, validate, plan: the preview), commit
 * (one transaction), undo (one transaction). Targets: commit ≤ 15 s, undo ≤ 15 s.
 *
 * Options: --rows N (50000), --engines sqlite,postgres.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { createApi } from '../server/app';
import type { Database } from '../server/db/sqlite-dialect';
import { openDatabase, openPostgres } from '../server/db/engine';
import { migrateToLatest } from '../server/db/migrations';
import { writeSnapshot } from '../server/db/snapshot';
import { demoSnapshot, IDS } from '../server/seed/demo-data';
import { startCluster } from '../tests/support/postgres-cluster';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '50000' },
    engines: { type: 'string', default: 'sqlite,postgres' },
  },
});

const ROWS = Number(values.rows);
const NOW = new Date('2025-11-01T03:00:00.000Z');

/** N follow-up rows as an office would keep them. */
function followUpsCsv(rows: number): string {
  const partners = ['Binzhou', 'Gimhae', 'Kitakyushu', 'Pulau Pinang', 'Geelong'];
  const owners = ['Budi Santoso', 'dewi.lestari@example.org', 'Rina Wulandari', 'Hendra Gunawan'];
  const sectors = ['Pendidikan', 'UMKM', 'Pariwisata; Kebudayaan', 'Perikanan', ''];
  const statuses = ['Terbuka', 'Sedang berjalan', 'Selesai'];
  const lines = ['\uFEFFJudul;Kemitraan;Penanggung jawab;Tenggat;Status;Prioritas;Sektor;Keterangan'];
  for (let i = 0; i < rows; i += 1) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((i % 12) + 1).padStart(2, '0');
    lines.push(
      [
        `Tindak lanjut impor nomor ${i + 1}`,
        partners[i % partners.length],
        owners[i % owners.length],
        `${day}/${month}/2026`,
        statuses[i % statuses.length],
        i % 7 === 0 ? 'Tinggi' : 'Normal',
        sectors[i % sectors.length],
        i % 3 === 0 ? `Catatan untuk baris ${i + 1}` : '',
      ].join(';'),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * Wall time, and this process's CPU time (user + system): on a shared machine the wall time
 * grows with the load; the CPU time much less (SQLite runs in this process; PostgreSQL's own
 * work is in its server, not counted).
 */
async function time<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; cpu: number }> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const value = await work();
  const used = process.cpuUsage(cpu);
  return { value, ms: Math.round(performance.now() - started), cpu: Math.round((used.user + used.system) / 1000) };
}

async function benchEngine(engine: string, database: Database, file: Uint8Array<ArrayBuffer>): Promise<string> {
  await migrateToLatest(database.db, database.engine);
  await database.db.transaction().execute((trx) => writeSnapshot(trx, database.engine, demoSnapshot()));
  if (database.engine === 'postgres') await sql`analyze`.execute(database.db);
  const api = createApi({ database, now: () => NOW });
  const call = async (method: string, path: string, body?: BodyInit, type = 'application/json') => {
    const response = await api.fetch(
      new Request(`http://mitra.bench/api${path}`, {
        method,
        headers: { 'x-mitra-user': IDS.staff, 'content-type': type, 'x-file-name': 'tindak-lanjut-50000.csv' },
        ...(body === undefined ? {} : { body }),
      }),
    );
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 500)}`);
    return JSON.parse(text) as Record<string, unknown>;
  };
  const preview = await time(() => call('POST', '/imports?resource=follow-ups', file, 'text/csv'));
  const id = preview.value.id as string;
  const commit = await time(() => call('POST', `/imports/${id}/commit`, '{}'));
  const undo = await time(() => call('POST', `/imports/${id}/undo`, '{}'));
  const verdict = (ms: number) => (ms <= 15_000 ? 'ok' : 'OVER');
  console.log(
    `${engine}: preview ${preview.ms} ms (valid ${String(preview.value.valid)}, invalid ${String(preview.value.invalid)}); ` +
      `commit ${commit.ms} ms ${JSON.stringify(commit.value)}; undo ${undo.ms} ms ${JSON.stringify(undo.value)}`,
  );
  const cell = (t: { ms: number; cpu: number }) => `${t.ms} / ${t.cpu}`;
  return `| ${engine} | ${ROWS} | ${cell(preview)} | ${cell(commit)} (${verdict(commit.ms)}) | ${cell(undo)} (${verdict(undo.ms)}) | ${loadavg()[0]?.toFixed(1)} |`;
}

async function main(): Promise<void> {
  const engines = (values.engines ?? '').split(',');
  const file = new TextEncoder().encode(followUpsCsv(ROWS));
  console.log(`${ROWS} follow-up rows, ${(file.length / 1024 / 1024).toFixed(1)} MB of CSV`);
  const rows: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'mitra-bench-import-'));
  try {
    if (engines.includes('sqlite')) {
      const database = openDatabase({ sqlitePath: join(dir, 'bench.sqlite') });
      try {
        rows.push(await benchEngine('sqlite', database, file));
      } finally {
        await database.close();
      }
    }
    if (engines.includes('postgres')) {
      let cluster: Awaited<ReturnType<typeof startCluster>> | undefined;
      try {
        cluster = await startCluster();
      } catch (error) {
        console.log(`postgres: skipped (${error instanceof Error ? error.message : String(error)})`);
      }
      if (cluster) {
        try {
          const admin = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: cluster.url, max: 1 }) }) });
          await sql`create database bench`.execute(admin);
          await admin.destroy();
          const database = openPostgres({ url: cluster.url.replace(/\/postgres$/, '/bench') });
          try {
            rows.push(await benchEngine('postgres', database, file));
          } finally {
            await database.close();
          }
        } finally {
          cluster.stop();
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log('\nwall ms / CPU ms of this process; load: the 1-minute load average at the end (this machine has 2 cores)');
  console.log('| engine | rows | preview | commit (≤ 15 s) | undo (≤ 15 s) | load |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(row);
}

await main();
