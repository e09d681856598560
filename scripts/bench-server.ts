/**
 * `npm run bench:server`: the production server (Node, the built SPA, the API over SQL) under load,
 * on each engine. A benchmark, not a test: it prints figures and exits 0 whatever they are.
 *
 * 1. For each engine (SQLite file; PostgreSQL in a throwaway cluster started here when its
 *    binaries are installed), fills a new database with the load data set (generateSnapshot, seed
 *    922: 50,000 follow-ups, 5,000 meetings), ANALYZEs it, and starts server/node/main.ts on it
 *    with the read cache off (MITRA_READ_CACHE=0: every figure is the database's own work).
 * 2. autocannon: requests/second and p99 latency of the follow-up lists and every /api/stats/*
 *    endpoint, each beside a static JSON file of the same bytes served by the same server in the
 *    same run; the ratio is the API's rate as a share of the static file's.
 * 3. --million: a database of 1,000,000 follow-ups per engine (the load data set copied by
 *    INSERT … SELECT in the database, scripts/bench-fill.ts): the built server's first start
 *    (which makes the administrator) and its restart (spawn → first answer, and its CPU time),
 *    resident memory, the filtered list three times, with the load average.
 * 4. Lighthouse 12 (mobile) on every page (SQLite only; --no-lighthouse to skip).
 *
 * Options: --engine sqlite|postgres|both (both), --follow-ups N (50000), --meetings N (5000),
 * --duration S (5 per endpoint), --connections N (10), --million, --million-only (skip the 50,000),
 * --no-lighthouse, --no-build. MITRA_WORKERS=N in the environment runs N server processes.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { generateSnapshot } from '../mocks/generator';
import { openPostgres } from '../server/db/engine';
import { openMitraDatabase } from '../server/db/open';
import { postgresAvailable, startCluster } from '../tests/support/postgres-cluster';
import { multiplyFollowUps } from './bench-fill';
import { buildAppIfStale } from './build-app.mjs';
import { buildServerIfStale } from './build-server.mjs';
import {
  appPages,
  authHeaders,
  BENCH_ADMIN_ENV,
  fmt,
  freePort,
  printLighthouse,
  printTable,
  removeBrowserLeftovers,
  runLighthouse,
  startServer,
  stopServer,
  waitFor,
} from './lighthouse';

const { values } = parseArgs({
  options: {
    'follow-ups': { type: 'string', default: '50000' },
    meetings: { type: 'string', default: '5000' },
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '10' },
    'no-lighthouse': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    engine: { type: 'string', default: 'both' },
    million: { type: 'boolean', default: false },
    'million-only': { type: 'boolean', default: false },
  },
});

type Engine = 'sqlite' | 'postgres';
type Target = { engine: Engine; env: Record<string, string>; url?: string; path?: string };

/** A new, empty database of the engine: a SQLite file in `work`, or a database in the cluster. */
async function newDatabase(engine: Engine, work: string, name: string, clusterUrl: string | undefined): Promise<Target> {
  if (engine === 'sqlite') {
    const path = join(work, `${name}.sqlite`);
    return { engine, path, env: { MITRA_DB: path } };
  }
  if (!clusterUrl) throw new Error('no PostgreSQL cluster');
  const admin = openPostgres({ url: clusterUrl, poolSize: 1 });
  await sql`create database ${sql.id(name)}`.execute(admin.db);
  await admin.close();
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return { engine, url: url.toString(), env: { DATABASE_URL: url.toString() } };
}

/** Fills a new database with the snapshot (migrations first), then lets the planner see the data. */
async function fill(target: Target, snapshot: ReturnType<typeof generateSnapshot>, followUps?: number): Promise<number> {
  const started = performance.now();
  const database = await openMitraDatabase({ url: target.url, sqlitePath: target.path ?? '', seed: () => snapshot });
  if (followUps !== undefined) {
    const total = await multiplyFollowUps(database.db, database.engine, followUps);
    console.log(`${database.engine}: ${fmt(total)} follow-ups written in ${fmt((performance.now() - started) / 1000, 1)} s`);
  }
  if (database.engine === 'sqlite') database.sqlite?.exec('ANALYZE');
  else await sql`analyze`.execute(database.db);
  await database.close();
  return performance.now() - started;
}

function residentMb(pid: number | undefined, field: 'VmRSS' | 'RssAnon' = 'VmRSS'): number {
  if (!pid) return Number.NaN;
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? Number.NaN) / 1024;
}

/** The process's own CPU time so far, in milliseconds (user + system; /proc counts in 1/100 s). */
function cpuMs(pid: number | undefined): number {
  if (!pid) return Number.NaN;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const API_TARGETS = [
  '/api/follow-ups',
  '/api/follow-ups?status=open,in-progress&sectorId=education&sort=-dueDate',
  '/api/stats/kpis',
  '/api/stats/follow-ups-by-sector',
  '/api/stats/meetings-by-quarter',
  '/api/stats/partnerships-by-stage',
  '/api/stats/overdue-by-sector',
  '/api/stats/overdue-by-owner',
  '/api/stats/completion-by-month',
  '/api/stats/health',
];

const slug = (path: string) => path.replace(/^\/api\//, '').replace(/[^a-z0-9]+/gi, '-').replace(/-+$/, '');

const FILTERED = '/api/follow-ups?status=open,in-progress&sectorId=education&sort=-dueDate';

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'mitra-bench-server-'));
  const tmpBefore = new Set(readdirSync(tmpdir()));
  const engines: Engine[] = values.engine === 'both' ? ['sqlite', 'postgres'] : [values.engine as Engine];
  let server: ChildProcess | undefined;
  let cluster: Awaited<ReturnType<typeof startCluster>> | undefined;
  try {
    if (!values['no-build']) buildAppIfStale('dist');
    await buildServerIfStale('dist-server');
    if (!existsSync('dist/index.html')) throw new Error('no dist/: run `npm run build` (or drop --no-build)');
    if (engines.includes('postgres')) {
      if (postgresAvailable()) cluster = await startCluster();
      else {
        console.warn('PostgreSQL is not installed (apt-get install postgresql): SQLite only.');
        engines.splice(engines.indexOf('postgres'), 1);
      }
    }
    // The same SPA plus the static twins of the API answers, in a folder of the run's own.
    const dist = join(work, 'dist');
    cpSync('dist', dist, { recursive: true });
    mkdirSync(join(dist, 'bench'));

    const followUps = Number(values['follow-ups']);
    const meetings = Number(values.meetings);
    const snapshot = generateSnapshot({ seed: 922, followUps, meetings, partnerships: 40 });
    const duration = Number(values.duration);
    const connections = Number(values.connections);
    const rows: string[][] = [];
    for (const engine of values['million-only'] ? [] : engines) {
      const target = await newDatabase(engine, work, `bench_${engine}`, cluster?.url);
      const filled = await fill(target, snapshot);
      console.log(`${engine}: ${fmt(followUps)} follow-ups, ${fmt(meetings)} meetings written and analysed in ${fmt(filled)} ms`);
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      server = startServer({ ...target.env, PORT: String(port), MITRA_DIST: dist, MITRA_READ_CACHE: '0', ...BENCH_ADMIN_ENV });
      await waitFor(`${base}/`, server);
      const headers = await authHeaders(base);
      for (const path of API_TARGETS) {
        const response = await fetch(base + path, { headers });
        const body = Buffer.from(await response.arrayBuffer());
        if (!response.ok) throw new Error(`${path}: ${response.status} ${body.toString().slice(0, 200)}`);
        const file = `/bench/${engine}-${slug(path)}.json`;
        writeFileSync(join(dist, file), body);
        const api = await autocannon({ url: base + path, connections, duration, headers });
        const file_ = await autocannon({ url: base + file, connections, duration, headers });
        const ratio = (100 * api.requests.average) / file_.requests.average;
        rows.push([
          engine,
          path.replace(/^\/api\//, ''),
          fmt(body.length),
          fmt(api.requests.average),
          fmt(file_.requests.average),
          `${fmt(ratio)}%`,
          fmt(api.latency.p99, 1),
          fmt(file_.latency.p99, 1),
          String(api.non2xx + api.errors),
        ]);
        console.log(`  ${path}: ${fmt(api.requests.average)} req/s (${fmt(ratio)}% of static), p99 ${fmt(api.latency.p99, 1)} ms`);
      }
      if (engine === 'sqlite' && !values['no-lighthouse']) printLighthouse(runLighthouse(base, headers, await appPages(base, headers), work));
      await stopServer(server);
      server = undefined;
    }
    if (rows.length > 0) console.log(`\nautocannon, ${connections} connections, ${duration} s each, read cache off (req/s = mean per second; latency in ms)\n`);
    if (rows.length > 0) printTable(['engine', 'request', 'bytes', 'req/s', 'static req/s', 'share', 'p99', 'static p99', 'errors'], rows);

    if (values.million || values['million-only']) {
      // The load data set, copied in the database until it holds a million follow-ups
      // (scripts/bench-fill.ts): generating a million in JavaScript took longer than the run.
      const million: string[][] = [];
      for (const engine of engines) {
        const target = await newDatabase(engine, work, `million_${engine}`, cluster?.url);
        const filled = await fill(target, snapshot, 1_000_000);
        const load = loadavg()[0]!;
        const port = await freePort();
        const base = `http://127.0.0.1:${port}`;
        // The first start on the new database makes the benchmark's administrator (scrypt and the
        // password dictionary: once per database); the second is a restart, what start means after that.
        const firstStarted = performance.now();
        server = startServer({ ...target.env, PORT: String(port), MITRA_DIST: dist, ...BENCH_ADMIN_ENV });
        await waitFor(`${base}/`, server);
        const firstStartMs = performance.now() - firstStarted;
        await stopServer(server);
        const started = performance.now();
        server = startServer({ ...target.env, PORT: String(port), MITRA_DIST: dist, ...BENCH_ADMIN_ENV });
        await waitFor(`${base}/`, server);
        const startMs = performance.now() - started;
        const startCpu = cpuMs(server.pid);
        const rssStart = residentMb(server.pid);
        // A person signs in a few seconds after the start; the warm-up (server/node/warm-up.ts) runs meanwhile.
        await new Promise((r) => setTimeout(r, 2_000));
        const headers = await authHeaders(base);
        const pages: number[] = [];
        for (let i = 0; i < 3; i += 1) {
          const t = performance.now();
          await (await fetch(base + FILTERED, { headers })).arrayBuffer();
          pages.push(performance.now() - t);
        }
        million.push([
          engine,
          `${fmt(load, 1)} → ${fmt(loadavg()[0]!, 1)}`,
          fmt(filled / 1000, 1),
          fmt(firstStartMs),
          fmt(startMs),
          fmt(startCpu),
          fmt(rssStart),
          fmt(residentMb(server.pid)),
          fmt(residentMb(server.pid, 'RssAnon')),
          ...pages.map((ms) => fmt(ms, 1)),
        ]);
        await stopServer(server);
        server = undefined;
      }
      console.log(
        '\n1,000,000 follow-ups: 1-minute load average, fill (s), first start (makes the administrator) and restart (ms, spawn → first answer; CPU ms of the restart),\n' +
          'resident memory (MB) after the restart and after three pages (of which anonymous, i.e. not file pages), the filtered list three times (ms)\n',
      );
      printTable(['engine', 'load', 'fill s', 'first start', 'restart', 'restart CPU', 'RSS start', 'RSS after', 'anon', 'first page', 'second', 'third'], million);
    }
  } finally {
    await stopServer(server);
    cluster?.stop();
    rmSync(work, { recursive: true, force: true });
    removeBrowserLeftovers(tmpBefore);
  }
}

await main();
