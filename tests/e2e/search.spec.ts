import { axeViolations, DEMO, expect, openPage, test } from './fixtures';

test('Ctrl+K finds Binzhou by its local-script name and opens the partnership by keyboard', { tag: DEMO }, async ({ page }) => {
  await openPage(page, '/meetings');
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  const input = dialog.getByRole('combobox', { name: /Cari mitra, orang, pertemuan/ });
  await expect(input).toBeFocused();
  await page.keyboard.type('滨州');
  await expect(dialog.getByRole('group', { name: /Kemitraan \(1\)/ })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/partners\/pts-tangerang-binzhou$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Kota Binzhou');

  // The visible search button opens it too; results are grouped; arrows move between them.
  await page.getByRole('button', { name: /^Cari…/ }).click();
  await page.keyboard.type('Binzhou');
  await expect(dialog.getByRole('group', { name: /Pertemuan/ })).toBeVisible();
  await expect(dialog.getByRole('group', { name: /Tindak lanjut/ })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(dialog.getByRole('option', { selected: true })).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});
