import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without type declarations
import { DASHBOARD_BUDGET_KIB, FIRST_ROUTE_BUDGET_KIB, routeSizes } from '../../scripts/size.mjs';

/**
 * Builds the production bundle into a temporary folder and inspects what would ship:
 * no MSW, no demo data, no server code, and the first route within its size budget.
 */
const outDir = mkdtempSync(join(tmpdir(), 'mitra-dist-'));

beforeAll(() => {
  // A separate process, as `npm run build` runs it: vitest's own NODE_ENV=test would make
  // import.meta.env.DEV true and let the demo backend in.
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
  delete env.VITEST;
  execFileSync(join('node_modules', '.bin', 'vite'), ['build', '--logLevel', 'error', '--outDir', outDir, '--emptyOutDir'], {
    env,
    stdio: 'pipe',
  });
}, 120_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

function shippedJs(): string[] {
  const assets = join(outDir, 'assets');
  return readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(assets, f), 'utf8'));
}

describe('the production build', () => {
  it('ships no MSW worker script', () => {
    expect(existsSync(join(outDir, 'index.html'))).toBe(true);
    expect(existsSync(join(outDir, 'mockServiceWorker.js'))).toBe(false);
  });

  it.each([
    ['MSW', /setupWorker|mockServiceWorker|msw\/browser|MSW_COOKIE/],
    ['the demo data', /Ruang Rapat Wareng|Qu Yuekuan|Intan Nurul Hikmah|fu-binzhou-/],
    ['the server code', /If-Match header|Idempotency-Key was already used|\/problems\/stale-version/],
    ['the Hono router', /hono/i],
  ])('contains no %s', (_name, marker) => {
    const hits = shippedJs().filter((code) => marker.test(code));
    expect(hits).toHaveLength(0);
  });

  it("keeps Recharts out of the first route: only the dashboard's lazy charts chunk loads it", () => {
    const { routes } = routeSizes(outDir) as { routes: Array<{ name: string; files: string[] }> };
    const first = routes[0]?.files ?? [];
    const read = (f: string) => readFileSync(join(outDir, f), 'utf8');
    expect(first.filter((f) => f.endsWith('.js') && /recharts-surface|recharts-bar/.test(read(f)))).toEqual([]);
    const withCharts = routes.find((r) => r.name === 'dashboard+charts')?.files ?? [];
    expect(withCharts.some((f) => f.endsWith('.js') && /recharts-surface/.test(read(f)))).toBe(true);
  });

  it(`loads at most ${FIRST_ROUTE_BUDGET_KIB} KiB of gzipped JavaScript on the first route`, () => {
    const { routes } = routeSizes(outDir) as { routes: Array<{ name: string; kib: number }> };
    const first = routes[0];
    expect(first?.name).toMatch(/dashboard/);
    expect(first?.kib).toBeGreaterThan(50); // sanity: the measurement saw the real bundle
    expect(first?.kib).toBeLessThanOrEqual(FIRST_ROUTE_BUDGET_KIB);
  });

  it(`loads at most ${DASHBOARD_BUDGET_KIB} KiB of gzipped JavaScript on the dashboard with its charts`, () => {
    const { routes } = routeSizes(outDir) as { routes: Array<{ name: string; kib: number }> };
    const dashboard = routes.find((r) => r.name === 'dashboard+charts');
    expect(dashboard?.kib).toBeGreaterThan(150); // sanity: Recharts is counted
    expect(dashboard?.kib).toBeLessThanOrEqual(DASHBOARD_BUDGET_KIB);
  });
});
