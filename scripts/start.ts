/**
 * `npm start`: builds the SPA when dist/ is missing or older than its sources, then runs the
 * production server (server/node/main.ts; arguments such as --empty are passed on).
 * The server runs under tsx, as the rest of the tooling does: it imports the domain's TypeScript
 * directly, tsx compiles each file once at start-up (well under a second), and there is no
 * second build output to keep in step with the sources.
 */
import { buildAppIfStale } from './build-app';

buildAppIfStale(process.env.MITRA_DIST ?? 'dist');
await import('../server/node/main');
