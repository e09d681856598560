import { axeViolations, DEMO, expect, openPage, test } from './fixtures';

test('two people edit the same meeting: the second sees both versions, chooses, and nothing is lost', { tag: DEMO }, async ({ page }) => {
  await openPage(page, '/meetings/mtg-binzhou-visit-2025-09-22');
  await page.getByRole('link', { name: 'Ubah pertemuan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ubah pertemuan' })).toBeVisible();
  const form = page.locator('form.visit-form');
  await form.getByLabel('Tempat').fill('Ruang Rapat Wareng (lantai 2)');
  await form.getByLabel('Ringkasan').fill('Ringkasan versi saya.');

  // Meanwhile someone with the same role (a colleague, or the same person in another tab) saves
  // another place and a new time. Only staff edit meetings.
  const status = await page.evaluate(async () => {
    const response = await fetch('/api/meetings/mtg-binzhou-visit-2025-09-22', {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', 'x-mitra-user': 'usr-rina', 'if-match': '"1"' },
      body: JSON.stringify({ place: 'Pendopo Bupati Tangerang', time: '10:00' }),
    });
    return response.status;
  });
  expect(status).toBe(200);

  await form.getByRole('button', { name: 'Simpan perubahan' }).click();
  const conflict = page.getByRole('alert').filter({ hasText: 'Orang lain mengubah pertemuan ini' });
  await expect(conflict).toBeVisible();
  await expect(conflict.getByText('Ruang Rapat Wareng (lantai 2)')).toBeVisible();
  await expect(conflict.getByText('Pendopo Bupati Tangerang')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await conflict.getByRole('radio', { name: /Ruang Rapat Wareng \(lantai 2\)/ }).check();
  await conflict.getByRole('button', { name: 'Simpan dengan pilihan ini' }).click();

  await expect(page.getByText('Kunjungan tersimpan.')).toBeVisible();
  const main = page.getByRole('main');
  // The meeting shows first; the change history below repeats the values, before and after.
  await expect(main.getByText('Ruang Rapat Wareng (lantai 2)').first()).toBeVisible(); // my choice
  await expect(main.getByText('Ringkasan versi saya.').first()).toBeVisible(); // my other change
  await expect(main.getByText('10:00').first()).toBeVisible(); // their other change
  const history = main.getByRole('region', { name: 'Riwayat perubahan' });
  const place = history.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Tempat', exact: true }) }).first();
  await expect(place.locator('del')).toHaveText('Pendopo Bupati Tangerang');
  await expect(place.locator('ins')).toHaveText('Ruang Rapat Wareng (lantai 2)');
});
