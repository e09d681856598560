/**
 * Lighthouse 12 (mobile, simulated throttling) over the pages of a running production server,
 * shared by `npm run bench:server` (50,000 follow-ups) and `npm run bench:lighthouse` (the demo
 * data), with the helpers both need to start that server. Figures, not a test.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const CHROME_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A benchmark's own administrator, made at start through MITRA_ADMIN_* (always a throwaway database). */
export const BENCH_ADMIN = {
  email: 'bench@example.org',
  name: 'Benchmark',
  password: `bench ${Math.random().toString(36).slice(2)} passphrase`,
};

/** The environment that makes server/node/main.ts create BENCH_ADMIN in a new database. */
export const BENCH_ADMIN_ENV = {
  MITRA_ADMIN_EMAIL: BENCH_ADMIN.email,
  MITRA_ADMIN_NAME: BENCH_ADMIN.name,
  MITRA_ADMIN_PASSWORD: BENCH_ADMIN.password,
};

/** Signs in as the benchmark's administrator, as a browser would: the session cookie is the pass. */
export async function authHeaders(base: string): Promise<Record<string, string>> {
  const response = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email: BENCH_ADMIN.email, password: BENCH_ADMIN.password }),
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (!response.ok || !cookie)
    throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return { cookie };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Starts the built server (dist-server/main.mjs, what `npm start` runs; build it first with
 * scripts/build-server.mjs's buildServerIfStale) with the given environment.
 */
export function startServer(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['dist-server/main.mjs'], {
    env: { ...process.env, HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

export async function stopServer(server: ChildProcess | undefined): Promise<void> {
  if (!server || server.exitCode !== null) return;
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
}

export async function waitFor(url: string, child: ChildProcess): Promise<void> {
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

/** Chromium and Lighthouse leave profiles in /tmp: removes those made since `before` was taken. */
export function removeBrowserLeftovers(before: Set<string>): void {
  for (const name of readdirSync(tmpdir())) {
    if (
      !before.has(name) &&
      /^(lighthouse\.|\.?org\.chromium\.|chrome_|\.com\.google\.)/.test(name)
    ) {
      rmSync(join(tmpdir(), name), { recursive: true, force: true });
    }
  }
}

export function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  });
}

/** Every page of the app a signed-in administrator can open, detail pages at the first item of each list. */
export async function appPages(base: string, headers: Record<string, string>): Promise<string[]> {
  const first = async (path: string) => {
    const response = await fetch(`${base}${path}`, { headers });
    const body = (await response.json()) as { items: Array<{ id: string }> };
    return body.items[0]!.id;
  };
  const meeting = await first('/api/meetings?limit=1');
  return [
    '/',
    '/follow-ups',
    `/follow-ups/${await first('/api/follow-ups?limit=1')}`,
    '/meetings',
    `/meetings/${meeting}`,
    '/meetings/new',
    `/meetings/${meeting}/edit`,
    '/partners',
    `/partners/${await first('/api/partnerships?limit=1')}`,
    '/reference',
    '/admin/users',
  ];
}

export type LighthouseRow = {
  page: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** Binary audits with weight that failed. */
  failing: string[];
  error?: string;
};

type LighthouseAudit = {
  id: string;
  score: number | null;
  scoreDisplayMode: string;
  numericValue?: number;
};
type LighthouseReport = {
  categories: Record<
    string,
    { score: number | null; auditRefs: Array<{ id: string; weight: number }> }
  >;
  audits: Record<string, LighthouseAudit>;
};

/**
 * Runs Lighthouse once per page (one Chromium each, one after another), signed in through
 * `headers` (the session cookie), and returns a row per page. Reports are written into `work`.
 */
export function runLighthouse(
  base: string,
  headers: Record<string, string>,
  pages: string[],
  work: string,
): LighthouseRow[] {
  console.log(`Lighthouse 12, mobile (simulated throttling), ${CHROMIUM}: ${base}`);
  const rows: LighthouseRow[] = [];
  for (const [index, page] of pages.entries()) {
    const output = join(work, `lh-${index}.json`);
    const run = spawnSync(
      process.execPath,
      [
        'node_modules/lighthouse/cli/index.js',
        `${base}${page}`,
        '--quiet',
        '--output=json',
        `--output-path=${output}`,
        '--form-factor=mobile',
        '--throttling-method=simulate',
        '--only-categories=performance,accessibility,best-practices',
        `--chrome-flags=${CHROME_FLAGS.join(' ')}`,
        `--extra-headers=${JSON.stringify(headers)}`,
      ],
      { env: { ...process.env, CHROME_PATH: CHROMIUM }, encoding: 'utf8', timeout: 180_000 },
    );
    if (run.status !== 0 || !existsSync(output)) {
      const error = (run.stderr ?? '').split('\n').find(Boolean) ?? `exit ${run.status}`;
      rows.push({
        page,
        performance: NaN,
        accessibility: NaN,
        bestPractices: NaN,
        lcpMs: NaN,
        tbtMs: NaN,
        cls: NaN,
        failing: [],
        error,
      });
      console.log(`  ${page}: failed (${error})`);
      continue;
    }
    const report = JSON.parse(readFileSync(output, 'utf8')) as LighthouseReport;
    rmSync(output, { force: true });
    const score = (id: string) => Math.round((report.categories[id]?.score ?? 0) * 100);
    const audit = (id: string) => report.audits[id]?.numericValue ?? Number.NaN;
    const failing = Object.values(report.categories)
      .flatMap((c) =>
        c.auditRefs.filter((ref) => ref.weight > 0).map((ref) => report.audits[ref.id]),
      )
      .filter(
        (a): a is LighthouseAudit =>
          a !== undefined && a.score !== null && a.score < 0.9 && a.scoreDisplayMode === 'binary',
      )
      .map((a) => a.id);
    rows.push({
      page,
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      lcpMs: audit('largest-contentful-paint'),
      tbtMs: audit('total-blocking-time'),
      cls: audit('cumulative-layout-shift'),
      failing,
    });
    console.log(`  ${page}: done`);
  }
  return rows;
}

/** The table of `runLighthouse`'s rows. */
export function printLighthouse(rows: LighthouseRow[]): void {
  console.log('');
  printTable(
    ['page', 'perf', 'a11y', 'best', 'LCP', 'TBT', 'CLS', 'failed audits'],
    rows.map((r) =>
      r.error
        ? [r.page, 'failed', '', '', '', '', '', r.error]
        : [
            r.page,
            String(r.performance),
            String(r.accessibility),
            String(r.bestPractices),
            `${fmt(r.lcpMs)} ms`,
            `${fmt(r.tbtMs)} ms`,
            fmt(r.cls, 3),
            r.failing.join(', '),
          ],
    ),
  );
}

export function printTable(head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) =>
        i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!),
      )
      .join('  ')
      .trimEnd();
  console.log(
    [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n'),
  );
}
