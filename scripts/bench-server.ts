/**
 * `npm run bench:server`: the production server (Node, SQLite, the built SPA) under load.
 * A benchmark, not a test: it prints figures and exits 0 whatever they are.
 *
 * 1. Fills a temporary SQLite database with the load data set (generateSnapshot, seed 922:
 *    50,000 follow-ups, 5,000 meetings) and starts server/node/main.ts on it, on a free port.
 * 2. autocannon: requests/second and p99 latency of GET /api/follow-ups (default and filtered)
 *    and every /api/stats/* endpoint, each beside a static JSON file of the same bytes served by
 *    the same server in the same run (what the framework, headers and socket cost on their own).
 * 3. Lighthouse 12 (mobile) on every page: performance, accessibility, best practices, LCP/TBT/CLS.
 *
 * Options: --follow-ups N (50000), --meetings N (5000), --duration S (5 per endpoint),
 * --connections N (10), --no-lighthouse, --no-build.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { generateSnapshot } from '../mocks/generator';
import { openSqliteStore } from '../server/sqlite/store';
import { buildAppIfStale } from './build-app';
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
  },
});

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

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'mitra-bench-server-'));
  const tmpBefore = new Set(readdirSync(tmpdir()));
  let server: ChildProcess | undefined;
  try {
    if (!values['no-build']) buildAppIfStale('dist');
    if (!existsSync('dist/index.html')) throw new Error('no dist/: run `npm run build` (or drop --no-build)');
    // The same SPA plus the static twins of the API answers, in a folder of the run's own.
    const dist = join(work, 'dist');
    cpSync('dist', dist, { recursive: true });
    mkdirSync(join(dist, 'bench'));

    const followUps = Number(values['follow-ups']);
    const meetings = Number(values.meetings);
    let started = performance.now();
    const snapshot = generateSnapshot({ seed: 922, followUps, meetings, partnerships: 40 });
    const dbPath = join(work, 'mitra.sqlite');
    openSqliteStore(dbPath, { seed: snapshot }).close();
    console.log(
      `Database: ${fmt(snapshot.followUps.length)} follow-ups, ${fmt(snapshot.meetings.length)} meetings, ` +
        `${fmt(snapshot.partnerships.length)} partnerships written in ${fmt(performance.now() - started)} ms`,
    );

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    started = performance.now();
    server = startServer({ MITRA_DB: dbPath, PORT: String(port), MITRA_DIST: dist, ...BENCH_ADMIN_ENV });
    await waitFor(`${base}/`, server);
    console.log(`Server up in ${fmt(performance.now() - started)} ms (load ${fmt(followUps)} follow-ups from SQLite into memory)\n`);

    const headers = await authHeaders(base);
    const rows: string[][] = [];
    const duration = Number(values.duration);
    const connections = Number(values.connections);
    for (const target of API_TARGETS) {
      const response = await fetch(base + target, { headers });
      const body = Buffer.from(await response.arrayBuffer());
      if (!response.ok) throw new Error(`${target}: ${response.status} ${body.toString().slice(0, 200)}`);
      const file = `/bench/${slug(target)}.json`;
      writeFileSync(join(dist, file), body);
      for (const [label, url] of [
        [target, base + target],
        ['  static file, same bytes', base + file],
      ] as const) {
        const result = await autocannon({ url, connections, duration, headers });
        rows.push([
          label,
          fmt(body.length),
          fmt(result.requests.average),
          fmt(result.latency.p50, 1),
          fmt(result.latency.p99, 1),
          String(result.non2xx + result.errors),
        ]);
        console.log(`  ${label}: ${fmt(result.requests.average)} req/s, p99 ${fmt(result.latency.p99, 1)} ms`);
      }
    }
    console.log(`\nautocannon, ${connections} connections, ${duration} s each (req/s = mean per second; latency in ms)\n`);
    printTable(['request', 'bytes', 'req/s', 'p50', 'p99', 'errors'], rows);

    if (!values['no-lighthouse']) printLighthouse(runLighthouse(base, headers, await appPages(base, headers), work));
  } finally {
    await stopServer(server);
    rmSync(work, { recursive: true, force: true });
    removeBrowserLeftovers(tmpBefore);
  }
}

await main();
