import type { Page } from '@playwright/test';
import { axeViolations, expect, openPage, signInAs, test } from './fixtures';
import { Keyboard } from './keyboard';

/**
 * Demo: picks a demo user with the switch at the top, by keyboard, as a user would. Server: the
 * switch is not there; the browser signs in as that user and the page reloads.
 */
async function switchUser(page: Page, kb: Keyboard, user: { id: string; name: string }, server: { baseURL: string } | undefined) {
  if (server) {
    await signInAs(page, server.baseURL, user.id);
    await page.reload();
    await expect(page.locator('main h1').first()).toBeVisible();
    await expect(page.getByRole('banner').getByText(new RegExp(`^${user.name} \\(`))).toBeVisible();
  } else {
    await kb.choose(page.getByLabel(/Pengguna demo|Demo user/), user.name);
  }
  // The switch refetches everything for the new user.
  await expect(page.getByRole('status').filter({ hasText: /Memuat|Loading/ })).toHaveCount(0);
}

test('an admin adds an organisation and a person, then edits the person, by keyboard only', async ({ page, serverMode, baseURL }) => {
  test.setTimeout(90_000);
  const kb = new Keyboard(page);
  await openPage(page, '/');
  await switchUser(page, kb, { id: 'usr-sari', name: 'Sari Puspita' }, serverMode ? { baseURL: baseURL ?? '' } : undefined);
  await kb.tabTo(page.getByRole('link', { name: 'Data rujukan' }));
  await kb.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Data rujukan' })).toBeVisible();

  // --- An organisation, with a first attempt that is refused. ---------------------------------
  await kb.tabTo(page.getByRole('link', { name: 'Tambah organisasi' }));
  await kb.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Tambah organisasi' })).toBeVisible();
  const form = page.locator('form');
  await expect(form.getByLabel('Nama organisasi')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  await kb.fill(form.getByLabel(/^Situs web/), 'bcic.example.org');
  await kb.tabTo(form.getByRole('button', { name: 'Simpan' }));
  await kb.press('Enter');
  const summary = page.getByRole('alert', { name: 'Ada masalah' });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText([
    'Nama organisasi: Isian ini wajib diisi.',
    'Jenis organisasi: Pilih salah satu pilihan yang tersedia.',
    'Situs web: Masukkan alamat web yang diawali http:// atau https://.',
  ]);
  await expect(page).toHaveTitle('Galat: Tambah organisasi — Mitra');
  expect(await axeViolations(page)).toEqual([]);

  // From the summary to the field, by keyboard.
  await kb.tabTo(summary.getByRole('link', { name: /^Nama organisasi/ }));
  await kb.press('Enter');
  await expect(form.getByLabel('Nama organisasi')).toBeFocused();
  await kb.type('Binzhou Chamber of International Commerce');
  await kb.fill(form.getByLabel(/^Singkatan/), 'BCIC');
  await kb.choose(form.getByLabel('Jenis organisasi'), 'Kamar dagang');
  await kb.fill(form.getByLabel(/^Negara/), 'cn');
  await kb.fill(form.getByLabel(/^Kota/), 'Binzhou');
  await kb.tabTo(form.getByLabel(/^Situs web/));
  await kb.press('Control+A');
  await kb.type('https://bcic.example.org');
  await kb.tabTo(form.getByRole('button', { name: 'Simpan' }));
  await kb.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Organisasi Binzhou Chamber of International Commerce tersimpan.' })).toBeVisible();
  await expect(page).toHaveURL(/\/reference$/);
  await expect(page.getByRole('table', { name: 'Organisasi' }).getByRole('rowheader', { name: 'Binzhou Chamber of International Commerce' })).toBeVisible();

  // --- A person of that organisation and of Kota Binzhou. -------------------------------------
  await kb.tabTo(page.getByRole('link', { name: 'Tambah orang' }));
  await kb.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Tambah orang' })).toBeVisible();
  await kb.fill(form.getByLabel('Nama', { exact: true }), 'Liu Yang');
  await kb.fill(form.getByLabel(/^Jabatan/), 'Secretary-General');
  await kb.choose(form.getByLabel(/^Daerah/), 'Kota Binzhou');
  await kb.choose(form.getByLabel(/^Organisasi/), 'Binzhou Chamber');
  await kb.tabTo(form.getByRole('button', { name: 'Simpan' }));
  await kb.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Data Liu Yang tersimpan.' })).toBeVisible();
  const people = page.getByRole('table', { name: 'Orang / Kontak' });
  const row = people.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Liu Yang' }) });
  await expect(row).toContainText('Secretary-General');
  await expect(row).toContainText('Kota Binzhou · Binzhou Chamber of International Commerce (BCIC)');

  // --- Edit the person. -------------------------------------------------------------------------
  await kb.tabTo(row.getByRole('link', { name: 'Ubah Liu Yang' }));
  await kb.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Ubah data orang' })).toBeVisible();
  await expect(form.getByLabel(/^Jabatan/)).toHaveValue('Secretary-General');
  await kb.tabTo(form.getByLabel(/^Jabatan/));
  await kb.press('Control+A');
  await kb.type('Secretary-General, BCIC');
  await kb.tabTo(form.getByRole('button', { name: 'Simpan perubahan' }));
  await kb.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Data Liu Yang tersimpan.' })).toBeVisible();
  await expect(row).toContainText('Secretary-General, BCIC');
});

test('the reference forms pass axe with and without errors in English, and read at 320 px', async ({ page, asUser }) => {
  test.setTimeout(90_000);
  await asUser('usr-sari', 'en');
  await openPage(page, '/reference');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Reference data' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Partner regions' }).getByText('滨州市')).toHaveAttribute('lang', 'zh-Hans');
  expect(await axeViolations(page)).toEqual([]);

  for (const [path, heading] of [
    ['/regions/new', 'Add a partner region'],
    ['/partners/new', 'Add a partnership'],
    ['/people/per-qu-yuekuan/edit', 'Edit person'],
  ] as const) {
    await openPage(page, path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Save/ })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    if (path === '/regions/new' || path === '/partners/new') {
      await page.getByRole('button', { name: 'Save' }).click();
      await expect(page.getByRole('alert', { name: 'There is a problem' })).toBeFocused();
      await expect(page).toHaveTitle(`Error: ${heading} — Mitra`);
      expect(await axeViolations(page)).toEqual([]);
    }
  }

  await page.setViewportSize({ width: 320, height: 720 });
  for (const path of ['/reference', '/regions/new', '/partners/new']) {
    await openPage(page, path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect({ path, overflow }).toEqual({ path, overflow: 0 });
  }
});
