import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Page } from '@playwright/test';
import { USERS } from '../../mocks/demo-data';
import { SERVER_PORTS } from './ports';

/**
 * Opens a page and waits until the backend has answered (no loading state left). A new browser
 * context of the demo starts its database first (SQLite in WebAssembly: compile, then open the
 * demo build's ready-made database file), which can take seconds on a busy machine, so the page
 * gets 15 s to appear.
 */
export async function openPage(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator('main h1').first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('status').filter({ hasText: /Memuat|Loading/ })).toHaveCount(0);
}

/** axe with the WCAG 2.1 A/AA rule sets; returns the violations for a readable failure. */
export async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}

export type Locale = 'id' | 'en';

/**
 * The tag of a journey's English copy when the Indonesian one proves the same path: the `server`
 * project leaves these out (playwright.config.ts), `demo` runs both languages.
 */
export const SECOND_LOCALE = '@second-locale';
export function secondLocale(locale: Locale): string[] {
  return locale === 'en' ? [SECOND_LOCALE] : [];
}

/**
 * The tag of the journeys the `demo` project runs too (playwright.config.ts): what differs in the
 * browser demo (its in-browser database and search, "restore demo data", two tabs on one
 * database) and one journey per main page. Every journey runs on the production server.
 */
export const DEMO = '@demo';

/** The demo's default user (the preferences store starts with it). */
export const DEFAULT_USER_ID = 'usr-rina';

/** The demo users' password on the e2e server (playwright.config.ts sets it for the run). */
export function e2ePassword(): string {
  const password = process.env.MITRA_E2E_PASSWORD;
  if (!password) throw new Error('MITRA_E2E_PASSWORD is not set: run the suite through playwright.config.ts.');
  return password;
}

export function demoUser(userId: string) {
  const user = USERS.find((u) => u.id === userId);
  if (!user) throw new Error(`No demo user ${userId}`);
  return user;
}

/**
 * Signs the page's browser context in as a demo user through the API, as the sign-in form does
 * (page.request shares the context's cookies, so the page is signed in from its next request).
 */
export async function signInAs(page: Page, baseURL: string, userId: string): Promise<void> {
  const response = await page.request.post('/api/auth/sign-in', {
    data: { email: demoUser(userId).email, password: e2ePassword() },
    headers: { origin: baseURL },
  });
  expect(
    response.status(),
    `sign-in as ${userId} (a 401 here may mean a server of another run is on ${baseURL}, with another MITRA_E2E_PASSWORD)`,
  ).toBe(200);
}

/**
 * Writes the `mitra.preferences` entry (what the language and demo-user switches store) at the
 * first page load after this call; later loads keep what the app stored since (a language
 * picked in the page), as they would for a user.
 */
let preferenceCalls = 0;
export async function setPreferences(page: Page, state: { locale: Locale; userId?: string }): Promise<void> {
  preferenceCalls += 1;
  const marker = `mitra.e2e.preferences.${preferenceCalls}`;
  await page.addInitScript(
    ({ marker, state }) => {
      if (sessionStorage.getItem(marker)) return;
      sessionStorage.setItem(marker, '1');
      const saved = JSON.parse(localStorage.getItem('mitra.preferences') ?? 'null') as { state?: object } | null;
      localStorage.setItem('mitra.preferences', JSON.stringify({ state: { ...saved?.state, ...state }, version: 1 }));
    },
    { marker, state },
  );
}

type Fixtures = {
  /** The `server` project: the production server (`npm start`'s composition), signed in. */
  serverMode: boolean;
  /** Server mode: sign in as the demo's default user before the test (off for sign-in tests). */
  signedIn: boolean;
  _serverSession: void;
  /**
   * The test runs as this demo user, in this language: the `mitra.preferences` entry (the
   * language; in demo mode the user too, as the switcher stores it) is written before the next
   * page load, and in server mode the browser signs in as that user. Call it before opening a page.
   */
  asUser: (userId: string, locale?: Locale) => Promise<void>;
};

export const test = base.extend<Fixtures>({
  // Each worker of the `server` project talks to its own server (and database).
  baseURL: async ({ baseURL }, provide, testInfo) => {
    await provide(
      testInfo.project.name === 'server' ? `http://127.0.0.1:${SERVER_PORTS[testInfo.parallelIndex % SERVER_PORTS.length]}` : baseURL,
    );
  },
  // Playwright reads a fixture's dependencies from the destructuring pattern: none here.
  // eslint-disable-next-line no-empty-pattern
  serverMode: async ({}, provide, testInfo) => {
    await provide(testInfo.project.name === 'server');
  },
  signedIn: [true, { option: true }],
  _serverSession: [
    async ({ page, serverMode, signedIn, baseURL }, provide) => {
      if (serverMode) {
        // Every test starts from the demo data (scripts/e2e-server.ts).
        const reset = await page.request.post('/__e2e/reset');
        expect(reset.status(), 'POST /__e2e/reset').toBe(204);
        if (signedIn) await signInAs(page, baseURL ?? '', DEFAULT_USER_ID);
      }
      await provide();
    },
    { auto: true },
  ],
  asUser: async ({ page, serverMode, baseURL }, provide) => {
    await provide(async (userId, locale = 'id') => {
      await setPreferences(page, serverMode ? { locale } : { locale, userId });
      if (serverMode) await signInAs(page, baseURL ?? '', userId);
    });
  },
});
export { expect };
