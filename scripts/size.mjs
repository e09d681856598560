#!/usr/bin/env node
/**
 * Prints the gzipped JavaScript each route loads, from the production build's manifest.
 * `npm run size` builds first unless --no-build is given; exits 1 when the first route
 * (the dashboard, at /) is over budget. Figures, not guesses.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const FIRST_ROUTE_BUDGET_KIB = 143;
export const DASHBOARD_BUDGET_KIB = 267;
const ROUTES = {
  'dashboard (/)': 'src/app/routes/dashboard.tsx',
  // What the dashboard loads in all, once its charts (Recharts) have come in after the first paint.
  'dashboard+charts': ['src/app/routes/dashboard.tsx', 'src/features/dashboard/components/charts.tsx', 'src/i18n/locales/charts.id.ts'],
  'follow-ups': 'src/app/routes/follow-ups.tsx',
  meetings: 'src/app/routes/meetings.tsx',
  'meeting detail': 'src/app/routes/meeting.tsx',
  partners: 'src/app/routes/partners.tsx',
  'partner detail': 'src/app/routes/partnership.tsx',
};

export function routeSizes(outDir = 'dist') {
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8'));
  const gz = new Map();
  const gzOf = (file) => {
    if (!gz.has(file)) gz.set(file, gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length);
    return gz.get(file);
  };
  /** A chunk and everything it imports statically: what the browser must fetch for it. */
  const closure = (key, seen = new Set()) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(chunk.file)) return seen;
    seen.add(chunk.file);
    for (const dep of chunk.imports ?? []) closure(dep, seen);
    return seen;
  };
  const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
  // Boot also loads the default language (Bahasa Indonesia) before the first render.
  const entry = closure('src/i18n/locales/id.ts', closure(entryKey));
  const routes = Object.entries(ROUTES).map(([name, keys]) => {
    const files = [keys].flat().reduce((seen, key) => closure(key, seen), new Set(entry));
    const bytes = [...files].filter((f) => f.endsWith('.js')).reduce((sum, f) => sum + gzOf(f), 0);
    return { name, files: [...files], kib: bytes / 1024 };
  });
  const allJs = Object.values(manifest)
    .map((c) => c.file)
    .filter((f) => f.endsWith('.js'));
  return { entry: [...entry], routes, allJsKib: [...new Set(allJs)].reduce((s, f) => s + gzOf(f), 0) / 1024 };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!process.argv.includes('--no-build')) execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  const { routes, allJsKib } = routeSizes();
  console.log('JavaScript per route (gzip -9, entry + static imports + route chunk):');
  for (const r of routes) console.log(`  ${r.name.padEnd(16)} ${r.kib.toFixed(1).padStart(7)} KiB  (${r.files.length} files)`);
  console.log(`  all JS in dist    ${allJsKib.toFixed(1).padStart(7)} KiB`);
  const first = routes[0];
  const dashboard = routes.find((r) => r.name === 'dashboard+charts');
  const ok = first.kib <= FIRST_ROUTE_BUDGET_KIB && dashboard.kib <= DASHBOARD_BUDGET_KIB;
  console.log(`first route: ${first.kib.toFixed(1)} KiB of ${FIRST_ROUTE_BUDGET_KIB} KiB budget; dashboard with charts: ${dashboard.kib.toFixed(1)} KiB of ${DASHBOARD_BUDGET_KIB} KiB — ${ok ? 'OK' : 'OVER BUDGET'}`);
  process.exit(ok ? 0 : 1);
}
