import { randomBytes } from 'node:crypto';
import { defineConfig, devices } from '@playwright/test';

const DEMO_PORT = 4173;
const SERVER_PORT = 4174;

/**
 * The demo users' password on the e2e server (scripts/e2e-server.ts), shared with the tests
 * through the environment (workers inherit it). A new one per run unless given: there is no
 * fixed password anywhere. To reuse a server you started yourself, start it with the same value.
 */
process.env.MITRA_E2E_PASSWORD ??= `e2e-${randomBytes(18).toString('base64url')}`;

/**
 * End-to-end tests drive Debian's Chromium (never a downloaded browser), each journey twice:
 * - `demo`: the demo build, the production bundle plus MSW serving the same API in the browser;
 * - `server`: what `npm start` runs (createMitraServer over SQLite, signed in), through
 *   scripts/e2e-server.ts, which resets the database to the demo data before every test. The
 *   tests of this project share that one server, so they run one at a time.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 30_000,
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
      name: 'server',
      use: { baseURL: `http://127.0.0.1:${SERVER_PORT}` },
      // axe per page in both languages checks the same bundle as in `demo`: once is enough. So
      // does the English copy of a journey whose Indonesian copy runs here (tests/e2e/fixtures.ts).
      testIgnore: ['axe.spec.ts'],
      grepInvert: /@second-locale/,
      // One shared server whose database every test resets. Listed first: its tests run one
      // after another on one worker while the other worker takes the demo's, in between.
      workers: 1,
    },
    {
      name: 'demo',
      use: { baseURL: `http://localhost:${DEMO_PORT}` },
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
    {
      name: 'server',
      command: 'node_modules/.bin/tsx scripts/e2e-server.ts',
      env: { PORT: String(SERVER_PORT), HOST: '127.0.0.1', MITRA_E2E_PASSWORD: process.env.MITRA_E2E_PASSWORD },
      // The SPA's root answers 200 (Playwright waits for 2xx–403; /api/session would be 401).
      url: `http://127.0.0.1:${SERVER_PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      // SIGTERM, so the script closes the database and removes its temporary folder.
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    },
  ],
});
