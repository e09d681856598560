/**
 * The production server, built once into dist-server/ (`npm run build`, or `npm start` when it is
 * missing or older than its sources): server/node/main.ts and everything it imports (the server,
 * the domain, Hono, Kysely, zod…) bundled by esbuild into plain JavaScript ES modules, so a start
 * compiles nothing. Before, `npm start` ran the TypeScript under tsx, which transpiled about a
 * hundred files and loaded some four hundred more from node_modules at every start: 1.7 s against
 * 0.5 s on an idle machine, 2.9 s of CPU against 0.7 s under load (docs/figures/bench-server.md).
 * Development (`npm run dev`, the tools in scripts/, the tests) still runs the sources under tsx.
 *
 * Left in node_modules and loaded from there: the native SQLite binding (better-sqlite3), the
 * PostgreSQL driver (pg, with its optional native binding), and exceljs (loaded only when an import
 * reads a workbook). Modules the server imports on demand (the password dictionary) stay separate
 * chunks, loaded at first use as before.
 *
 *   node scripts/build-server.mjs [outDir]   builds (default dist-server)
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export const SERVER_ENTRY = 'server/node/main.ts';
/** The file `npm start` runs. */
export const SERVER_MAIN = 'main.mjs';
/** What the last build was made from (its sources and the lock file), to tell when it is stale. */
const INPUTS = 'inputs.json';
/** Packages not bundled: native bindings, and what loads only on demand and weighs megabytes. */
export const SERVER_EXTERNAL = ['better-sqlite3', 'pg', 'pg-native', 'exceljs', '@sqlite.org/sqlite-wasm'];

/**
 * Builds the server into `outDir` (relative to the repository). Chunks are named by their content
 * and older ones are left in place: a server still running from the last build loads its
 * on-demand chunks (the password dictionary) from there after a rebuild.
 */
export async function buildServer(outDir = 'dist-server') {
  const out = resolve(root, outDir);
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: root,
    entryPoints: { main: SERVER_ENTRY },
    outdir: out,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: SERVER_EXTERNAL,
    // A package's ES module build before its CommonJS one (as Vite does): the password
    // dictionary's packages export their names only from the former.
    mainFields: ['module', 'main'],
    // Less to parse at start (1.4 MB instead of 2.4 MB). The source map beside it gives the
    // original file and line in a stack trace with NODE_OPTIONS=--enable-source-maps.
    minify: true,
    sourcemap: 'linked',
    // Bundled CommonJS packages call require(): give the ES module one.
    banner: { js: "import { createRequire as __mitraRequire } from 'node:module'; const require = __mitraRequire(import.meta.url);" },
    metafile: true,
    logLevel: 'warning',
  });
  const sources = Object.keys(result.metafile.inputs).filter((file) => !file.includes('node_modules/'));
  writeFileSync(join(out, INPUTS), JSON.stringify({ sources: [...sources, 'package.json', 'package-lock.json'] }, null, 2));
  return join(out, SERVER_MAIN);
}

/** Why the build in `outDir` must be made again, or undefined when it is current. */
export function serverBuildStale(outDir = 'dist-server') {
  const out = resolve(root, outDir);
  const main = join(out, SERVER_MAIN);
  const inputs = join(out, INPUTS);
  if (!existsSync(main) || !existsSync(inputs)) return 'no build yet';
  const built = statSync(main).mtimeMs;
  const { sources } = JSON.parse(readFileSync(inputs, 'utf8'));
  for (const file of sources) {
    const path = resolve(root, file);
    if (!existsSync(path)) return `${file} is gone`;
    if (statSync(path).mtimeMs > built) return `${file} changed`;
  }
  return undefined;
}

/** Builds the server when `outDir` holds no build or one older than a source; returns its main file. */
export async function buildServerIfStale(outDir = 'dist-server') {
  const stale = serverBuildStale(outDir);
  if (stale) {
    console.log(`Building the server (${stale})…`);
    await buildServer(outDir);
  }
  return join(resolve(root, outDir), SERVER_MAIN);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const main = await buildServer(process.argv[2] ?? 'dist-server');
  console.log(`Server built: ${main}`);
}
