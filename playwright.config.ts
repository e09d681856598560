import { randomBytes } from 'node:crypto';
import { defineConfig, devices } from '@playwright/test';
import { DEMO_PORT, SERVER_PORTS } from './tests/e2e/ports';

/**
 * The demo users' password on the e2e server (scripts/e2e-server.ts), shared with the tests
 * through the environment (workers inherit it). A new one per run unless given: there is no
 * fixed password anywhere. To reuse a server you started yourself, start it with the same value.
 */
process.env.MITRA_E2E_PASSWORD ??= `e2e-${randomBytes(18).toString('base64url')}`;

/**
 * End-to-end tests drive Debian's Chromium (never a downloaded browser):
 * - `server`: every journey, against what `npm start` runs (createMitraServer over SQLite, signed
 *   in), through scripts/e2e-server.ts, which resets the database to the demo data before every
 *   test. One server per worker, so the two workers run side by side.
 * - `demo`: the demo build (the production bundle plus MSW serving the same API in the browser),
 *   for the English copy of each journey and the journeys tagged @demo (tests/e2e/fixtures.ts).
 */
export default defineConfig({
  testDir: 'tests/e2e',
  // A hang guard, not a speed check: a journey takes 5–40 s here, more on a busy 2-core machine.
  timeout: 60_000,
  expect: { timeout: 7_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    {
      // Every journey in Indonesian and axe on every page in both languages, against what
      // `npm start` runs. Each worker has its own server and database (tests/e2e/ports.ts).
      name: 'server',
      use: { baseURL: `http://127.0.0.1:${SERVER_PORTS[0]}` },
      grepInvert: /@second-locale/,
    },
    {
      // The browser demo (`npm run dev`'s build) runs the same bundle and the same API code. It
      // takes the English copy of each journey (@second-locale) and what differs in the demo
      // (@demo: its in-browser database, search, "restore demo data", two tabs on one database).
      name: 'demo',
      use: { baseURL: `http://localhost:${DEMO_PORT}` },
      grep: /@demo|@second-locale/,
      // Sign-in and the first run exist only on the production server.
      testIgnore: ['sign-in.spec.ts', 'first-run.spec.ts'],
    },
  ],
  webServer: [
    {
      name: 'demo',
      command: `npm run build:demo && node_modules/.bin/vite preview --outDir dist-demo --port ${DEMO_PORT} --strictPort`,
      url: `http://localhost:${DEMO_PORT}`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
    ...SERVER_PORTS.map((port) => ({
      name: `server ${port}`,
      command: 'node_modules/.bin/tsx scripts/e2e-server.ts',
      env: { PORT: String(port), HOST: '127.0.0.1', MITRA_E2E_PASSWORD: process.env.MITRA_E2E_PASSWORD ?? '' },
      // The SPA's root answers 200 (Playwright waits for 2xx–403; /api/session would be 401).
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      // SIGTERM, so the script closes the database and removes its temporary folder.
      gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 5_000 },
    })),
  ],
});
