import { screen, waitFor, within } from '@testing-library/react';
import ExcelJS from 'exceljs';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { IDS } from '../../mocks/demo-data';
import { currentStore, server } from '../../mocks/node';
import { renderApp } from '../render';

/**
 * The import page (issue 14) against the real import API (server/routes/imports.ts through MSW):
 * choose → map columns → preview → commit, the history with undo, and the failure paths. In jsdom
 * there is no Web Worker: the same check runs on the main thread.
 */

const BOM = '\uFEFF';
/** Semicolons (Indonesian Excel), a BOM, dd/mm/yyyy; "Nama PIC" is matched to nothing at first. */
const FOLLOW_UPS_CSV =
  BOM +
  [
    'Judul;Kemitraan;Nama PIC;Tenggat;Status',
    'Menyusun laporan kunjungan;Binzhou;Budi Santoso;15/12/2026;Terbuka',
    'Mengirim surat <b>terima kasih</b>;Kota Binzhou;Dewi Lestari;01/12/2026;Terbuka',
    'Rapat koordinasi;Binzhou;Siapa Saja;31/02/2026;Terbuka',
  ].join('\r\n') +
  '\r\n';

const csvFile = (text: string, name = 'tindak-lanjut.csv') =>
  new File([text], name, { type: 'text/csv' });

async function openImports(options: Parameters<typeof renderApp>[1] = {}) {
  const view = renderApp('/imports', options);
  // The first render loads the page's chunk, its strings and the session: give a busy machine time.
  await screen.findByRole(
    'heading',
    { level: 1, name: options.locale === 'en' ? 'Import' : 'Impor' },
    { timeout: 10_000 },
  );
  return view;
}

type View = Awaited<ReturnType<typeof openImports>>;

async function chooseAndCheck({ user }: View, file: File, resource = 'Tindak lanjut') {
  await user.click(await screen.findByRole('radio', { name: resource }));
  await user.upload(screen.getByLabelText(/^Berkas|^File/), file);
  await user.click(screen.getByRole('button', { name: /Periksa berkas|Check the file/ }));
}

/** Up to the preview: the file, then "Nama PIC" matched to the owner by hand. */
async function toPreview(view: View, text = FOLLOW_UPS_CSV) {
  await chooseAndCheck(view, csvFile(text));
  await screen.findByRole('heading', { name: /Cocokkan kolom$/, level: 2 });
  const mappingSummary = screen
    .getAllByRole('alert')
    .find((el) => el.textContent?.includes('Ada masalah')) as HTMLElement;
  expect(mappingSummary).toHaveTextContent('Belum ada kolom untuk "Penanggung jawab"');
  const table = screen.getByRole('table', { name: 'Kolom berkas dan isian Mitra' });
  // Automatic matches are shown, and can be changed.
  expect(
    within(table).getByRole('combobox', { name: 'Isian Mitra untuk kolom Judul' }),
  ).toHaveValue('title');
  expect(
    within(table).getByRole('combobox', { name: 'Isian Mitra untuk kolom Tenggat' }),
  ).toHaveValue('dueDate');
  expect(within(table).getAllByText('Dicocokkan otomatis').length).toBeGreaterThanOrEqual(4);
  const pic = within(table).getByRole('combobox', { name: 'Isian Mitra untuk kolom Nama PIC' });
  expect(pic).toHaveValue('');
  await view.user.selectOptions(pic, 'owner');
  expect(within(table).getByText('Dipilih Anda')).toBeInTheDocument();
  await view.user.click(screen.getByRole('button', { name: 'Lanjut ke pratinjau' }));
  await screen.findByRole('heading', { name: /Pratinjau$/, level: 2 });
}

const importedTitles = async () =>
  (await currentStore().followUps.all())
    .map((f) => f.title)
    .filter((title) => /laporan kunjungan|terima kasih|Rapat koordinasi/.test(title));

// Whole journeys through four steps and the history: more than one page's worth of time on a busy machine.
describe('the import page', { timeout: 60_000 }, () => {
  it('imports a semicolon CSV with a BOM: one mapping fixed, per-cell errors, the valid rows in, then undone', async () => {
    const view = await openImports();
    const nav = screen.getByRole('navigation', { name: 'Navigasi utama' });
    expect(await within(nav).findByRole('link', { name: 'Impor' })).toHaveAttribute(
      'href',
      '/imports',
    );
    expect(await screen.findByText('Belum ada impor.')).toBeInTheDocument();

    await toPreview(view);
    // Nothing written yet.
    expect(await importedTitles()).toEqual([]);

    const summary = await screen.findByRole('alert', { name: 'Ada masalah di 1 baris' });
    await waitFor(() => expect(summary).toHaveFocus());
    const links = within(summary).getAllByRole('link');
    expect(links.map((a) => a.textContent)).toEqual([
      expect.stringMatching(/^Sel C4: "Siapa Saja" tidak ditemukan/),
      'Sel D4: Tenggat harus tanggal yang benar, seperti 22/09/2025 atau 22 September 2025',
    ]);
    // A link moves the focus to its cell in the preview.
    await view.user.click(links[1] as HTMLElement);
    expect(document.activeElement).toHaveTextContent('31/02/2026');

    const counts = screen.getByRole('group', { name: 'Jumlah baris menurut hasil' });
    expect(counts).toHaveTextContent(/Baru\s*2/);
    expect(counts).toHaveTextContent(/Bermasalah\s*1/);

    const preview = screen.getByRole('table', { name: 'Baris berkas dan hasilnya' });
    // HTML in a cell is text.
    expect(within(preview).getByText('Mengirim surat <b>terima kasih</b>')).toBeInTheDocument();
    expect(preview.querySelector('b')).toBeNull();
    expect(within(preview).getAllByRole('row')).toHaveLength(4);

    await view.user.click(screen.getByRole('button', { name: 'Impor 2 baris yang benar saja' }));
    expect(await screen.findByRole('heading', { name: 'Impor selesai' })).toBeInTheDocument();
    expect(
      screen.getByText('tindak-lanjut.csv: 2 baru, 0 diperbarui, 0 tidak berubah, 1 dilewati.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Lihat di daftar tindak lanjut' })).toHaveAttribute(
      'href',
      '/follow-ups',
    );
    expect((await importedTitles()).sort()).toEqual([
      'Mengirim surat <b>terima kasih</b>',
      'Menyusun laporan kunjungan',
    ]);

    // The history: who, the file, the counts, and undo with a confirmation.
    const history = await screen.findByRole('table', { name: 'Impor, terbaru lebih dulu' });
    const row = await within(history).findByRole('row', { name: /tindak-lanjut\.csv/ });
    await waitFor(() => expect(row).toHaveTextContent('Diimpor'));
    expect(row).toHaveTextContent('Rina Wulandari');
    expect(row).toHaveTextContent('2 baru, 0 diperbarui, 0 tidak berubah, 1 dilewati');
    await view.user.click(
      within(row).getByRole('button', { name: 'Urungkan impor tindak-lanjut.csv' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Urungkan impor tindak-lanjut.csv?' });
    await view.user.click(within(dialog).getByRole('button', { name: 'Batal' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(await importedTitles()).toHaveLength(2);

    await view.user.click(
      within(row).getByRole('button', { name: 'Urungkan impor tindak-lanjut.csv' }),
    );
    await view.user.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Ya, urungkan' }),
    );
    expect(
      await screen.findByText('Impor tindak-lanjut.csv diurungkan: 2 dihapus, 0 dipulihkan.'),
    ).toBeInTheDocument();
    expect(await importedTitles()).toEqual([]);
    await waitFor(() =>
      expect(
        within(screen.getByRole('table', { name: 'Impor, terbaru lebih dulu' })).getByRole('row', {
          name: /tindak-lanjut\.csv/,
        }),
      ).toHaveTextContent('Diurungkan'),
    );
  });

  it('says what is wrong with a file and uploads nothing: empty, or not a spreadsheet', async () => {
    const view = await openImports();
    await view.user.click(screen.getByRole('button', { name: 'Periksa berkas' }));
    const first = await screen.findByRole('alert');
    expect(
      within(first)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Pilih apa yang diimpor', 'Pilih berkas CSV atau XLSX']);

    await chooseAndCheck(view, csvFile(BOM + '\r\n\r\n', 'kosong.csv'));
    const summary = await screen.findByRole('alert');
    await waitFor(() =>
      expect(within(summary).getByRole('link')).toHaveTextContent('Berkas ini kosong.'),
    );
    expect(screen.getByLabelText(/^Berkas/)).toHaveAttribute('aria-invalid', 'true');

    await view.user.upload(
      screen.getByLabelText(/^Berkas/),
      new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3, 0, 0])], 'laporan.csv', {
        type: 'text/csv',
      }),
    );
    await view.user.click(screen.getByRole('button', { name: 'Periksa berkas' }));
    await waitFor(() =>
      expect(within(screen.getByRole('alert')).getByRole('link')).toHaveTextContent(
        'Berkas ini bukan CSV atau XLSX.',
      ),
    );
    const list = await view.queryClient.fetchQuery({
      queryKey: ['test-imports'],
      queryFn: () =>
        fetch('/api/imports', { headers: { 'x-mitra-user': IDS.staff } }).then((r) => r.json()),
    });
    expect(list).toEqual({ items: [] });
  });

  it('a network failure keeps the file and the choices; "Coba lagi" sends it again', async () => {
    const view = await openImports();
    let failures = 0;
    server.use(
      http.post(
        '/api/imports',
        () => {
          failures += 1;
          return HttpResponse.error();
        },
        { once: true },
      ),
    );
    await chooseAndCheck(view, csvFile(FOLLOW_UPS_CSV));
    const alert = await screen.findByRole('alert', { name: 'Terjadi masalah' });
    expect(alert).toHaveTextContent('Tidak dapat terhubung ke server.');
    expect(alert).toHaveTextContent(
      'Berkas dan pilihan Anda tetap tersimpan di halaman ini. Belum ada yang diimpor.',
    );
    expect(failures).toBe(1);
    expect(screen.getByRole('radio', { name: 'Tindak lanjut' })).toBeChecked();

    await view.user.click(within(alert).getByRole('button', { name: 'Coba lagi' }));
    expect(
      await screen.findByRole('heading', { name: /Cocokkan kolom$/, level: 2 }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alert', { name: 'Terjadi masalah' })).not.toBeInTheDocument();
  });

  it('a commit refused because a row became invalid meanwhile (422) says so and imports nothing', async () => {
    const view = await openImports();
    // Only the two valid rows: "Impor 2 baris" commits without skipping.
    await toPreview(view, FOLLOW_UPS_CSV.split('\r\n').slice(0, 3).join('\r\n') + '\r\n');
    // Meanwhile Budi's name and e-mail change: his row no longer matches anyone.
    const budi = (await currentStore().users.get(IDS.officer))!;
    await currentStore().users.replace({ ...budi, name: 'Budi S.', email: 'budi.s@example.org' });
    await view.user.click(screen.getByRole('button', { name: 'Impor 2 baris' }));
    const alert = await screen.findByRole('alert', { name: 'Terjadi masalah' });
    expect(alert).toHaveTextContent('Masih ada 1 baris bermasalah.');
    expect(await importedTitles()).toEqual([]);
    expect(screen.getByRole('heading', { name: /Pratinjau$/, level: 2 })).toBeInTheDocument();
  });

  it('refuses an undo when a record changed since (409): names it, and changes nothing', async () => {
    const view = await openImports();
    await toPreview(view);
    await view.user.click(screen.getByRole('button', { name: 'Impor 2 baris yang benar saja' }));
    await screen.findByRole('heading', { name: 'Impor selesai' });
    const item = (await currentStore().followUps.all()).find(
      (f) => f.title === 'Menyusun laporan kunjungan',
    )!;
    await currentStore().followUps.replace({
      ...item,
      title: 'Menyusun laporan kunjungan (revisi)',
      version: item.version + 1,
    });

    const history = await screen.findByRole('table', { name: 'Impor, terbaru lebih dulu' });
    const row = await within(history).findByRole('row', { name: /tindak-lanjut\.csv/ });
    await view.user.click(
      await within(row).findByRole('button', { name: 'Urungkan impor tindak-lanjut.csv' }),
    );
    await view.user.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Ya, urungkan' }),
    );
    const alert = await screen.findByRole('alert', { name: 'Impor ini tidak dapat diurungkan' });
    expect(alert).toHaveTextContent('Tidak ada yang diubah.');
    expect(
      within(alert).getByRole('link', {
        name: 'Tindak lanjut: Menyusun laporan kunjungan (revisi)',
      }),
    ).toHaveAttribute('href', `/follow-ups/${item.id}`);
    expect((await importedTitles()).sort()).toEqual([
      'Mengirim surat <b>terima kasih</b>',
      'Menyusun laporan kunjungan (revisi)',
    ]);
  });

  it('speaks English: steps, mapping problems and cell errors', async () => {
    const view = await openImports({ locale: 'en' });
    await view.user.click(await screen.findByRole('radio', { name: 'Follow-ups' }));
    await view.user.upload(screen.getByLabelText(/^File/), csvFile(FOLLOW_UPS_CSV));
    await view.user.click(screen.getByRole('button', { name: 'Check the file' }));
    await screen.findByRole('heading', { name: /Match columns$/, level: 2 });
    expect(
      screen.getByText('No column is matched to "Owner" yet. Choose the column that holds it.'),
    ).toBeInTheDocument();
    await view.user.selectOptions(
      screen.getByRole('combobox', { name: 'Mitra field for column Nama PIC' }),
      'owner',
    );
    await view.user.click(screen.getByRole('button', { name: 'Continue to preview' }));
    const summary = await screen.findByRole('alert', { name: 'There are problems in 1 rows' });
    expect(within(summary).getAllByRole('link')[1]).toHaveTextContent(
      'Cell D4: Due date must be a real date, like 22/09/2025 or 22 September 2025',
    );
    expect(
      screen.getByRole('button', { name: 'Import only the 2 valid rows' }),
    ).toBeInTheDocument();
  });

  it('reads the chosen sheet of a workbook (XLSX sheet picker)', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Catatan').addRow(['Daftar ini diperbarui tiap bulan']);
    const sheet = book.addWorksheet('Tindak lanjut');
    sheet.addRow(['Judul', 'Kemitraan', 'Penanggung jawab', 'Tenggat']);
    sheet.addRow(['Forum teknis', 'Kota Binzhou', 'Budi Santoso', new Date(Date.UTC(2027, 8, 22))]);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const view = await openImports();
    await view.user.click(await screen.findByRole('radio', { name: 'Tindak lanjut' }));
    await view.user.upload(
      screen.getByLabelText(/^Berkas/),
      new File([bytes], 'tindak lanjut.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
    );
    const picker = await screen.findByRole('combobox', { name: 'Lembar kerja' }, { timeout: 10_000 });
    expect(within(picker).getAllByRole('option').map((o) => o.textContent)).toEqual(['Catatan', 'Tindak lanjut']);
    await view.user.selectOptions(picker, 'Tindak lanjut');
    await view.user.click(screen.getByRole('button', { name: 'Periksa berkas' }));
    await screen.findByRole('heading', { name: /Cocokkan kolom$/, level: 2 }, { timeout: 10_000 });
    expect(screen.getByRole('combobox', { name: 'Isian Mitra untuk kolom Penanggung jawab' })).toHaveValue('owner');
    await view.user.click(screen.getByRole('button', { name: 'Lanjut ke pratinjau' }));
    const preview = await screen.findByRole('table', { name: 'Baris berkas dan hasilnya' });
    expect(within(preview).getByRole('cell', { name: 'Forum teknis' })).toBeInTheDocument();
    expect(within(preview).getByText('Baru')).toBeInTheDocument();
  });

  it('is not offered to a role that creates nothing', async () => {
    renderApp('/imports', { userId: IDS.officer });
    expect(
      await screen.findByText('Peran Anda tidak dapat menambah data, jadi tidak dapat mengimpor.'),
    ).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Navigasi utama' });
    await within(nav).findByRole('link', { name: 'Dasbor' });
    expect(within(nav).queryByRole('link', { name: 'Impor' })).not.toBeInTheDocument();
  });
});
