import { axeViolations, demoUser, e2ePassword, expect, openPage, setPreferences, test } from './fixtures';
import { Keyboard } from './keyboard';

/**
 * Sign-in, sessions and the security headers of the production server (`npm start`'s
 * composition): the `server` project only (playwright.config.ts leaves this file out of `demo`,
 * which has no sign-in). Each test starts signed out.
 */
test.use({ signedIn: false });

const rina = demoUser('usr-rina');

const TEXT = {
  id: { title: 'Masuk', email: 'Alamat email', password: 'Kata sandi', submit: 'Masuk', problem: 'Ada masalah', failed: 'Alamat email atau kata sandi salah' },
  en: { title: 'Sign in', email: 'Email address', password: 'Password', submit: 'Sign in', problem: 'There is a problem', failed: 'The email address or the password is not right' },
} as const;

test('a page opened without a session leads to sign-in; signing in by keyboard returns to it', async ({ page }) => {
  await page.goto('/follow-ups?status=open');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Ffollow-ups%3Fstatus%3Dopen$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Masuk' })).toBeVisible();
  await expect(page).toHaveTitle('Masuk — Mitra');

  const kb = new Keyboard(page);
  await kb.fill(page.getByLabel('Alamat email'), rina.email);
  await kb.fill(page.getByLabel('Kata sandi'), e2ePassword());
  await kb.press('Enter');

  await expect(page).toHaveURL(/\/follow-ups\?status=open$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Tindak lanjut' })).toBeVisible();
  await expect(page.getByRole('banner').getByText('Rina Wulandari (Staf)')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Status', exact: true })).toHaveValue('open');
});

test('a wrong password gets the GOV.UK error summary, focused, with a link to the field', async ({ page }) => {
  await openPage(page, '/sign-in');
  await page.getByLabel('Alamat email').fill(rina.email);
  await page.getByLabel('Kata sandi').fill(`${e2ePassword()}-wrong`);
  await page.getByRole('button', { name: 'Masuk' }).click();

  const summary = page.getByRole('alert', { name: 'Ada masalah' });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText(['Alamat email atau kata sandi salah']);
  await expect(page.locator('.form-group--error').getByText('Alamat email atau kata sandi salah')).toBeVisible();
  await expect(page.getByLabel('Alamat email')).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveTitle('Galat: Masuk — Mitra');
  await expect(page).toHaveURL(/\/sign-in$/);
  expect(await axeViolations(page)).toEqual([]);

  await summary.getByRole('link').click();
  await expect(page.getByLabel('Alamat email')).toBeFocused();
  // Still signed out.
  expect((await page.request.get('/api/session')).status()).toBe(401);
});

for (const locale of ['id', 'en'] as const) {
  const text = TEXT[locale];
  test(`the sign-in page passes axe, empty and with errors (${locale})`, async ({ page }) => {
    await setPreferences(page, { locale });
    await openPage(page, '/sign-in');
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expect(page.getByRole('heading', { level: 1, name: text.title })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel(text.email).fill(rina.email);
    await page.getByLabel(text.password).fill('not the password at all');
    await page.getByRole('button', { name: text.submit }).click();
    await expect(page.getByRole('alert', { name: text.problem })).toContainText(text.failed);
    expect(await axeViolations(page)).toEqual([]);
  });
}

test('a signed-in page with the account menu passes axe', async ({ page }) => {
  await openPage(page, '/sign-in?next=%2Fpartners%2Fpts-tangerang-binzhou');
  await page.getByLabel('Alamat email').fill(rina.email);
  await page.getByLabel('Kata sandi').fill(e2ePassword());
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page).toHaveURL(/\/partners\/pts-tangerang-binzhou$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Kota Binzhou');
  await expect(page.getByRole('status').filter({ hasText: /Memuat|Loading/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Keluar' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

test('signing out ends the session: a reload, or any page, leads to sign-in again', async ({ page }) => {
  await openPage(page, '/sign-in');
  await page.getByLabel('Alamat email').fill(rina.email);
  await page.getByLabel('Kata sandi').fill(e2ePassword());
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dasbor' })).toBeVisible();
  expect((await page.request.get('/api/session')).status()).toBe(200);

  await page.getByRole('banner').getByRole('button', { name: 'Keluar' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Masuk' })).toBeVisible();
  expect((await page.request.get('/api/session')).status()).toBe(401);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Masuk' })).toBeVisible();
  await page.goto('/meetings');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fmeetings$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Masuk' })).toBeVisible();
});

test('pages come with the security headers', async ({ page }) => {
  for (const path of ['/', '/sign-in', '/meetings/new']) {
    const response = await page.goto(path);
    const headers = response?.headers() ?? {};
    const csp = headers['content-security-policy'] ?? '';
    expect(csp, path).toContain("default-src 'self'");
    expect(csp, path).toContain("script-src 'self'");
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).not.toContain('unsafe-inline');
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    expect(headers['x-frame-options'], path).toBe('DENY');
  }
});

test('no Content Security Policy violation on the dashboard, the visit form and a partner page', async ({ page, baseURL }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(`${page.url()}: ${message.text()}`);
  });
  // Chromium logs a refused load or eval itself; the event catches anything else it blocks.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  await openPage(page, '/sign-in');
  await page.getByLabel('Alamat email').fill(rina.email);
  await page.getByLabel('Kata sandi').fill(e2ePassword());
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dasbor' })).toBeVisible();

  // The dashboard's charts load after the page: wait for one to be drawn.
  await openPage(page, '/');
  await expect(page.getByRole('heading', { name: 'Tindak lanjut per sektor dan status' })).toBeVisible();
  await expect(page.locator('.recharts-surface').first()).toBeVisible();
  await openPage(page, '/meetings/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Catat kunjungan' })).toBeVisible();
  await page.getByRole('button', { name: 'Simpan kunjungan' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Ada masalah' })).toBeFocused();
  await openPage(page, '/partners/pts-tangerang-binzhou');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Kota Binzhou');
  expect(page.url().startsWith(baseURL ?? '')).toBe(true);
  expect(violations).toEqual([]);
});
