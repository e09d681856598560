import { axeViolations, expect, openPage, test } from './fixtures';

const PAGES = [
  '/',
  '/follow-ups',
  '/meetings',
  '/meetings/mtg-binzhou-visit-2025-09-22',
  '/meetings/mtg-binzhou-visit-2025-09-22/edit',
  '/meetings?year=2025&kind=inbound-visit',
  '/follow-ups/fu-binzhou-youth',
  '/partners',
  '/partners/pts-tangerang-binzhou',
  '/meetings/no-such-meeting',
  '/no-such-page',
];

// axe reads the whole page's accessibility tree: seconds of work each on a busy 2-core machine.
test.describe.configure({ timeout: 60_000 });

for (const locale of ['id', 'en'] as const) {
  for (const path of PAGES) {
    test(`${path} passes axe with no violations (${locale})`, async ({ page, asUser }) => {
      await asUser('usr-rina', locale);
      await openPage(page, path);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      expect(await axeViolations(page)).toEqual([]);
    });
  }
}

test('pages stay readable at 320 px without sideways scrolling of the page', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 720 });
  for (const path of ['/', '/follow-ups', '/meetings', '/meetings/new', '/meetings/mtg-binzhou-visit-2025-09-22', '/follow-ups/fu-binzhou-youth', '/partners']) {
    await openPage(page, path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect({ path, overflow }).toEqual({ path, overflow: 0 });
  }
});
