/**
 * `npm start`: builds what is missing or older than its sources — the SPA (dist/, vite) and the
 * server (dist-server/, esbuild: scripts/build-server.mjs) — then runs the built server
 * (dist-server/main.mjs, from server/node/main.ts; arguments such as --empty are passed on).
 * Plain JavaScript run by Node itself: nothing is transpiled at start once both are built.
 * Under MITRA_WORKERS=N each worker process runs this file again and goes straight to the server.
 */
import cluster from 'node:cluster';
import { pathToFileURL } from 'node:url';
import { buildAppIfStale } from './build-app.mjs';
import { buildServerIfStale, SERVER_MAIN } from './build-server.mjs';

let main = new URL(`../dist-server/${SERVER_MAIN}`, import.meta.url).href;
if (cluster.isPrimary) {
  buildAppIfStale(process.env.MITRA_DIST ?? 'dist');
  main = pathToFileURL(await buildServerIfStale('dist-server')).href;
}
await import(main);
