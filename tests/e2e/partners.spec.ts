import { axeViolations, expect, openPage, secondLocale, test } from './fixtures';

const TEXT = {
  id: {
    search: 'Cari mitra, orang, pertemuan, dan tindak lanjut',
    partnersGroup: /Kemitraan \(1\)/,
    timeline: 'Linimasa',
    visit: 'Kunjungan resmi delegasi Kota Binzhou',
    visitDate: '22 September 2025',
    agreed: '6 tindak lanjut disepakati',
    followUp: 'Menyusun rancangan agenda bersama',
    changeStage: 'Ubah tahap',
    newStage: 'Tahap baru',
    loi: 'Letter of intent (LoI)',
    day: 'Tanggal',
    month: 'Bulan',
    year: 'Tahun',
    note: 'Catatan',
    save: 'Simpan tahap',
    saved: 'Tahap diubah menjadi Letter of intent (LoI).',
    moved: 'Tahap berubah: Penjajakan → Letter of intent (LoI)',
    history: 'Riwayat perubahan',
    stageField: 'Tahap',
    before: 'Penjajakan',
  },
  en: {
    search: 'Search partners, people, meetings and follow-ups',
    partnersGroup: /Partnerships \(1\)/,
    timeline: 'Timeline',
    visit: 'Kunjungan resmi delegasi Kota Binzhou',
    visitDate: '22 September 2025',
    agreed: '6 follow-ups agreed',
    followUp: 'Menyusun rancangan agenda bersama',
    changeStage: 'Change stage',
    newStage: 'New stage',
    loi: 'Letter of intent (LoI)',
    day: 'Day',
    month: 'Month',
    year: 'Year',
    note: 'Note',
    save: 'Save stage',
    saved: 'Stage changed to Letter of intent (LoI).',
    moved: 'Stage changed: Exploring → Letter of intent (LoI)',
    history: 'Change history',
    stageField: 'Stage',
    before: 'Exploring',
  },
} as const;

for (const locale of ['id', 'en'] as const) {
  const text = TEXT[locale];
  test(`a manager finds Binzhou, reads its timeline and moves its stage forward with a note (${locale})`, { tag: secondLocale(locale) }, async ({ page, asUser }) => {
    test.setTimeout(60_000);
    await asUser('usr-hendra', locale);
    await openPage(page, '/meetings');

    // Search by the Latin name, then by the local-script name; Enter opens the partnership.
    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog');
    const input = dialog.getByRole('combobox', { name: text.search });
    await expect(input).toBeFocused();
    await page.keyboard.type('Binzhou');
    await expect(dialog.getByRole('group', { name: text.partnersGroup })).toBeVisible();
    await input.fill('');
    await page.keyboard.type('滨州');
    await expect(dialog.getByRole('option').first()).toContainText('Binzhou');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/partners\/pts-tangerang-binzhou$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Binzhou');

    // The visit on the timeline, with the follow-ups agreed at it.
    const timeline = page.getByRole('region', { name: text.timeline });
    const visit = timeline.getByRole('listitem').filter({ has: page.getByRole('link', { name: text.visit }) });
    await expect(visit).toContainText(text.visitDate);
    await visit.getByText(text.agreed).click();
    await expect(visit.getByRole('link', { name: text.followUp })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    // Move the stage forward, by keyboard, with a date and a note.
    await page.getByRole('button', { name: text.changeStage }).focus();
    await page.keyboard.press('Enter');
    const stage = page.getByRole('dialog');
    await expect(stage.getByRole('combobox', { name: text.newStage })).toBeFocused();
    await stage.getByRole('combobox', { name: text.newStage }).selectOption({ label: text.loi });
    await stage.getByRole('textbox', { name: text.day, exact: true }).fill('30');
    await stage.getByRole('textbox', { name: text.month, exact: true }).fill('10');
    await stage.getByRole('textbox', { name: text.year, exact: true }).fill('2025');
    await stage.getByRole('textbox', { name: text.note, exact: true }).fill('Surat minat ditandatangani kedua pihak.');
    expect(await axeViolations(page)).toEqual([]);
    await stage.getByRole('button', { name: text.save }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByText(text.saved)).toBeVisible();
    await expect(stage).toHaveCount(0);

    // The change is on the timeline and in the history, before → after in words.
    await expect(timeline.getByText(text.moved)).toBeVisible();
    const history = page.getByRole('region', { name: text.history });
    const row = history.getByRole('row').filter({ has: page.getByRole('rowheader', { name: text.stageField, exact: true }) });
    await expect(row.locator('del')).toHaveText(text.before);
    await expect(row.locator('ins')).toHaveText(text.loi);
    await expect(history).toContainText('Surat minat ditandatangani kedua pihak.');
    expect(await axeViolations(page)).toEqual([]);
  });
}

test('the directory filters by country and sorts, with the state in the URL', async ({ page }) => {
  await openPage(page, '/partners');
  await page.getByRole('combobox', { name: 'Negara' }).selectOption({ label: 'Tiongkok' });
  await expect(page).toHaveURL(/countryCode=CN/);
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(2);
  await page.getByRole('link', { name: 'Hapus saringan' }).click();
  await page.getByRole('combobox', { name: 'Urutkan' }).selectOption('lastMeeting');
  await expect(page).toHaveURL(/sort=lastMeeting/);
  await page.getByRole('searchbox', { name: 'Cari nama' }).fill('滨州');
  await expect(page).toHaveURL(/q=/);
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('table')).toContainText('Binzhou');
  expect(await axeViolations(page)).toEqual([]);
  // A reload keeps the view.
  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Cari nama' })).toHaveValue('滨州');
  await expect(page.getByRole('combobox', { name: 'Urutkan' })).toHaveValue('lastMeeting');
});
