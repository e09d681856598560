/**
 * Times the API itself (no browser, no MSW, no network): `npx tsx scripts/bench-api.ts`.
 * The same Hono app the browser runs, over SQLite in memory holding the load data set
 * (generateSnapshot, seed 922: 50,000 follow-ups, 5,000 meetings, 40 partnerships).
 * Each request is timed from app.fetch() until its JSON body has been read, as MSW reads it.
 * Options: --follow-ups N, --runs N (default 50), --warmup N (default 5),
 * --today YYYY-MM-DD (the API's clock; default a fixed day so runs compare), --json,
 * --no-cache (the read cache off, as bench:server runs: every stats answer computed by the database).
 * Prints figures; it is a benchmark, not a test, and exits 0 whatever they are.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateSnapshot } from '../mocks/generator';
import { createApi } from '../server/app';
import { openSqlite } from '../server/db/engine';
import { migrateToLatest } from '../server/db/migrations';
import { writeSnapshot } from '../server/db/snapshot';

export const BENCH_ENDPOINTS = [
  '/api/follow-ups?limit=50',
  '/api/follow-ups?limit=50&q=laporan',
  '/api/follow-ups?limit=50&status=open&sort=-dueDate',
  '/api/follow-ups?limit=50&due=overdue',
  '/api/follow-ups?limit=50&ownerId=usr-budi&due=week',
  '/api/follow-ups?limit=50&sectorId=education&status=open,in-progress',
  '/api/stats/kpis',
  '/api/stats/follow-ups-by-sector?from=2021-01-01&to=2026-12-31',
  '/api/stats/meetings-by-quarter?from=2024-01-01&to=2024-12-31',
  '/api/stats/partnerships-by-stage',
  '/api/stats/overdue-by-sector',
  '/api/stats/overdue-by-owner',
  '/api/stats/completion-by-month?from=2024-01-01&to=2024-12-31',
  '/api/stats/health',
] as const;

export type EndpointTiming = {
  endpoint: string;
  status: number;
  /** The first call, before any warm-up: caches (search text, dates) still cold. */
  firstMs: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  runs: number;
  /** `total` of a list answer; for other answers, a short note. */
  result: string;
};

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[
    Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  ]!;
}

function describe(body: unknown): string {
  if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>;
    if (typeof b.total === 'number') return `total ${b.total}`;
    if (typeof b.openFollowUps === 'number')
      return `open ${b.openFollowUps}, overdue ${String(b.overdueFollowUps)}`;
    if (Array.isArray(b.items)) return `${b.items.length} items`;
    if (typeof b.title === 'string') return `problem: ${b.title}`;
    return `keys: ${Object.keys(b).slice(0, 4).join(', ')}`;
  }
  return typeof body;
}

export async function benchApi(options: {
  followUps: number;
  runs: number;
  warmup: number;
  today: string;
  readCache?: boolean;
}) {
  const started = performance.now();
  const snapshot = generateSnapshot({
    seed: 922,
    followUps: options.followUps,
    meetings: 5000,
    partnerships: 40,
  });
  const generatedMs = performance.now() - started;
  const now = new Date(`${options.today}T05:00:00.000Z`); // midday in Jakarta
  // The server's own store: SQLite in memory, migrated and filled with the data set.
  const database = openSqlite({ path: ':memory:' });
  await migrateToLatest(database.db, 'sqlite');
  await writeSnapshot(database.db, 'sqlite', snapshot);
  database.sqlite?.exec('ANALYZE');
  const app = createApi({ database, now: () => now, ...(options.readCache === false ? { readCache: false } : {}) });

  const call = async (path: string) => {
    const t0 = performance.now();
    const response = await app.fetch(
      new Request(`http://localhost${path}`, { headers: { 'x-mitra-user': 'usr-rina' } }),
    );
    const text = await response.text();
    return { ms: performance.now() - t0, status: response.status, text };
  };

  const results: EndpointTiming[] = [];
  for (const endpoint of BENCH_ENDPOINTS) {
    const first = await call(endpoint);
    for (let i = 0; i < options.warmup; i += 1) await call(endpoint);
    const times: number[] = [];
    for (let i = 0; i < options.runs; i += 1) times.push((await call(endpoint)).ms);
    times.sort((a, b) => a - b);
    results.push({
      endpoint,
      status: first.status,
      firstMs: first.ms,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      p99: percentile(times, 99),
      max: times[times.length - 1]!,
      runs: times.length,
      result: describe(JSON.parse(first.text)),
    });
  }
  return {
    generatedMs,
    followUps: snapshot.followUps.length,
    meetings: snapshot.meetings.length,
    results,
  };
}

export function formatTable(results: readonly EndpointTiming[]): string {
  const ms = (n: number) => n.toFixed(2).padStart(8);
  const width = Math.max(...results.map((r) => r.endpoint.length), 8);
  const lines = [
    `${'endpoint'.padEnd(width)}  status    first      p50      p95      p99      max  result`,
    ...results.map(
      (r) =>
        `${r.endpoint.padEnd(width)}  ${String(r.status).padStart(6)} ${ms(r.firstMs)} ${ms(r.p50)} ${ms(r.p95)} ${ms(r.p99)} ${ms(r.max)}  ${r.result}`,
    ),
  ];
  return lines.join('\n');
}

const isMain =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  const { values } = parseArgs({
    options: {
      'follow-ups': { type: 'string', default: '50000' },
      runs: { type: 'string', default: '50' },
      warmup: { type: 'string', default: '5' },
      today: { type: 'string', default: '2025-10-01' },
      json: { type: 'boolean', default: false },
      'no-cache': { type: 'boolean', default: false },
    },
  });
  const whole = (name: string, value: string, min: number) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) {
      console.error(`--${name} must be a whole number ≥ ${min} (got "${value}")`);
      process.exit(2);
    }
    return n;
  };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.today)) {
    console.error(`--today must be YYYY-MM-DD (got "${values.today}")`);
    process.exit(2);
  }
  const options = {
    followUps: whole('follow-ups', values['follow-ups'], 0),
    runs: whole('runs', values.runs, 1),
    warmup: whole('warmup', values.warmup, 0),
    today: values.today,
    readCache: !values['no-cache'],
  };
  const report = await benchApi(options);
  if (values.json) {
    console.log(JSON.stringify({ ...options, ...report }));
  } else {
    console.log(
      `API alone (Hono app.fetch over the memory store, Node ${process.version}; no browser, no MSW): ` +
        `${report.followUps.toLocaleString('en')} follow-ups, ${report.meetings.toLocaleString('en')} meetings ` +
        `(generated in ${Math.round(report.generatedMs)} ms), API clock ${options.today}; ` +
        `ms per request incl. reading the JSON body; first = cold call, then ${options.warmup} warm-up + ${options.runs} timed runs`,
    );
    console.log(formatTable(report.results));
  }
}
