import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { postgresAvailable } from './tests/support/postgres-cluster';

const alias = { '@': fileURLToPath(new URL('./src', import.meta.url)) };

/**
 * The API contract runs on PostgreSQL too when it can: a server given in MITRA_TEST_DATABASE_URL,
 * or Debian's postgresql installed (a throwaway cluster is started, tests/setup-postgres.ts). On a
 * machine without either, that project is left out with a warning (`.ci/run` installs it).
 */
const withPostgres = Boolean(process.env.MITRA_TEST_DATABASE_URL) || postgresAvailable();
if (!withPostgres)
  console.warn(
    '[tests] PostgreSQL not installed: the API contract runs on SQLite only (apt-get install postgresql).',
  );

export default defineConfig({
  resolve: { alias },
  test: {
    // Two test files at a time on this two-core machine (vitest's default here is one): npm test
    // 255 s → 183 s, every test passing in both.
    maxWorkers: 2,
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'node',
          environment: 'node',
          // One module graph per worker, not per file: every file imports the whole API (Hono,
          // zod, Kysely, the seed), which took longer than most files' tests (8 files: 161–193 s
          // → 74–115 s at load 24–31). Safe here: each test opens its own database, and files
          // that change process state (TZ) restore it.
          isolate: false,
          // The API contract runs here on SQLite in memory (MITRA_TEST_ENGINE unset).
          include: [
            'tests/unit/**/*.test.ts',
            'tests/api/**/*.test.ts',
            'tests/build/**/*.test.ts',
          ],
        },
      },
      {
        resolve: { alias },
        test: {
          // The server on its SQLite file: backups, a killed process, files, the Node server.
          name: 'server',
          environment: 'node',
          include: ['tests/sqlite/**/*.test.ts', 'tests/node/**/*.test.ts'],
        },
      },
      ...(withPostgres
        ? [
            {
              resolve: { alias },
              test: {
                // The same API contract on PostgreSQL (a throwaway cluster, a database per test).
                name: 'api-postgres',
                environment: 'node',
                // As `node` (the same files): one module graph, and one template database, per worker.
                isolate: false,
                include: ['tests/api/**/*.test.ts'],
                env: { MITRA_TEST_ENGINE: 'postgres' },
                globalSetup: ['tests/setup-postgres.ts'],
                testTimeout: 30_000,
                hookTimeout: 30_000,
              },
            },
          ]
        : []),
      {
        resolve: { alias },
        test: {
          // The SQL data layer (server/db) on each engine: SQLite in memory, PostgreSQL in a
          // throwaway cluster (tests/setup-postgres.ts), one database per test.
          name: 'db-sqlite',
          environment: 'node',
          include: ['tests/db/**/*.test.ts'],
          env: { MITRA_TEST_ENGINE: 'sqlite' },
        },
      },
      {
        resolve: { alias },
        test: {
          // The browser demo's engine: SQLite compiled to WebAssembly, the same schema and queries.
          name: 'db-wasm',
          environment: 'node',
          include: ['tests/db/schema.test.ts', 'tests/db/follow-up-list.test.ts', 'tests/db/listings.test.ts', 'tests/db/stats.test.ts', 'tests/db/cache.test.ts', 'tests/db/demo-database.test.ts'],
          env: { MITRA_TEST_ENGINE: 'sqlite', MITRA_TEST_SQLITE: 'wasm' },
          // A new demo database in WebAssembly (migrate, seed) takes seconds under load: vitest's
          // 5 s timed tests out on a busy machine, as on the other database projects.
          testTimeout: 20_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'db-postgres',
          environment: 'node',
          include: ['tests/db/**/*.test.ts'],
          env: { MITRA_TEST_ENGINE: 'postgres' },
          globalSetup: ['tests/setup-postgres.ts'],
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['tests/components/**/*.test.tsx', 'tests/flows/**/*.test.tsx'],
          setupFiles: ['tests/setup-dom.ts'],
          testTimeout: 20_000,
        },
      },
    ],
  },
});
