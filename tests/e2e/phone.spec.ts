import type { Page } from '@playwright/test';
import { axeViolations, expect, openPage, test, type Locale } from './fixtures';

/**
 * A phone (390 × 844): the header and navigation take at most 15% of the screen, the language and
 * the account fold behind a menu button, the follow-ups list's first row shows on the first
 * screen with its filters folded behind a "Filter (n)" button, and nothing moves while a page
 * loads. Desktop keeps its one-row header.
 */

const PHONE = { width: 390, height: 844 };
const TEXT = {
  id: { menu: 'Menu', language: 'Bahasa', filter: 'Saring', filterActive: (n: number) => `Saring (${n} aktif)`, status: 'Status' },
  en: { menu: 'Menu', language: 'Language', filter: 'Filter', filterActive: (n: number) => `Filter (${n} active)`, status: 'Status' },
} as const;

/** The home governments of the demo data (issue 15), as the phone menu names them. */
const GOVERNMENT = {
  id: { label: 'Pemerintah', all: 'Semua pemerintah', regency: 'Kabupaten Tangerang', city: 'Kota Tangerang' },
  en: { label: 'Government', all: 'All governments', regency: 'Tangerang Regency', city: 'Tangerang City' },
} as const;

/** The layout shifts of the page so far (not those right after an input), summed as CLS counts them. */
async function layoutShift(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let sum = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) {
            if (!entry.hadRecentInput) sum += entry.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(sum), 300);
      }),
  );
}

test.describe.configure({ timeout: 90_000 });

for (const locale of ['id', 'en'] as const satisfies Locale[]) {
  const text = TEXT[locale];

  test.describe(`on a phone (${locale})`, () => {
    test.use({ viewport: PHONE });

    test('the header and navigation take at most 15% of the screen; the menu shows the language', async ({ page, asUser }) => {
      await asUser('usr-rina', locale);
      await openPage(page, '/');
      const header = await page.locator('header.header').boundingBox();
      expect(header!.y + header!.height).toBeLessThanOrEqual(PHONE.height * 0.15);

      // Touch targets of 44 px: the menu button and every navigation link.
      const menu = page.getByRole('button', { name: text.menu });
      expect((await menu.boundingBox())!.height).toBeGreaterThanOrEqual(44);
      for (const link of await page.locator('.nav__link').all()) expect((await link.boundingBox())!.height).toBeGreaterThanOrEqual(44);

      const language = page.getByRole('combobox', { name: text.language });
      await expect(menu).toHaveAttribute('aria-expanded', 'false');
      await expect(language).toBeHidden();
      await menu.click();
      await expect(menu).toHaveAttribute('aria-expanded', 'true');
      await expect(language).toBeVisible();
      // Inputs of 16 px or more: no zoom on focus.
      expect(await language.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(16);
      expect(await axeViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await expect(menu).toHaveAttribute('aria-expanded', 'false');
      await expect(menu).toBeFocused();
      await expect(language).toBeHidden();
    });

    test("the menu names the user's home government, or switches between an administrator's; the header stays one row", async ({ page, asUser }) => {
      const copy = GOVERNMENT[locale];
      await asUser('usr-rina', locale);
      await openPage(page, '/');
      const menu = page.getByRole('button', { name: text.menu });
      const banner = page.getByRole('banner');
      // Not in the header's row on a phone: only in the menu, once it is open.
      await expect(banner.locator('.header__government')).toBeHidden();
      await menu.click();
      await expect(banner.locator('.menu-government')).toBeVisible();
      await expect(banner.locator('.menu-government')).toHaveText(`${copy.label} ${copy.regency}`);
      await page.keyboard.press('Escape');

      await asUser('usr-sari', locale);
      await openPage(page, '/');
      const header = (await page.locator('header.header').boundingBox())!;
      expect(header.y + header.height).toBeLessThanOrEqual(PHONE.height * 0.15);
      const government = banner.getByRole('combobox', { name: copy.label });
      await expect(government).toBeHidden();
      // By keyboard: the menu button, then the government's select inside the menu.
      await menu.focus();
      await page.keyboard.press('Enter');
      await expect(menu).toHaveAttribute('aria-expanded', 'true');
      await expect(government).toBeVisible();
      await expect(government.locator('option')).toHaveText([copy.all, copy.regency, copy.city]);
      expect((await government.boundingBox())!.height).toBeGreaterThanOrEqual(44);
      expect(await government.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(16);
      expect(await axeViolations(page)).toEqual([]);
      await government.focus();
      await government.selectOption({ label: copy.city });
      await expect(government).toHaveValue('reg-kota-tangerang');
      await expect(page.getByRole('status').filter({ hasText: /Memuat|Loading/ })).toHaveCount(0);
      // Still one header row once the choice is made and the page read again.
      await page.keyboard.press('Escape');
      await expect(menu).toBeFocused();
      const after = (await page.locator('header.header').boundingBox())!;
      expect(after.y + after.height).toBeLessThanOrEqual(PHONE.height * 0.15);
    });

    test('follow-ups: the first row on the first screen, the filters behind a button that counts them', async ({ page, asUser }) => {
      await asUser('usr-rina', locale);
      await openPage(page, '/follow-ups');
      const firstRow = page.locator('.fu-body [role="row"]').first();
      await expect(firstRow).toBeVisible();
      const row = (await firstRow.boundingBox())!;
      expect(row.y + Math.min(row.height, 40)).toBeLessThanOrEqual(PHONE.height);
      expect(await page.evaluate(() => window.scrollY)).toBe(0);

      const toggle = page.getByRole('button', { name: text.filter, exact: true });
      const status = page.getByRole('combobox', { name: text.status, exact: true });
      await expect(toggle).toHaveAttribute('aria-expanded', 'false');
      await expect(status).toBeHidden();
      await toggle.click();
      await expect(toggle).toHaveAttribute('aria-expanded', 'true');
      await expect(status).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);

      // Two filters from an address: the button says so, folded.
      await openPage(page, '/follow-ups?status=open&due=overdue');
      await expect(page.getByRole('button', { name: text.filterActive(2) })).toHaveAttribute('aria-expanded', 'false');
    });

    test('nothing moves while the dashboard and the follow-ups load (layout shift ≤ 0.02)', async ({ page, asUser }) => {
      await asUser('usr-rina', locale);
      for (const path of ['/', '/follow-ups']) {
        await openPage(page, path);
        expect(await layoutShift(page), path).toBeLessThanOrEqual(0.02);
      }
    });
  });
}

test.describe('on a desktop', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('one header row with the language and the account, no menu button, nothing moves while pages load', async ({ page, asUser }) => {
    await asUser('usr-rina');
    for (const path of ['/', '/follow-ups']) {
      await openPage(page, path);
      await expect(page.getByRole('button', { name: 'Menu' })).toBeHidden();
      await expect(page.getByRole('combobox', { name: 'Bahasa' })).toBeVisible();
      const header = (await page.locator('header.header').boundingBox())!;
      expect(header.height, path).toBeLessThanOrEqual(120);
      expect(await layoutShift(page), path).toBeLessThanOrEqual(0.02);
    }
  });
});
