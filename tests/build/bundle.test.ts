import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeApp } from '../../server/node/app';
import type { Preloads } from '../../server/node/preloads';
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

  it('ships no source maps', () => {
    const all = (dir: string): string[] =>
      readdirSync(join(outDir, dir), { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? all(join(dir, e.name)) : [join(dir, e.name)],
      );
    const files = all('.');
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(shippedJs().filter((code) => code.includes('sourceMappingURL'))).toEqual([]);
  });

  it('has a brotli and a gzip copy beside every script and stylesheet, each the same bytes once decompressed', () => {
    const assets = readdirSync(join(outDir, 'assets')).filter((f) => /\.(js|css)$/.test(f));
    expect(assets.length).toBeGreaterThan(20);
    for (const f of assets) {
      const raw = readFileSync(join(outDir, 'assets', f));
      if (raw.length < 100) continue;
      expect(
        brotliDecompressSync(readFileSync(join(outDir, 'assets', `${f}.br`))).equals(raw),
        `${f}.br`,
      ).toBe(true);
      // A copy that would be no smaller is not written (a 132-byte chunk gzips to more): the
      // server then sends the file itself.
      if (gzipSync(raw, { level: 9 }).length >= raw.length) {
        expect(existsSync(join(outDir, 'assets', `${f}.gz`)), `${f}.gz not written`).toBe(false);
        continue;
      }
      expect(
        gunzipSync(readFileSync(join(outDir, 'assets', `${f}.gz`))).equals(raw),
        `${f}.gz`,
      ).toBe(true);
    }
  });

  it('preloads the default language and the first route (/) from index.html', () => {
    const manifest = JSON.parse(
      readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8'),
    ) as Record<string, { file: string }>;
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    const preloaded = [
      ...html.matchAll(/<link rel="modulepreload" crossorigin href="\/([^"]+)"/g),
    ].map((m) => m[1]);
    for (const key of [
      'src/i18n/locales/id.ts',
      'src/app/routes/dashboard.tsx',
      'src/app/shell/shell-parts.tsx',
      'src/i18n/locales/admin.id.ts',
    ]) {
      expect(preloaded, key).toContain(manifest[key]!.file);
    }
    // Not the other language, not the charts (they load after the first paint).
    for (const key of ['src/i18n/locales/en.ts', 'src/features/dashboard/components/charts.tsx']) {
      expect(preloaded, key).not.toContain(manifest[key]!.file);
    }
    // The language file comes first of the page's own: boot waits for it before anything renders.
    expect(html.indexOf(manifest['src/i18n/locales/id.ts']!.file)).toBeLessThan(
      html.indexOf(manifest['src/app/routes/dashboard.tsx']!.file),
    );
  });

  it("is served by the Node server with each page's preloads, every preloaded file there in brotli", async () => {
    const preloads = JSON.parse(
      readFileSync(join(outDir, '.vite', 'preloads.json'), 'utf8'),
    ) as Preloads;
    expect(preloads.pages.map((p) => p.path)).toContain('/follow-ups');
    const manifest = JSON.parse(
      readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8'),
    ) as Record<string, { file: string }>;
    const app = createNodeApp({ api: { fetch: () => new Response('{}') }, distDir: outDir });
    const html = await (
      await app.request('/follow-ups', { headers: { cookie: 'mitra.lang=en' } })
    ).text();
    const preloaded = [
      ...html.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)"/g),
    ].map((m) => m[1]!);
    for (const key of [
      'src/i18n/locales/en.ts',
      'src/i18n/locales/lists.en.ts',
      'src/app/routes/follow-ups.tsx',
    ]) {
      expect(preloaded, key).toContain(`/${manifest[key]!.file}`);
    }
    expect(preloaded).not.toContain(`/${manifest['src/app/routes/dashboard.tsx']!.file}`);
    for (const path of preloaded) {
      const response = await app.request(path, {
        headers: { 'accept-encoding': 'gzip, deflate, br, zstd' },
      });
      expect(response.status, path).toBe(200);
      // Every file but one of a few bytes has a smaller brotli copy, and it is what goes; a tiny
      // file goes compressed only where the build found a smaller copy.
      const brotli = existsSync(join(outDir, `${path}.br`));
      if (readFileSync(join(outDir, path)).length >= 200) expect(brotli, path).toBe(true);
      expect(response.headers.get('content-encoding'), path).toBe(brotli ? 'br' : null);
    }
  });
});
