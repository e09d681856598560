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
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { generateSnapshot } from '../mocks/generator';
import { openSqliteStore } from '../server/sqlite/store';
import { buildAppIfStale } from './build-app';

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

const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CHROME_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

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

/** The benchmark's own administrator, made at start through MITRA_ADMIN_* (a throwaway database). */
const BENCH_ADMIN = { email: 'bench@example.org', name: 'Benchmark', password: `bench ${Math.random().toString(36).slice(2)} passphrase` };

/** Signs in as the benchmark's administrator, as a browser would: the session cookie is the pass. */
async function authHeaders(base: string): Promise<Record<string, string>> {
  const response = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email: BENCH_ADMIN.email, password: BENCH_ADMIN.password }),
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (!response.ok || !cookie) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return { cookie };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i += 1) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode})`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the server did not answer at ${url}`);
}

const slug = (path: string) => path.replace(/^\/api\//, '').replace(/[^a-z0-9]+/gi, '-').replace(/-+$/, '');

function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

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
    server = spawn(process.execPath, ['--import', 'tsx', 'server/node/main.ts'], {
      env: {
        ...process.env,
        MITRA_DB: dbPath,
        PORT: String(port),
        HOST: '127.0.0.1',
        MITRA_DIST: dist,
        MITRA_ADMIN_EMAIL: BENCH_ADMIN.email,
        MITRA_ADMIN_NAME: BENCH_ADMIN.name,
        MITRA_ADMIN_PASSWORD: BENCH_ADMIN.password,
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
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

    if (!values['no-lighthouse']) await runLighthouse(base, headers, work);
  } finally {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((r) => server!.once('exit', r));
    }
    rmSync(work, { recursive: true, force: true });
    // Chromium and Lighthouse leave profiles in /tmp: remove the ones this run made.
    for (const name of readdirSync(tmpdir())) {
      if (!tmpBefore.has(name) && /^(lighthouse\.|\.?org\.chromium\.|chrome_|\.com\.google\.)/.test(name)) {
        rmSync(join(tmpdir(), name), { recursive: true, force: true });
      }
    }
  }
}

async function runLighthouse(base: string, headers: Record<string, string>, work: string): Promise<void> {
  const first = async (path: string) => {
    const response = await fetch(`${base}${path}`, { headers });
    const body = (await response.json()) as { items: Array<{ id: string }> };
    return body.items[0]!.id;
  };
  const pages = [
    '/',
    '/follow-ups',
    `/follow-ups/${await first('/api/follow-ups?limit=1')}`,
    '/meetings',
    `/meetings/${await first('/api/meetings?limit=1')}`,
    '/meetings/new',
    '/partners',
    `/partners/${await first('/api/partnerships?limit=1')}`,
  ];
  console.log(`\nLighthouse 12, mobile (simulated throttling), ${CHROMIUM}`);
  const rows: string[][] = [];
  for (const page of pages) {
    const output = join(work, `lh-${rows.length}.json`);
    const run = spawnSync(
      process.execPath,
      [
        'node_modules/lighthouse/cli/index.js',
        `${base}${page}`,
        '--quiet',
        '--output=json',
        `--output-path=${output}`,
        '--form-factor=mobile',
        '--only-categories=performance,accessibility,best-practices',
        `--chrome-flags=${CHROME_FLAGS.join(' ')}`,
        // The SPA names its user itself today; once sign-in lands the session cookie goes here.
        `--extra-headers=${JSON.stringify(headers)}`,
      ],
      { env: { ...process.env, CHROME_PATH: CHROMIUM }, encoding: 'utf8', timeout: 180_000 },
    );
    if (run.status !== 0 || !existsSync(output)) {
      rows.push([page, 'failed', '', '', '', '', '', (run.stderr ?? '').split('\n').find(Boolean) ?? '']);
      continue;
    }
    const report = JSON.parse(readFileSync(output, 'utf8')) as LighthouseReport;
    const score = (id: string) => String(Math.round((report.categories[id]?.score ?? 0) * 100));
    const audit = (id: string) => report.audits[id]?.numericValue ?? Number.NaN;
    const failing = Object.values(report.categories)
      .flatMap((c) => c.auditRefs.filter((ref) => ref.weight > 0).map((ref) => report.audits[ref.id]))
      .filter((a): a is LighthouseAudit => a !== undefined && a.score !== null && a.score < 0.9 && a.scoreDisplayMode === 'binary')
      .map((a) => a.id);
    rows.push([
      page,
      score('performance'),
      score('accessibility'),
      score('best-practices'),
      `${fmt(audit('largest-contentful-paint'))} ms`,
      `${fmt(audit('total-blocking-time'))} ms`,
      fmt(audit('cumulative-layout-shift'), 3),
      failing.join(', '),
    ]);
    console.log(`  ${page}: done`);
  }
  console.log('');
  printTable(['page', 'perf', 'a11y', 'best', 'LCP', 'TBT', 'CLS', 'failed audits'], rows);
}

type LighthouseAudit = { id: string; score: number | null; scoreDisplayMode: string; numericValue?: number };
type LighthouseReport = {
  categories: Record<string, { score: number | null; auditRefs: Array<{ id: string; weight: number }> }>;
  audits: Record<string, LighthouseAudit>;
};

function printTable(head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  console.log([line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n'));
}

await main();
