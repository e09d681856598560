/**
 * `npm start`: builds the SPA when dist/ is missing or older than its sources, then runs the
 * production server (server/node/main.ts; arguments such as --empty are passed on).
 * The server runs under tsx, as the rest of the tooling does: it imports the domain's TypeScript
 * directly, tsx compiles each file once at start-up (well under a second), and there is no
 * second build output to keep in step with the sources.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'];
const BUILT = join(process.env.MITRA_DIST ?? 'dist', 'index.html');

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const built = existsSync(BUILT) ? statSync(BUILT).mtimeMs : 0;
const sources = Math.max(...SOURCES.map(newest));
if (built < sources) {
  console.log(built === 0 ? 'No build yet: building the app…' : 'The app changed since the last build: building…');
  const outDir = process.env.MITRA_DIST ?? 'dist';
  const result = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--mode', 'production', '--outDir', outDir], {
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

await import('../server/node/main');
