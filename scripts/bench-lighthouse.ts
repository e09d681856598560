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
 * by performance score), --no-build, --compare DIR: a second build (say, main's) served beside the
 * first on the next port, each page measured on one then the other in turn, so that both see the
 * same machine load (a shared machine's load moves TBT by seconds between two runs).
 * Run it alone on the machine (`flock /tmp/mitra-e2e.lock npm run bench:lighthouse`): Lighthouse
 * simulates a slow phone from what it measures, so a busy CPU shows as a slow page.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildAppIfStale } from './build-app.mjs';
import { buildServerIfStale } from './build-server.mjs';
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
    compare: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
  },
});

type Target = { label: string; dist: string; base: string; server?: ChildProcess; headers?: Record<string, string> };

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'mitra-bench-lighthouse-'));
  const tmpBefore = new Set(readdirSync(tmpdir()));
  const port = Number(values.port);
  const targets: Target[] = [{ label: values.dist, dist: resolve(values.dist), base: `http://127.0.0.1:${port}` }];
  if (values.compare) targets.push({ label: values.compare, dist: resolve(values.compare), base: `http://127.0.0.1:${port + 1}` });
  try {
    if (!values['no-build']) buildAppIfStale(targets[0]!.dist);
    await buildServerIfStale('dist-server');
    for (const [i, target] of targets.entries()) {
      if (!existsSync(join(target.dist, 'index.html'))) throw new Error(`no ${target.dist}/index.html: run \`npm run build\` (or drop --no-build)`);
      target.server = startServer({
        MITRA_DB: join(work, `mitra-${i}.sqlite`),
        PORT: String(port + i),
        MITRA_DIST: target.dist,
        ...BENCH_ADMIN_ENV,
      });
      await waitFor(`${target.base}/`, target.server);
      target.headers = await authHeaders(target.base);
    }
    // Both databases hold the same demo data: the same pages.
    const pages = await appPages(targets[0]!.base, targets[0]!.headers!);

    const runs = Math.max(1, Number(values.runs));
    // rows[target][page] = one row per run
    const rows: LighthouseRow[][][] = targets.map(() => pages.map(() => []));
    for (let run = 0; run < runs; run += 1) {
      for (const [p, page] of pages.entries()) {
        for (const [t, target] of targets.entries()) {
          const [row] = runLighthouse(target.base, target.headers!, [page], work);
          rows[t]![p]!.push(row!);
        }
      }
    }
    for (const [t, target] of targets.entries()) {
      const median = rows[t]!.map((perPage) => {
        const sorted = [...perPage].sort((a, b) => (a.performance || 0) - (b.performance || 0));
        return sorted[Math.floor(sorted.length / 2)]!;
      });
      console.log(`\n${target.label}${runs > 1 ? `: the median of ${runs} runs per page (by performance score)` : ''}`);
      printLighthouse(median);
    }
  } finally {
    for (const target of targets) await stopServer(target.server);
    rmSync(work, { recursive: true, force: true });
    removeBrowserLeftovers(tmpBefore);
  }
}

await main();
