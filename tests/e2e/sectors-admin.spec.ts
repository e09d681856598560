import { axeViolations, expect, openPage, secondLocale, test } from './fixtures';

/** Issue 15 item 5: a sector added by an administrator is offered in the visit form at once. */
const TEXT = {
  id: {
    nav: 'Sektor',
    heading: 'Sektor',
    addForm: 'Tambah sektor',
    code: 'Kode',
    nameId: 'Nama dalam Bahasa Indonesia',
    nameEn: 'Nama dalam bahasa Inggris',
    color: 'Warna',
    add: 'Tambah sektor',
    lowContrast: /Warna: Warna ini terlalu terang/,
    added: /Sektor Ekonomi biru ditambahkan/,
    logVisit: '/meetings/new',
    sectors: 'Sektor yang dibahas',
    label: 'Ekonomi biru',
  },
  en: {
    nav: 'Sectors',
    heading: 'Sectors',
    addForm: 'Add a sector',
    code: 'Code',
    nameId: 'Name in Indonesian',
    nameEn: 'Name in English',
    color: 'Colour',
    add: 'Add sector',
    lowContrast: /Colour: This colour is too light/,
    added: /Sector Blue economy added/,
    logVisit: '/meetings/new',
    sectors: 'Sectors discussed',
    label: 'Blue economy',
  },
} as const;

for (const locale of ['id', 'en'] as const) {
  const text = TEXT[locale];
  test(`an administrator adds a sector and the visit form offers it at once (${locale})`, { tag: secondLocale(locale) }, async ({ page, asUser }) => {
    test.setTimeout(90_000);
    await asUser('usr-sari', locale);
    // Straight to the page (the dashboard's charts are not what this checks); the nav links it.
    await openPage(page, '/admin/sectors');
    await expect(page.getByRole('heading', { level: 1, name: text.heading })).toBeVisible();
    await expect(page.getByRole('navigation').getByRole('link', { name: text.nav, exact: true })).toHaveAttribute('href', '/admin/sectors');
    await expect(page.getByRole('table')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    const form = page.getByRole('form', { name: text.addForm });
    await form.getByRole('textbox', { name: text.code }).fill('blue-economy');
    await form.getByRole('textbox', { name: text.nameId }).fill('Ekonomi biru');
    await form.getByRole('textbox', { name: text.nameEn }).fill('Blue economy');
    // Too light for the white chart background first: refused, said in the summary.
    await form.getByRole('textbox', { name: text.color }).fill('#7fdbff');
    await form.getByRole('button', { name: text.add }).click();
    await expect(form.getByRole('alert').getByRole('link', { name: text.lowContrast })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    await form.getByRole('textbox', { name: text.color }).fill('#005f73');
    await form.getByRole('button', { name: text.add }).click();
    await expect(page.getByText(text.added)).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(`Ekonomi biru`) })).toBeVisible();

    // Within the app (no reload, the same query cache): the visit form's sector list has it.
    await page.evaluate((path) => {
      window.history.pushState({}, '', path);
      window.dispatchEvent(new PopStateEvent('popstate'));
    }, text.logVisit);
    const sectors = page.getByRole('group', { name: text.sectors });
    await expect(sectors.getByRole('checkbox', { name: text.label })).toBeVisible({ timeout: 15_000 });
    expect(await axeViolations(page)).toEqual([]);
  });
}
