import { readFileSync } from 'node:fs';
import { axeViolations, expect, openPage, secondLocale, test } from './fixtures';
import { Keyboard } from './keyboard';

const TEXT = {
  id: {
    user: 'Pengguna demo',
    signedIn: 'Budi Santoso (Petugas kerja sama)',
    mine: /^Milik saya/,
    overdue: /^Terlambat \(/,
    change: 'Ubah status: ',
    done: 'Selesai',
    comment: /^Komentar/,
    save: 'Simpan',
    saved: /diubah menjadi Selesai/,
    history: 'Status: Terbuka → Selesai',
    historyRegion: 'Riwayat',
    csv: 'Unduh CSV',
    ics: 'Unduh kalender (ICS)',
    header: 'judul',
  },
  en: {
    user: 'Demo user',
    signedIn: 'Budi Santoso (Cooperation officer)',
    mine: /^Mine/,
    overdue: /^Overdue \(/,
    change: 'Change status: ',
    done: 'Done',
    comment: /^Comment/,
    save: 'Save',
    saved: /is now Done/,
    history: 'Status: Open → Done',
    historyRegion: 'History',
    csv: 'Download CSV',
    ics: 'Download calendar (ICS)',
    header: 'title',
  },
} as const;

for (const locale of ['id', 'en'] as const) {
  const text = TEXT[locale];
  test(`an officer works their overdue follow-ups by keyboard and exports them (${locale})`, { tag: secondLocale(locale) }, async ({ page, asUser, serverMode }) => {
    test.setTimeout(60_000);
    await asUser('usr-budi', locale);
    const kb = new Keyboard(page);
    await openPage(page, '/follow-ups');
    if (serverMode) {
      // Signed in: the header names the user (the demo's user switcher is not there).
      await expect(page.getByRole('banner').getByText(text.signedIn)).toBeVisible();
    } else {
      await expect(page.getByLabel(text.user)).toHaveValue('usr-budi');
    }

    await kb.tabTo(page.getByRole('link', { name: text.mine }));
    await kb.press('Enter');
    await expect(page).toHaveURL(/ownerId=usr-budi/);
    await kb.tabTo(page.getByRole('link', { name: text.overdue }));
    await kb.press('Enter');
    await expect(page).toHaveURL(/due=overdue/);
    expect(await axeViolations(page)).toEqual([]);

    const table = page.getByRole('table');
    const firstRow = table.getByRole('row').nth(1);
    const link = firstRow.getByRole('link');
    const title = (await link.innerText()).trim();
    const href = await link.getAttribute('href');
    await kb.tabTo(firstRow.getByRole('button', { name: `${text.change}${title}` }));
    await kb.press('Enter');
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    // Arrow keys move through the status radios, from the current one to "done".
    for (let i = 0; i < 5 && !(await dialog.getByRole('radio', { name: text.done }).isChecked()); i += 1) await kb.press('ArrowDown');
    await expect(dialog.getByRole('radio', { name: text.done })).toBeChecked();
    await kb.tabTo(dialog.getByLabel(text.comment));
    await kb.type('Selesai dibahas dengan mitra');
    await kb.tabTo(dialog.getByRole('button', { name: text.save, exact: true }));
    await kb.press('Enter');
    await expect(page.getByText(text.saved)).toBeVisible();

    await page.reload();
    await expect(page.getByRole('link', { name: title })).toHaveCount(0); // done: no longer overdue
    await openPage(page, href ?? '/follow-ups');
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    // The follow-up's own history (the change history below it repeats the comment as a note).
    const history = page.getByRole('region', { name: text.historyRegion, exact: true });
    await expect(history.getByText(text.history)).toBeVisible();
    await expect(history.getByText('Selesai dibahas dengan mitra')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    // Exports of the current view parse as CSV and as iCalendar.
    await openPage(page, '/follow-ups?ownerId=usr-budi');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: text.csv }).click()]);
    const csvText = readFileSync((await csv.path()) ?? '', 'utf8');
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const lines = csvText.replace(/^\uFEFF/, '').trim().split(/\r\n/);
    expect(lines[0]?.toLowerCase()).toContain(text.header);
    expect(lines.length).toBeGreaterThan(1);
    const [ics] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: text.ics }).click()]);
    const icsText = readFileSync((await ics.path()) ?? '', 'utf8');
    expect(ics.suggestedFilename()).toMatch(/\.ics$/);
    expect(icsText).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(icsText.match(/BEGIN:VEVENT/g)?.length ?? 0).toBeGreaterThan(0);
    expect(icsText).toMatch(/DTSTART;VALUE=DATE:\d{8}/);
  });
}
