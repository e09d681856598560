/**
 * `npm run bench:db`: the SQL data layer (server/db) under load, on SQLite and on PostgreSQL.
 * A benchmark, not a test: it prints figures and exits 0 whatever they are.
 *
 * For each engine: the load data set (generateSnapshot, seed 922: 50,000 follow-ups, 5,000
 * meetings) in a new database (SQLite: a temporary file; PostgreSQL: a throwaway cluster, when
 * its binaries are installed), then a child process serving the follow-up list from SQL
 * (listFollowUps) beside a static JSON file of the same bytes, on the same Node HTTP server.
 * autocannon measures both in the same run; the ratio is what the figures mean on a shared,
 * noisy machine.
 *
 * Options: --follow-ups N (50000), --meetings N (5000), --duration S (5), --connections N (10),
 * --engines sqlite,postgres, --cold (no cache of answers: every request asks the database).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { Hono } from 'hono';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { generateSnapshot } from '../mocks/generator';
import { createVersionedCache } from '../server/db/cache';
import { openDatabase, openPostgres } from '../server/db/engine';
import { listFollowUps } from '../server/db/follow-up-list';
import { migrateToLatest } from '../server/db/migrations';
import { writeSnapshot } from '../server/db/snapshot';
import * as stats from '../server/db/stats';
import { startCluster } from '../tests/support/postgres-cluster';

const { values } = parseArgs({
  options: {
    'follow-ups': { type: 'string', default: '50000' },
    meetings: { type: 'string', default: '5000' },
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '10' },
    engines: { type: 'string', default: 'sqlite,postgres' },
    cold: { type: 'boolean', default: false },
    serve: { type: 'string' },
    url: { type: 'string' },
    port: { type: 'string' },
  },
});

const TODAY = '2025-11-01';
const STATS = ['kpis', 'follow-ups-by-sector', 'meetings-by-quarter', 'partnerships-by-stage', 'overdue-by-sector', 'overdue-by-owner', 'completion-by-month', 'health'];
const TARGETS = [
  '/api/follow-ups?sort=dueDate',
  '/api/follow-ups?status=open,in-progress&sectorId=education&sort=-dueDate',
  '/api/follow-ups?q=laporan&sort=-updatedAt',
  '/api/follow-ups?due=overdue&ownerId=usr-budi&sort=dueDate',
  // Figures are computed by the database on every request: no answer is kept for these.
  ...STATS.map((name) => `/api/stats/${name}`),
];

/** The child process: serves the SQL list and static copies of its answers. */
async function serveList(engine: string, target: string, port: number): Promise<void> {
  const database = openDatabase({ url: engine === 'postgres' ? target : undefined, sqlitePath: target });
  // --cold: no answer kept, every request computed from the database.
  const cache = process.argv.includes('--cold') ? undefined : createVersionedCache();
  const app = new Hono();
  const statics = new Map<string, string>();
  const list = async (url: URL) => {
    const p = url.searchParams;
    const split = (key: string) => (p.get(key) ? p.get(key)!.split(',') : undefined);
    const page = await listFollowUps(
      database.db,
      database.engine,
      {
        sort: p.get('sort') ?? 'dueDate',
        ...(split('status') ? { status: split('status') as never } : {}),
        ...(p.get('sectorId') ? { sectorId: p.get('sectorId')! } : {}),
        ...(p.get('ownerId') ? { ownerId: p.get('ownerId')! } : {}),
        ...(p.get('due') ? { due: p.get('due') as never } : {}),
        ...(p.get('q') ? { q: p.get('q')! } : {}),
      },
      { limit: 25 },
      TODAY,
      cache,
    );
    return JSON.stringify(page);
  };
  app.get('/api/follow-ups', async (c) => c.body(await list(new URL(c.req.url)), 200, { 'content-type': 'application/json' }));
  const period = { from: '2025-01-01', to: '2025-12-31' };
  const statsOf = (name: string) => {
    const { db, engine } = database;
    const answers: Record<string, () => Promise<unknown>> = {
      kpis: () => stats.kpis(db, period, TODAY),
      'follow-ups-by-sector': () => stats.followUpsBySector(db, period),
      'meetings-by-quarter': () => stats.meetingsByQuarter(db, engine, period),
      'partnerships-by-stage': () => stats.partnershipsByStage(db, period),
      'overdue-by-sector': () => stats.overdueBySector(db, period, TODAY),
      'overdue-by-owner': () => stats.overdueByOwner(db, period, TODAY),
      'completion-by-month': () => stats.completionByMonth(db, engine, period),
      health: () => stats.health(db, period, TODAY),
    };
    return answers[name]!().then((body) => JSON.stringify(body));
  };
  app.get('/api/stats/:name', async (c) => c.body(await statsOf(c.req.param('name')), 200, { 'content-type': 'application/json' }));
  app.get('/static', (c) => c.body(statics.get(c.req.query('of') ?? '') ?? '', 200, { 'content-type': 'application/json' }));
  for (const path of TARGETS) {
    statics.set(path, path.startsWith('/api/stats/') ? await statsOf(path.slice('/api/stats/'.length)) : await list(new URL(`http://x${path}`)));
  }
  serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => console.log('ready'));
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function load(url: string) {
  const result = await autocannon({ url, duration: Number(values.duration), connections: Number(values.connections) });
  return { rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

async function benchEngine(engine: 'sqlite' | 'postgres', target: string) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench-db.ts', '--serve', engine, '--url', target, '--port', String(port), ...(values.cold ? ['--cold'] : [])], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve) => child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve()));
  const rows: string[] = [];
  try {
    for (const path of TARGETS) {
      const api = await load(`http://127.0.0.1:${port}${path}`);
      const fixed = await load(`http://127.0.0.1:${port}/static?of=${encodeURIComponent(path)}`);
      rows.push(
        `| ${engine} | ${path.replace('/api/follow-ups', 'list ')} | ${api.rps} | ${api.p50} / ${api.p99} ms | ${fixed.rps} | ${fixed.p50} / ${fixed.p99} ms | ${Math.round((100 * api.rps) / fixed.rps)}% |${api.errors ? ` ${api.errors} errors` : ''}`,
      );
    }
  } finally {
    child.kill();
  }
  return rows;
}

async function main() {
  if (values.serve) return serveList(values.serve, values.url!, Number(values.port));
  const data = generateSnapshot({ seed: 922, followUps: Number(values['follow-ups']), meetings: Number(values.meetings), partnerships: 40 });
  const engines = (values.engines ?? '').split(',');
  const rows: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'mitra-bench-db-'));
  try {
    if (engines.includes('sqlite')) {
      const path = join(dir, 'bench.sqlite');
      const database = openDatabase({ sqlitePath: path });
      await migrateToLatest(database.db, database.engine);
      const started = performance.now();
      await database.db.transaction().execute((trx) => writeSnapshot(trx, database.engine, data));
      console.log(`sqlite: ${data.followUps.length} follow-ups written in ${Math.round(performance.now() - started)} ms`);
      await database.close();
      rows.push(...(await benchEngine('sqlite', path)));
    }
    if (engines.includes('postgres')) {
      const cluster = await startCluster();
      try {
        const admin = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: cluster.url, max: 1 }) }) });
        await sql`create database bench`.execute(admin);
        await admin.destroy();
        const url = cluster.url.replace(/\/postgres$/, '/bench');
        const database = openPostgres({ url });
        await migrateToLatest(database.db, database.engine);
        const started = performance.now();
        await database.db.transaction().execute((trx) => writeSnapshot(trx, database.engine, data));
        await sql`analyze`.execute(database.db);
        console.log(`postgres: ${data.followUps.length} follow-ups written in ${Math.round(performance.now() - started)} ms`);
        await database.close();
        rows.push(...(await benchEngine('postgres', url)));
      } finally {
        cluster.stop();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\n${data.followUps.length} follow-ups, ${data.meetings.length} meetings; ${values.connections} connections, ${values.duration} s each`);
  console.log('| engine | request | SQL req/s | p50 / p99 | static req/s | p50 / p99 | SQL/static |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(row);
}

await main();
