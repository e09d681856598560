import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { demoDatabaseAsset } from './scripts/vite-demo-database.js';
import { firstLoadPreloads, precompressDir } from './scripts/vite-first-load.js';

/**
 * The production dist/: without the MSW worker script (the demo's and development's only), and
 * with a brotli and a gzip copy of every compressible file, for the Node server to send as is.
 */
function productionDist(mode: string): Plugin {
  let outDir = 'dist';
  return {
    name: 'mitra:production-dist',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      if (mode !== 'production') return;
      rmSync(resolve(outDir, 'mockServiceWorker.js'), { force: true });
      await precompressDir(outDir);
    },
  };
}

export default defineConfig(({ mode }) => ({
  plugins: [react(), firstLoadPreloads(), productionDist(mode), demoDatabaseAsset(mode)],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  build: {
    target: 'es2022',
    // No source maps in production: nothing to serve (the server refuses *.map all the same).
    sourcemap: mode !== 'production',
    manifest: true,
    reportCompressedSize: false,
    rolldownOptions: {
      output: {
        // The small modules the dashboard (the first route) shares with other pages, in one file
        // instead of one each: fewer requests and less per-file overhead on the first load.
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [
            {
              name: 'first-route',
              test: /src[\\/](components[\\/]ui[\\/](query-state|filter-select)|features[\\/](dashboard|partners)[\\/]api[\\/]queries|features[\\/]partners[\\/]index|reference-data[\\/](use-labels|queries)|lib[\\/](use-format|format|query-keys)|domain[\\/](dates|value-lists|region|validation))|query-core[\\/].*infiniteQueryOptions/,
            },
          ],
        },
      },
    },
    // The demo build carries the whole API (MSW, Hono, zod) in one lazy chunk; production does not.
    ...(mode === 'demo' ? { chunkSizeWarningLimit: 1200 } : {}),
  },
  // The import page's Web Worker (src/features/imports/check) as an ES module: it splits like the
  // app, so exceljs loads only when a workbook is read.
  worker: { format: 'es' as const },
  server: { port: 5173 },
  preview: { port: 4173 },
}));
