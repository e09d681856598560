import type { Page } from '@playwright/test';
import { expect, openPage, signInAs, test, type Locale } from './fixtures';

/**
 * Issue 15, item 1: many home governments in one deployment. The demo data holds two: the Regency
 * (Kabupaten Tangerang) and the illustrative City (Kota Tangerang), each with its own records. The
 * administrator gives Rina the City too (on the users page); Rina logs a visit for the City's
 * partnership; it is listed only when the header names that government (or every government), and
 * a user of the Regency only never sees it, in the list or by its address. Runs in both projects:
 * the demo (its API in the page: users switched with the demo-user switch) and the server (signed in).
 */
const COPY = {
  id: {
    government: 'Pemerintah',
    all: 'Semua pemerintah',
    regency: 'Kabupaten Tangerang',
    city: 'Kota Tangerang',
    changeRina: 'Ubah pemerintah Rina Wulandari',
    saveGovernments: 'Simpan pemerintah',
    partnership: 'Kemitraan',
    virtual: 'Pertemuan daring',
    title: 'Judul',
    date: 'Tanggal pertemuan',
    day: 'Tanggal',
    month: 'Bulan',
    year: 'Tahun',
    save: 'Simpan kunjungan',
    saved: 'Kunjungan tersimpan.',
    notFound: /tidak ditemukan/,
    partner: 'Kota Kitakyushu (Ilustratif)',
  },
  en: {
    government: 'Government',
    all: 'All governments',
    regency: 'Tangerang Regency',
    city: 'Tangerang City',
    changeRina: 'Change the governments of Rina Wulandari',
    saveGovernments: 'Save governments',
    partnership: 'Partnership',
    virtual: 'Virtual meeting',
    title: 'Title',
    date: 'Date of the meeting',
    day: 'Day',
    month: 'Month',
    year: 'Year',
    save: 'Save the visit',
    saved: 'The visit is saved.',
    notFound: /not found/,
    partner: 'Kitakyushu City (Illustrative)',
  },
} as const;

const ADMIN = 'usr-sari';
const TWO_GOVERNMENT_USER = 'usr-rina';
const FIRST_GOVERNMENT_USER = 'usr-budi';

/** Demo: the demo-user switch in the header; server: signs in as that user and reloads. */
async function becomeUser(page: Page, userId: string, server: { baseURL: string } | undefined): Promise<void> {
  if (server) {
    await signInAs(page, server.baseURL, userId);
    await page.reload();
  } else {
    await page.getByRole('banner').getByRole('combobox', { name: /Pengguna demo|Demo user/ }).selectOption(userId);
  }
  await expect(page.getByRole('status').filter({ hasText: /Memuat|Loading/ })).toHaveCount(0);
}

for (const locale of ['id', 'en'] as const satisfies readonly Locale[]) {
  test(`a visit for the second government is seen only under it, never by the first government's user (${locale})`, async ({
    page,
    asUser,
    serverMode,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const copy = COPY[locale];
    const server = serverMode ? { baseURL: baseURL ?? '' } : undefined;
    const title = `Rapat daring pengelolaan sampah (${locale})`;

    // The administrator sees both governments in the header, and gives Rina the City too.
    await asUser(ADMIN, locale);
    await openPage(page, '/admin/users');
    const adminSwitch = page.getByRole('banner').getByRole('combobox', { name: copy.government });
    await expect(adminSwitch.locator('option')).toHaveText([copy.all, copy.regency, copy.city]);
    const row = page.getByRole('row', { name: /^Rina Wulandari/ });
    await row.getByText(copy.changeRina).click();
    await row.getByRole('checkbox', { name: copy.city }).check();
    await row.getByRole('button', { name: copy.saveGovernments }).click();
    await expect(row.getByRole('cell').filter({ hasText: `${copy.regency}, ${copy.city}` })).toBeVisible();

    // Rina (staff, who may log visits), now working for both governments, picks the City in the header and logs the visit.
    await becomeUser(page, TWO_GOVERNMENT_USER, server);
    await openPage(page, '/meetings/new');
    const switcher = page.getByRole('banner').getByRole('combobox', { name: copy.government });
    await expect(switcher).toHaveValue('');
    await expect(switcher.locator('option:checked')).toHaveText(copy.all);
    const form = page.locator('form.visit-form');
    const partnership = form.getByRole('combobox', { name: copy.partnership, exact: true });
    // Both governments have a partnership with Kitakyushu: under every government, two; under the City, its own.
    await expect(partnership.locator('option', { hasText: copy.partner })).toHaveCount(2);
    await switcher.selectOption({ label: copy.city });
    await expect(partnership.locator('option', { hasText: copy.partner })).toHaveCount(1);
    await partnership.selectOption({ label: copy.partner });
    await form.getByRole('radio', { name: copy.virtual }).check();
    await form.getByLabel(copy.title, { exact: true }).fill(title);
    const date = form.getByRole('group', { name: copy.date });
    await date.getByLabel(copy.day).fill('2');
    await date.getByLabel(copy.month).fill('6');
    await date.getByLabel(copy.year).fill('2025');
    await form.getByRole('button', { name: copy.save }).click();
    await expect(page.getByText(copy.saved)).toBeVisible();
    await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText(title);
    const meetingPath = new URL(page.url()).pathname;
    expect(meetingPath).toMatch(/^\/meetings\/[^/]+$/);

    // Listed under the City and under every government, not under the Regency.
    await openPage(page, '/meetings');
    await expect(page.getByRole('link', { name: title })).toBeVisible();
    await page.getByRole('banner').getByRole('combobox', { name: copy.government }).selectOption({ label: copy.regency });
    await expect(page.getByRole('status').filter({ hasText: /Memuat|Loading/ })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Kunjungan resmi delegasi Kota Binzhou' }).first()).toBeVisible();
    await expect(page.getByRole('link', { name: title })).toHaveCount(0);
    await page.getByRole('banner').getByRole('combobox', { name: copy.government }).selectOption({ label: copy.all });
    await expect(page.getByRole('link', { name: title })).toBeVisible();

    // Budi works for the Regency only: not in his list, and its address is not found.
    await becomeUser(page, FIRST_GOVERNMENT_USER, server);
    await openPage(page, '/meetings');
    await expect(page.getByRole('link', { name: 'Kunjungan resmi delegasi Kota Binzhou' }).first()).toBeVisible();
    await expect(page.getByRole('link', { name: title })).toHaveCount(0);
    await expect(page.getByRole('banner').getByRole('combobox', { name: copy.government })).toHaveCount(0);
    await expect(page.getByRole('banner').locator('.header__government')).toHaveText(copy.regency);
    await page.goto(meetingPath);
    await expect(page.getByRole('main').getByText(copy.notFound).first()).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole('main').getByText(title)).toHaveCount(0);
    if (server) expect((await page.request.get(`/api${meetingPath}`)).status()).toBe(404);
  });
}
