import type { Page } from '@playwright/test';
import { axeViolations, DEFAULT_USER_ID, expect, openPage, secondLocale, test } from './fixtures';
import { Keyboard } from './keyboard';

/**
 * Issue 14 in the browser: a semicolon CSV with a BOM and dd/mm/yyyy dates imported through the
 * import page by keyboard only — one mapping fixed by hand, the per-cell errors seen, the valid
 * rows imported and found in the follow-ups list, then the import undone and the rows gone.
 * The real API either way (the demo's in-browser API, or the Node server); axe on every step; a
 * 390 px phone width without sideways scrolling of the page.
 */

const CSV =
  '\uFEFF' +
  [
    'Judul;Kemitraan;Nama PIC;Tenggat;Status',
    'Ujicoba laporan kunjungan;Binzhou;Budi Santoso;15/12/2027;Terbuka',
    'Ujicoba surat <b>terima kasih</b>;Kota Binzhou;Dewi Lestari;01/12/2027;Terbuka',
    'Ujicoba rapat koordinasi;Binzhou;Siapa Saja;31/02/2027;Terbuka',
  ].join('\r\n') +
  '\r\n';

const TEXT = {
  id: {
    nav: 'Impor',
    resource: 'Tindak lanjut',
    file: /^Berkas/,
    check: 'Periksa berkas',
    mappingStep: /Cocokkan kolom$/,
    picSelect: 'Isian Mitra untuk kolom Nama PIC',
    owner: 'Penanggung jawab',
    toPreview: 'Lanjut ke pratinjau',
    summary: 'Ada masalah di 1 baris',
    links: [
      /^Sel C4: "Siapa Saja" tidak ditemukan di Mitra/,
      /^Sel D4: Tenggat harus tanggal yang benar/,
    ],
    importValid: 'Impor 2 baris yang benar saja',
    done: 'Impor selesai',
    counts: 'tindak-lanjut.csv: 2 baru, 0 diperbarui, 0 tidak berubah, 1 dilewati.',
    seeList: 'Lihat di daftar tindak lanjut',
    history: 'Impor, terbaru lebih dulu',
    undo: 'Urungkan impor tindak-lanjut.csv',
    confirm: 'Ya, urungkan',
    undone: 'Impor tindak-lanjut.csv diurungkan: 2 dihapus, 0 dipulihkan.',
    statusUndone: 'Diurungkan',
  },
  en: {
    nav: 'Import',
    resource: 'Follow-ups',
    file: /^File/,
    check: 'Check the file',
    mappingStep: /Match columns$/,
    picSelect: 'Mitra field for column Nama PIC',
    owner: 'Owner',
    toPreview: 'Continue to preview',
    summary: 'There are problems in 1 rows',
    links: [
      /^Cell C4: "Siapa Saja" was not found in Mitra/,
      /^Cell D4: Due date must be a real date/,
    ],
    importValid: 'Import only the 2 valid rows',
    done: 'Import complete',
    counts: 'tindak-lanjut.csv: 2 new, 0 updated, 0 unchanged, 1 skipped.',
    seeList: 'See them in the follow-ups list',
    history: 'Imports, newest first',
    undo: 'Undo the import of tindak-lanjut.csv',
    confirm: 'Yes, undo',
    undone: 'The import of tindak-lanjut.csv was undone: 2 removed, 0 restored.',
    statusUndone: 'Undone',
  },
} as const;

async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, 'the page scrolls sideways').toBeLessThanOrEqual(0);
}

for (const locale of ['id', 'en'] as const) {
  const text = TEXT[locale];
  test(
    `imports a semicolon CSV by keyboard, fixes a mapping, imports the valid rows and undoes it (${locale})`,
    { tag: secondLocale(locale) },
    async ({ page, asUser }) => {
      test.setTimeout(120_000);
      await asUser(DEFAULT_USER_ID, locale);
      // A phone's width: the whole journey must be comfortable at 390 px.
      await page.setViewportSize({ width: 390, height: 844 });
      const kb = new Keyboard(page);
      await openPage(page, '/');

      // --- Choose: the resource and the file (the native file input, opened with Space). ---------
      const navLink = page
        .getByRole('navigation')
        .getByRole('link', { name: text.nav, exact: true });
      await kb.tabTo(navLink);
      await kb.press('Enter');
      await expect(page.getByRole('heading', { level: 1, name: text.nav })).toBeVisible();
      // A radio group is one tab stop; the arrows choose within it.
      const resource = page.getByRole('radio', { name: text.resource });
      await kb.tabTo(page.getByRole('radio').first());
      for (let i = 0; i < 4 && !(await resource.isChecked()); i += 1) await kb.press('ArrowDown');
      await expect(resource).toBeChecked();
      const fileInput = page.getByLabel(text.file);
      await kb.tabTo(fileInput);
      const chooser = page.waitForEvent('filechooser');
      await kb.press('Space');
      await (
        await chooser
      ).setFiles({
        name: 'tindak-lanjut.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(CSV, 'utf8'),
      });
      expect(await axeViolations(page)).toEqual([]);
      await noSidewaysScroll(page);
      await kb.tabTo(page.getByRole('button', { name: text.check }));
      await kb.press('Enter');

      // --- Map: "Nama PIC" is matched to nothing; the user picks the owner. ---------------------
      await expect(page.getByRole('heading', { level: 2, name: text.mappingStep })).toBeVisible({
        timeout: 20_000,
      });
      const pic = page.getByRole('combobox', { name: text.picSelect });
      await expect(pic).toHaveValue('');
      expect(await axeViolations(page)).toEqual([]);
      await noSidewaysScroll(page);
      await kb.choose(pic, text.owner);
      await kb.tabTo(page.getByRole('button', { name: text.toPreview }));
      await kb.press('Enter');

      // --- Preview: the per-cell errors in a GOV.UK summary that links to the cells. ------------
      const summary = page.getByRole('alert', { name: text.summary });
      await expect(summary).toBeFocused({ timeout: 20_000 });
      const links = summary.getByRole('link');
      await expect(links).toHaveText([...text.links]);
      // HTML in a cell is shown as text.
      await expect(
        page.getByRole('cell', { name: 'Ujicoba surat <b>terima kasih</b>' }),
      ).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
      await noSidewaysScroll(page);
      await kb.tabTo(links.nth(1));
      await kb.press('Enter');
      await expect(page.locator(':focus')).toContainText('31/02/2027');

      // --- Commit the valid rows; see them in the list. -----------------------------------------
      await kb.tabTo(page.getByRole('button', { name: text.importValid }));
      await kb.press('Enter');
      await expect(page.getByRole('heading', { name: text.done })).toBeVisible({ timeout: 20_000 });
      await expect(page.getByText(text.counts)).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
      await kb.tabTo(page.getByRole('link', { name: text.seeList }));
      await kb.press('Enter');
      await expect(page).toHaveURL(/\/follow-ups/);
      await openPage(page, '/follow-ups?q=Ujicoba');
      await expect(page.getByRole('link', { name: 'Ujicoba laporan kunjungan' })).toBeVisible();
      await expect(
        page.getByRole('link', { name: 'Ujicoba surat <b>terima kasih</b>' }),
      ).toBeVisible();
      await expect(page.getByRole('link', { name: 'Ujicoba rapat koordinasi' })).toHaveCount(0);

      // --- Undo from the history, with a confirmation; the rows are gone. ----------------------
      await openPage(page, '/imports');
      const history = page.getByRole('table', { name: text.history });
      const undo = history.getByRole('button', { name: text.undo });
      await kb.tabTo(undo, { max: 120 });
      await kb.press('Enter');
      const dialog = page.getByRole('dialog');
      await expect(dialog).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
      await kb.tabTo(dialog.getByRole('button', { name: text.confirm }), { backwards: true });
      await kb.press('Enter');
      await expect(page.getByText(text.undone)).toBeVisible({ timeout: 20_000 });
      await expect(history.getByRole('row', { name: /tindak-lanjut\.csv/ })).toContainText(
        text.statusUndone,
      );
      await openPage(page, '/follow-ups?q=Ujicoba');
      await expect(page.getByRole('link', { name: 'Ujicoba laporan kunjungan' })).toHaveCount(0);
      await expect(
        page.getByRole('link', { name: 'Ujicoba surat <b>terima kasih</b>' }),
      ).toHaveCount(0);
    },
  );
}

/** The lists whose "Unduh CSV" gives the file the import reads back (issue 14). */
const EXPORTS = [
  { path: '/partners', file: { id: /^mitra-kemitraan-.*\.csv$/, en: /^mitra-partnerships-.*\.csv$/ }, header: { id: 'Daerah mitra', en: 'Partner region' } },
  { path: '/meetings', file: { id: /^mitra-pertemuan-.*\.csv$/, en: /^mitra-meetings-.*\.csv$/ }, header: { id: 'Tanggal pertemuan', en: 'Date of the meeting' } },
  { path: '/reference', file: { id: /^mitra-orang-.*\.csv$/, en: /^mitra-people-.*\.csv$/ }, header: { id: 'Jabatan', en: 'Position' } },
] as const;

for (const locale of ['id', 'en'] as const) {
  test(
    `downloads the partners, meetings and people lists as CSV by keyboard, in the reader's language (${locale})`,
    { tag: secondLocale(locale) },
    async ({ page, asUser }) => {
      test.setTimeout(90_000);
      await asUser(DEFAULT_USER_ID, locale);
      await page.setViewportSize({ width: 390, height: 844 });
      const kb = new Keyboard(page);
      for (const list of EXPORTS) {
        await openPage(page, list.path);
        const button = page.getByRole('button', { name: locale === 'id' ? /^Unduh CSV/ : /^Download CSV/ });
        await expect(button).toBeVisible({ timeout: 20_000 });
        expect(await axeViolations(page)).toEqual([]);
        await noSidewaysScroll(page);
        await kb.tabTo(button, { max: 250 });
        const download = page.waitForEvent('download');
        await kb.press('Enter');
        const file = await download;
        expect(file.suggestedFilename()).toMatch(list.file[locale]);
        const stream = await file.createReadStream();
        const chunks: Buffer[] = [];
        for await (const chunk of stream) chunks.push(chunk as Buffer);
        const [head] = Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '').split('\r\n');
        expect(head?.split(',')[0]).toBe('ID');
        expect(head).toContain(list.header[locale]);
      }
    },
  );
}
