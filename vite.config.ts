import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/** The MSW worker script belongs to the demo and development only, never to production. */
function dropMockWorker(mode: string): Plugin {
  let outDir = 'dist';
  return {
    name: 'mitra:drop-mock-worker',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      if (mode === 'production') rmSync(resolve(outDir, 'mockServiceWorker.js'), { force: true });
    },
  };
}

export default defineConfig(({ mode }) => ({
  plugins: [react(), dropMockWorker(mode)],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  build: {
    target: 'es2022',
    sourcemap: true,
    manifest: true,
    reportCompressedSize: false,
    // The demo build carries the whole API (MSW, Hono, zod) in one lazy chunk; production does not.
    ...(mode === 'demo' ? { chunkSizeWarningLimit: 1200 } : {}),
  },
  server: { port: 5173 },
  preview: { port: 4173 },
}));
