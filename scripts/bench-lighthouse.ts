/**
 * `npm run bench:lighthouse`: Lighthouse 12 (mobile, simulated throttling) on every page of the
 * production server, signed in, over the demo data. A benchmark, not a test: it prints
 * performance, LCP, TBT and CLS per page and exits 0 whatever they are.
 *
 * Builds the SPA when dist/ is stale, starts server/node/main.ts (what `npm start` runs) on a new
 * temporary database (a new database holds the demo data) with a throwaway administrator, signs
 * in, runs Lighthouse on each page and removes what it made.
 *
 * Options: --port N (4391), --dist DIR (dist), --runs N (1: with more, the median run per page
 * by performance score), --no-build.
 * Run it alone on the machine (`flock /tmp/mitra-e2e.lock npm run bench:lighthouse`): Lighthouse
 * simulates a slow phone from what it measures, so a busy CPU shows as a slow page.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildAppIfStale } from './build-app';
import {
  appPages,
  authHeaders,
  BENCH_ADMIN_ENV,
  printLighthouse,
  removeBrowserLeftovers,
  runLighthouse,
  startServer,
  stopServer,
  waitFor,
  type LighthouseRow,
} from './lighthouse';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4391' },
    dist: { type: 'string', default: 'dist' },
    runs: { type: 'string', default: '1' },
    'no-build': { type: 'boolean', default: false },
  },
});

async function main(): Promise<void> {
  const dist = resolve(values.dist);
  const work = mkdtempSync(join(tmpdir(), 'mitra-bench-lighthouse-'));
  const tmpBefore = new Set(readdirSync(tmpdir()));
  let server: ChildProcess | undefined;
  try {
    if (!values['no-build']) buildAppIfStale(dist);
    if (!existsSync(join(dist, 'index.html')))
      throw new Error(`no ${dist}/index.html: run \`npm run build\` (or drop --no-build)`);
    const base = `http://127.0.0.1:${values.port}`;
    server = startServer({
      MITRA_DB: join(work, 'mitra.sqlite'),
      PORT: values.port,
      MITRA_DIST: dist,
      ...BENCH_ADMIN_ENV,
    });
    await waitFor(`${base}/`, server);
    const headers = await authHeaders(base);
    const pages = await appPages(base, headers);

    const runs = Math.max(1, Number(values.runs));
    const all: LighthouseRow[][] = [];
    for (let run = 0; run < runs; run += 1) all.push(runLighthouse(base, headers, pages, work));
    const median = pages.map((_, i) => {
      const rows = all
        .map((r) => r[i]!)
        .sort((a, b) => (a.performance || 0) - (b.performance || 0));
      return rows[Math.floor(rows.length / 2)]!;
    });
    if (runs > 1) console.log(`\nThe median of ${runs} runs per page (by performance score):`);
    printLighthouse(median);
  } finally {
    await stopServer(server);
    rmSync(work, { recursive: true, force: true });
    removeBrowserLeftovers(tmpBefore);
  }
}

await main();
