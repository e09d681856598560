import { axeViolations, DEMO, expect, openPage, test } from './fixtures';

test('a user finds the Binzhou visit with every reported fact, then reads it in English', { tag: DEMO }, async ({ page }) => {
  await openPage(page, '/');
  await expect(page.getByRole('heading', { level: 1, name: 'Dasbor' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Pertemuan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pertemuan' })).toBeVisible();
  await page.getByRole('link', { name: 'Kunjungan resmi delegasi Kota Binzhou' }).click();

  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('Kunjungan resmi delegasi Kota Binzhou');
  await expect(page).toHaveTitle('Kunjungan resmi delegasi Kota Binzhou — Mitra');
  for (const fact of [
    'Senin, 22 September 2025',
    'Ruang Rapat Wareng, Gedung Kantor Bupati Tangerang',
    'Intan Nurul Hikmah, Wakil Bupati Tangerang',
    'Qu Yuekuan, Deputy Mayor of Binzhou',
    'Indonesia–China Business Council (ICBC)',
    'Pariwisata',
    'Ekonomi kreatif',
    'UMKM',
    'Pendidikan dan pertukaran pelajar',
    'Peningkatan kapasitas pemuda',
    'forum teknis',
    'agenda bersama',
    'Penguatan ekonomi daerah',
    'Peningkatan daya saing global',
    'Perluasan jejaring investasi internasional',
    'TANGERANGPEDIA',
    'Selasa (22/09/25)',
    'Sumber menyebut hari Selasa, tetapi 22 September 2025 jatuh pada hari Senin',
  ]) {
    await expect(main.getByText(fact, { exact: false }).first()).toBeVisible();
  }
  await expect(main.getByRole('link', { name: 'Kota Binzhou', exact: true })).toBeVisible();
  const followUps = main.getByRole('region', { name: /Tindak lanjut dari pertemuan ini/ }).getByRole('row');
  await expect(followUps).toHaveCount(7); // header + six follow-ups

  await page.getByLabel('Bahasa').selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(main.getByText('Monday 22 September 2025').or(main.getByText('Monday, 22 September 2025'))).toBeVisible();
  await expect(main.getByText('The source says Tuesday, but 22 September 2025 was a Monday')).toBeVisible();
  await expect(main.getByText('Education and student exchange').first()).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();

  // The choice of language survives a reload.
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Summary' })).toBeVisible();
});

test('the partner page names Kabupaten Tangerang’s partner Kota Binzhou (滨州市) and its visit', { tag: DEMO }, async ({ page }) => {
  await openPage(page, '/partners');
  await page.getByRole('link', { name: 'Kota Binzhou' }).click();
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1 })).toContainText('Kota Binzhou');
  await expect(main.getByRole('heading', { level: 1 })).toContainText('滨州市');
  await expect(main.getByText('Shandong')).toBeVisible();
  await expect(main.getByText('Industri manufaktur, Perikanan, Pertanian')).toBeVisible();
  await expect(main.getByRole('link', { name: 'Kunjungan resmi delegasi Kota Binzhou' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

test('the shell works by keyboard: skip link, navigation, language', { tag: DEMO }, async ({ page }) => {
  await openPage(page, '/');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Langsung ke isi utama' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();

  // Tab to the "Tindak lanjut" navigation link and follow it with Enter.
  const target = page.getByRole('navigation').getByRole('link', { name: 'Tindak lanjut' });
  await target.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Tindak lanjut' })).toBeVisible();
  await expect(page.locator('#main')).toBeFocused();

  await page.getByLabel('Bahasa').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Follow-ups' })).toBeVisible();
});

test('a change survives a reload, and "restore demo data" brings the seed back', { tag: DEMO }, async ({ page, asUser, serverMode }) => {
  // Dewi owns this follow-up: officers change only their own (the API refuses anyone else's).
  await asUser('usr-dewi');
  await openPage(page, '/follow-ups');
  const status = await page.evaluate(async () => {
    const headers = { 'content-type': 'application/json', 'x-mitra-user': 'usr-dewi', 'if-match': '"1"' };
    const response = await fetch('/api/follow-ups/fu-binzhou-msme', {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ status: 'in-progress', comment: 'Mulai dipetakan' }),
    });
    return response.status;
  });
  expect(status).toBe(200);
  await page.reload();
  await page.getByRole('combobox', { name: 'Status', exact: true }).selectOption('in-progress');
  await expect(page.getByRole('row', { name: /Memetakan kecocokan UMKM/ })).toBeVisible();

  test.skip(serverMode, '"Pulihkan data demo" (restore demo data) is demo-only: it reseeds the in-browser database');
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Pulihkan data demo' }).click();
  await expect(page.getByText('Data demo telah dipulihkan.')).toBeVisible();
  await expect(page.getByRole('row', { name: /Memetakan kecocokan UMKM/ })).toHaveCount(0);
});

test('the Binzhou meeting page prints as a one-page brief', { tag: DEMO }, async ({ page }) => {
  await openPage(page, '/meetings/mtg-binzhou-visit-2025-09-22');
  await expect(page.getByRole('region', { name: /Tindak lanjut dari pertemuan ini/ }).getByRole('row')).toHaveCount(7);
  const pdf = (await page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1');
  const pages = pdf.match(/\/Type\s*\/Page\b(?!s)/g) ?? [];
  expect(pages).toHaveLength(1);
});
