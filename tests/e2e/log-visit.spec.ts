import type { Page } from '@playwright/test';
import { axeViolations, DEMO, expect, openPage, secondLocale, test } from './fixtures';
import { Keyboard } from './keyboard';

async function kpi(page: Page, label: RegExp): Promise<number> {
  const item = page.locator('.kpi').filter({ has: page.locator('.kpi__label', { hasText: label }) });
  return Number((await item.locator('.kpi__value').innerText()).replace(/\D/g, ''));
}

test('a new user logs the Binzhou visit by keyboard only, reloads halfway, and finds it everywhere', async ({ page }) => {
  // 1,235 keystrokes and tab stops, each a round trip to the browser: minutes on a busy machine.
  test.setTimeout(240_000);
  await openPage(page, '/?year=2025');
  const meetingsBefore = await kpi(page, /Pertemuan tahun 2025/);
  const openBefore = await kpi(page, /Tindak lanjut terbuka/);
  await openPage(page, '/follow-ups');
  const followUpsBefore = Number((await page.getByText(/Menampilkan \d+ dari \d+/).innerText()).split('dari')[1]?.replace(/\D/g, ''));

  const kb = new Keyboard(page);
  await openPage(page, '/meetings');
  await kb.tabTo(page.getByRole('link', { name: 'Catat kunjungan' }));
  await kb.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Catat kunjungan' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  const form = page.locator('form.visit-form');
  await kb.choose(form.getByRole('combobox', { name: 'Kemitraan', exact: true }), 'Kota Binzhou');
  await kb.check(form.getByRole('radio', { name: 'Kunjungan masuk' }));
  await kb.fill(form.getByLabel('Judul', { exact: true }), 'Kunjungan resmi delegasi Kota Binzhou');
  await kb.fill(form.getByRole('group', { name: 'Tanggal pertemuan' }).getByLabel('Tanggal'), '22');
  await kb.fill(form.getByRole('group', { name: 'Tanggal pertemuan' }).getByLabel('Bulan'), '9');
  await kb.fill(form.getByRole('group', { name: 'Tanggal pertemuan' }).getByLabel('Tahun'), '2025');
  await kb.fill(form.getByLabel('Tempat'), 'Ruang Rapat Wareng, Gedung Kantor Bupati Tangerang');
  await kb.choose(form.getByRole('combobox', { name: /Pimpinan tuan rumah/ }), 'Intan');

  // Halfway: the draft is saved as the user types; a reload brings it back.
  await expect(page.getByText(/Draf tersimpan/)).toBeVisible();
  await page.reload();
  await expect(page.getByText(/Draf Anda dipulihkan/)).toBeVisible();
  await expect(form.getByLabel('Tempat')).toHaveValue('Ruang Rapat Wareng, Gedung Kantor Bupati Tangerang');
  await expect(form.getByLabel('Judul', { exact: true })).toHaveValue('Kunjungan resmi delegasi Kota Binzhou');
  await kb.tabTo(form.getByLabel('Tempat'));

  await kb.choose(form.getByRole('combobox', { name: /Pimpinan delegasi/ }), 'Qu Yuekuan');
  await kb.tabTo(form.getByRole('button', { name: 'Tambah peserta' }));
  await kb.press('Enter');
  const participant = form.getByRole('group', { name: 'Peserta 1' });
  await expect(participant.getByLabel('Pihak')).toBeFocused();
  await kb.type('Tamu');
  await kb.choose(participant.getByLabel('Organisasi'), 'Indonesia');
  await kb.fill(participant.getByLabel('Keterangan'), 'Perwakilan ICBC Jakarta dalam rombongan; nama tidak disebutkan');
  await kb.check(form.getByRole('group', { name: 'Organisasi fasilitator' }).getByRole('checkbox', { name: /ICBC/ }));

  const sectors = form.getByRole('group', { name: 'Sektor yang dibahas' });
  for (const name of ['Ekonomi kreatif', 'Pariwisata', 'Pendidikan dan pertukaran pelajar', 'Peningkatan kapasitas pemuda', 'UMKM']) {
    await kb.check(sectors.getByRole('checkbox', { name }));
  }
  await kb.fill(form.getByLabel('Ringkasan'), 'Pertemuan membuka jalur komunikasi internasional antara Kabupaten Tangerang dan Kota Binzhou.');

  const quotes: Array<[string, string]> = [
    ['Intan Nurul Hikmah', 'Kunjungan ini menjadi momentum penting dalam memperkuat hubungan kerja sama internasional.'],
    ['Qu Yuekuan', 'Kami percaya kerja sama dengan Kabupaten Tangerang akan menghadirkan manfaat nyata.'],
  ];
  for (const [index, [speaker, text]] of quotes.entries()) {
    await kb.tabTo(form.getByRole('button', { name: 'Tambah pernyataan' }));
    await kb.press('Enter');
    const statement = form.getByRole('group', { name: `Pernyataan ${index + 1}` });
    await expect(statement.getByLabel('Yang berbicara')).toBeFocused();
    await kb.type(speaker);
    await kb.fill(statement.getByLabel('Kutipan'), text);
  }
  for (const [index, text] of ['Menindaklanjuti dengan forum teknis.', 'Menyusun agenda bersama.'].entries()) {
    await kb.tabTo(form.getByRole('button', { name: 'Tambah hasil' }));
    await kb.press('Enter');
    await expect(form.getByLabel(`Hasil ${index + 1}`, { exact: true })).toBeFocused();
    await kb.type(text);
  }
  await kb.fill(form.getByLabel('Penerbit'), 'TANGERANGPEDIA');
  await kb.fill(form.getByLabel('Tanggal menurut sumber'), 'Selasa (22/09/25)');

  const followUps: Array<[string, string, string]> = [
    ['Menyelenggarakan forum teknis dengan Kota Binzhou', 'Budi', '15 12 2025'],
    ['Menyusun rancangan agenda bersama', 'Budi', '14 11 2025'],
    ['Mengusulkan program pertukaran pelajar', 'Dewi', '30 1 2026'],
    ['Menyiapkan paket promosi pariwisata', 'Dewi', '27 2 2026'],
    ['Merancang program pelatihan pemuda', 'Budi', '31 3 2026'],
    ['Memetakan kecocokan UMKM dan ekonomi kreatif', 'Dewi', '30 4 2026'],
  ];
  for (const [index, [title, owner, due]] of followUps.entries()) {
    await kb.tabTo(form.getByRole('button', { name: 'Tambah tindak lanjut' }));
    await kb.press('Enter');
    const row = form.getByRole('group', { name: `Tindak lanjut ${index + 1}`, exact: true });
    await expect(row.getByLabel('Judul')).toBeFocused();
    await kb.type(title);
    await kb.choose(row.getByLabel('Penanggung jawab'), owner);
    const [day, month, year] = due.split(' ') as [string, string, string];
    await kb.fill(row.getByLabel('Tanggal'), day);
    await kb.fill(row.getByLabel('Bulan'), month);
    await kb.fill(row.getByLabel('Tahun'), year);
  }

  await kb.tabTo(form.getByRole('button', { name: 'Simpan kunjungan' }));
  await kb.press('Enter');
  await expect(page.getByText('Kunjungan tersimpan.')).toBeVisible();
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('Kunjungan resmi delegasi Kota Binzhou');
  await expect(main.getByText('Senin, 22 September 2025')).toBeVisible();
  await expect(main.getByText('Sumber menyebut hari Selasa, tetapi 22 September 2025 jatuh pada hari Senin', { exact: false })).toBeVisible();
  await expect(main.getByRole('region', { name: /Tindak lanjut dari pertemuan ini/ }).getByRole('row')).toHaveCount(7);

  console.log(`keyboard journey: ${kb.tabs} tab stops + ${kb.keys} keystrokes = ${kb.steps} steps`);

  // The draft is gone once saved.
  expect(await page.evaluate(() => localStorage.getItem('mitra.drafts'))).not.toContain('Wareng');

  await openPage(page, '/meetings');
  await expect(page.getByRole('link', { name: 'Kunjungan resmi delegasi Kota Binzhou' })).toHaveCount(2);
  await openPage(page, '/follow-ups');
  await expect(page.getByText(`Menampilkan ${Math.min(followUpsBefore + 6, 50)} dari ${followUpsBefore + 6}`)).toBeVisible();
  await openPage(page, '/?year=2025');
  expect(await kpi(page, /Pertemuan tahun 2025/)).toBe(meetingsBefore + 1);
  expect(await kpi(page, /Tindak lanjut terbuka/)).toBe(openBefore + 6);
});

for (const locale of ['id', 'en'] as const) {
  test(`the visit form passes axe with and without errors (${locale})`, { tag: secondLocale(locale) }, async ({ page, asUser }) => {
    // Two axe runs over the longest form: seconds each on a busy 2-core machine.
    test.setTimeout(60_000);
    await asUser('usr-rina', locale);
    await openPage(page, '/meetings/new');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: locale === 'id' ? 'Simpan kunjungan' : 'Save the visit' }).click();
    const summary = page.getByRole('alert').filter({ hasText: locale === 'id' ? 'Ada masalah' : 'There is a problem' });
    await expect(summary).toBeFocused();
    await expect(page).toHaveTitle(locale === 'id' ? /^Galat: / : /^Error: /);
    expect(await axeViolations(page)).toEqual([]);
    // A summary link moves focus to its field.
    await summary.getByRole('link').first().click();
    await expect(page.locator('.form-group--error :focus')).toHaveCount(1);
  });
}

test('in English, staff log a first-contact visit with a new partner region and see it on its partner page', { tag: DEMO }, async ({ page, asUser }) => {
  await asUser('usr-rina', 'en');
  await openPage(page, '/meetings/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Log a visit' })).toBeVisible();
  const form = page.locator('form.visit-form');
  await form.getByRole('radio', { name: 'A new partner (first contact)' }).check();
  await form.getByLabel('Partner region name').fill('Weifang');
  await form.getByLabel(/^Name in local script/).fill('潍坊市');
  await form.getByRole('combobox', { name: 'Level of government' }).selectOption('city');
  await form.getByLabel('Country').fill('cn');
  await form.getByLabel(/^Province \/ state/).fill('Shandong');
  await form.getByRole('combobox', { name: 'Type of partnership' }).selectOption('friendship-city');
  await form.getByRole('radio', { name: 'Virtual meeting' }).check();
  await form.getByLabel('Title', { exact: true }).fill('First call with Weifang');
  const date = form.getByRole('group', { name: 'Date of the meeting' });
  await date.getByLabel('Day').fill('3');
  await date.getByLabel('Month').fill('11');
  await date.getByLabel('Year').fill('2025');
  await form.getByRole('combobox', { name: /Delegation lead/ }).selectOption('new');
  await form.getByLabel('Name', { exact: true }).fill('Li Wei');
  await form.getByLabel(/^Position/).fill('Director of Foreign Affairs');
  await form.getByRole('group', { name: 'Sectors discussed' }).getByRole('checkbox', { name: 'Agriculture' }).check();

  // A due date before the meeting is refused in words, beside the field and in the summary.
  await form.getByRole('button', { name: 'Add a follow-up' }).click();
  const row = form.getByRole('group', { name: 'Follow-up 1', exact: true });
  await row.getByLabel('Title').fill('Send the agriculture profile');
  await row.getByRole('combobox', { name: 'Owner' }).selectOption({ label: 'Budi Santoso (Cooperation officer)' });
  await row.getByLabel('Day').fill('1');
  await row.getByLabel('Month').fill('10');
  await row.getByLabel('Year').fill('2025');
  await form.getByRole('button', { name: 'Save the visit' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toContainText('Follow-up 1 — Due: The due date cannot be before the meeting date.');
  await expect(page).toHaveTitle(/^Error: Log a visit/);
  await row.getByLabel('Month').fill('12');
  await form.getByRole('button', { name: 'Save the visit' }).click();

  await expect(page.getByText('The visit is saved.')).toBeVisible();
  await expect(page.getByRole('main').getByText('Li Wei, Director of Foreign Affairs')).toBeVisible();
  await page.getByRole('main').getByRole('link', { name: 'Weifang City' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Weifang City');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('潍坊市');
  await expect(page.getByRole('link', { name: 'First call with Weifang' })).toBeVisible();
  // In the partnership's follow-ups (the timeline links it too, as "follow-up recorded").
  await expect(page.getByRole('region', { name: 'Follow-ups', exact: true }).getByRole('link', { name: 'Send the agriculture profile' })).toBeVisible();
});
