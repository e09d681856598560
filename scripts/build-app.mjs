import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the production bundle is built from. */
const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'scripts/vite-first-load.ts', 'package.json'];

/** @param {string} path @returns {number} the newest modification time under `path` (0 when missing) */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/**
 * Builds the production SPA into `outDir` when it is missing or older than its sources.
 * Plain JavaScript: `npm start` (scripts/start.mjs) runs it without a TypeScript loader.
 */
export function buildAppIfStale(outDir = 'dist') {
  const index = join(outDir, 'index.html');
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  if (built >= Math.max(...SOURCES.map(newest))) return;
  console.log(built === 0 ? 'No build yet: building the app…' : 'The app changed since the last build: building…');
  const result = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--mode', 'production', '--outDir', outDir], {
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status})`);
}
