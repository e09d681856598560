import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, openPage, test } from './fixtures';

/**
 * Every state readable: links hovered and focused (keyboard) in the header, the navigation and
 * a table row keep WCAG contrast. axe checks each state as it is on screen, and the contrast of
 * the text against the background behind it is computed here too (axe cannot see :visited, and
 * neither can this: browsers hide visited styles from scripts).
 */

/** axe's WCAG 2.1 A/AA rules on one part of the page, as it looks now. */
async function axeViolations(page: Page, selector: string) {
  const results = await new AxeBuilder({ page })
    .include(selector)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}

/** The contrast of an element's text against the first opaque background behind it (WCAG 2.x). */
async function textContrast(locator: Locator): Promise<{ color: string; background: string; ratio: number }> {
  return locator.evaluate((element) => {
    const parse = (value: string) => {
      const parts = value.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0, 0];
      return { rgb: parts.slice(0, 3), alpha: parts.length > 3 ? parts[3]! : 1 };
    };
    const luminance = ([r, g, b]: number[]) =>
      [r!, g!, b!]
        .map((c) => c / 255)
        .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
        .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i]!, 0);
    let node: Element | null = element;
    let background = 'rgb(255, 255, 255)';
    while (node) {
      const value = getComputedStyle(node).backgroundColor;
      if (parse(value).alpha === 1) {
        background = value;
        break;
      }
      node = node.parentElement;
    }
    const color = getComputedStyle(element).color;
    const [a, b] = [luminance(parse(color).rgb), luminance(parse(background).rgb)].sort((x, y) => y - x);
    return { color, background, ratio: Math.round(((a! + 0.05) / (b! + 0.05)) * 100) / 100 };
  });
}

/** Focus as a keyboard user does (a Tab first, so the browser shows :focus-visible). */
async function keyboardFocus(page: Page, locator: Locator): Promise<void> {
  await page.mouse.move(0, 0);
  await page.keyboard.press('Tab');
  await locator.focus();
  expect(await locator.evaluate((el) => el.matches(':focus-visible'))).toBe(true);
}

async function expectContrast(locator: Locator, state: string, minimum = 4.5): Promise<void> {
  const contrast = await textContrast(locator);
  expect(contrast.ratio, `${state}: ${contrast.color} on ${contrast.background}`).toBeGreaterThanOrEqual(minimum);
}

// axe takes seconds per run on a busy machine: each state group gets its runs, the rest is computed.
test.describe.configure({ timeout: 120_000 });

test.describe('hover and focus states', () => {
  test('the header: the Mitra name hovered keeps its white on the dark header, focused is dark on yellow', async ({ page, asUser }) => {
    await asUser('usr-rina');
    await openPage(page, '/follow-ups');
    const name = page.locator('.header__name');

    await name.hover();
    expect(await name.evaluate((el) => el.matches(':hover'))).toBe(true);
    const hovered = await textContrast(name);
    expect(hovered.color).toBe('rgb(255, 255, 255)');
    expect(hovered.ratio, `${hovered.color} on ${hovered.background}`).toBeGreaterThanOrEqual(4.5);
    expect(await axeViolations(page, '.header'), 'the name hovered').toEqual([]);

    await keyboardFocus(page, name);
    await expectContrast(name, 'the name focused');
    expect(await axeViolations(page, '.header'), 'the name focused').toEqual([]);
    // Focused and hovered at once.
    await name.hover();
    await expectContrast(name, 'the name focused and hovered');
  });

  test('the navigation: every link of the header hovered and focused', async ({ page, asUser }) => {
    await asUser('usr-rina');
    await openPage(page, '/meetings');
    const links = page.locator('.header a');
    const count = await links.count();
    expect(count).toBeGreaterThanOrEqual(5);
    for (let i = 0; i < count; i += 1) {
      const link = links.nth(i);
      const label = (await link.textContent())?.trim() ?? `link ${i}`;
      await link.hover();
      await expectContrast(link, `${label} hovered`);
      await keyboardFocus(page, link);
      await expectContrast(link, `${label} focused`);
      await link.hover();
      await expectContrast(link, `${label} focused and hovered`);
    }
    // axe on the navigation with a link hovered (the current page's), then with one focused.
    const current = page.locator('.nav__link[aria-current="page"]');
    await page.mouse.move(0, 0);
    await page.locator('main h1').first().focus();
    await current.hover();
    expect(await axeViolations(page, '.nav'), 'a nav link hovered').toEqual([]);
    await keyboardFocus(page, page.locator('.nav__link').first());
    expect(await axeViolations(page, '.nav'), 'a nav link focused').toEqual([]);
  });

  test('a table row: its link hovered and focused, in a table and in the follow-ups list', async ({ page, asUser }) => {
    await asUser('usr-rina');
    await openPage(page, '/meetings');
    const cell = page.locator('main table tbody tr').first().locator('a').first();
    await cell.hover();
    await expectContrast(cell, 'a meeting row link hovered');
    expect(await axeViolations(page, 'main table tbody tr:first-child'), 'a meeting row link hovered').toEqual([]);
    await keyboardFocus(page, cell);
    await expectContrast(cell, 'a meeting row link focused');
    expect(await axeViolations(page, 'main table tbody tr:first-child'), 'a meeting row link focused').toEqual([]);

    await openPage(page, '/follow-ups');
    const row = page.locator('.fu-body [role="row"]').first();
    const link = row.locator('a').first();
    await link.hover();
    await expectContrast(link, 'a follow-up row link hovered');
    await keyboardFocus(page, link);
    await expectContrast(link, 'a follow-up row link focused');
    // A selected row has a tinted background: its link stays readable there too.
    await row.getByRole('checkbox').check();
    await link.hover();
    await expectContrast(link, 'a selected follow-up row link hovered');
  });

  test('links styled as buttons keep their colours hovered and focused', async ({ page, asUser }) => {
    await asUser('usr-rina');
    await openPage(page, '/meetings');
    const start = page.locator('main a.button').first();
    await start.hover();
    await expectContrast(start, 'the start button hovered');
    await keyboardFocus(page, start);
    await expectContrast(start, 'the start button focused');
  });

  test('pressed (:active): the header name, a nav link, a table row link and a page button keep their contrast', async ({ page, asUser }) => {
    await asUser('usr-rina');
    await openPage(page, '/meetings');
    const targets: Array<[string, Locator, string]> = [
      ['the Mitra name', page.locator('.header__name'), '.header'],
      ['a nav link', page.locator('.nav__link:not([aria-current="page"])').first(), '.nav'],
      ['a meeting row link', page.locator('main table tbody tr').first().locator('a').first(), 'main table tbody tr:first-child'],
      ['a link styled as a button', page.locator('main a.button').first(), 'main'],
    ];
    for (const [label, target, scope] of targets) {
      // Pressed and held, then let go on the spot with the click cancelled: nothing is followed.
      await target.evaluate((el) => el.addEventListener('click', (event) => event.preventDefault(), { once: true, capture: true }));
      await target.hover();
      await page.mouse.down();
      expect(await target.evaluate((el) => el.matches(':active')), label).toBe(true);
      await expectContrast(target, `${label} pressed`);
      expect(await axeViolations(page, scope), `${label} pressed`).toEqual([]);
      await page.mouse.up();
    }
    await expect(page).toHaveURL(/\/meetings$/);
  });
});
