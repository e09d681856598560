import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../render';

/**
 * The reference case (shared/data/README.md): every fact of the TANGERANGPEDIA report of the
 * Binzhou delegation visit must show on its meeting page, as reported.
 */
const VISIT_PATH = '/meetings/mtg-binzhou-visit-2025-09-22';
const TITLE = 'Kunjungan resmi delegasi Kota Binzhou';

const QUOTES = [
  'Kunjungan ini menjadi momentum penting dalam memperkuat hubungan kerja sama internasional, membuka jalur komunikasi yang lebih erat, serta mengeksplorasi potensi kolaborasi di berbagai sektor strategis.',
  'Semoga kunjungan ini melahirkan semangat baru dalam merealisasikan program nyata yang bermanfaat.',
  'Kami percaya kerja sama dengan Kabupaten Tangerang akan menghadirkan manfaat nyata, mulai dari pertukaran pengalaman, peluang bisnis, hingga pembangunan berkelanjutan bagi masyarakat kedua daerah.',
];

const FOLLOW_UP_TITLES = [
  'Menyelenggarakan forum teknis dengan Kota Binzhou',
  'Menyusun rancangan agenda bersama',
  'Mengusulkan program pertukaran pelajar',
  'Menyiapkan paket promosi pariwisata',
  'Merancang program pelatihan pemuda',
  'Memetakan kecocokan UMKM dan ekonomi kreatif',
];

/** The value (<dd>) beside a term (<dt>) of a summary list, as a reader pairs them. */
function definitionOf(term: string, scope: HTMLElement = document.body): HTMLElement {
  const dt = within(scope).getByText(term, { selector: 'dt' });
  const dd = dt.nextElementSibling;
  if (!(dd instanceof HTMLElement) || dd.tagName !== 'DD')
    throw new Error(`No value beside the term "${term}"`);
  return dd;
}

function listItemsOf(element: HTMLElement): string[] {
  return within(element)
    .getAllByRole('listitem')
    .map((li) => li.textContent ?? '');
}

/** Waits until the meeting and everything it names (people, organisations, sectors) has loaded. */
async function openVisit(locale: 'id' | 'en', names: { hostLead: string; followUps: string }) {
  const view = renderApp(VISIT_PATH, { locale });
  await screen.findByRole('heading', { level: 1, name: TITLE });
  await within(definitionOf(names.hostLead)).findByText(
    'Intan Nurul Hikmah, Wakil Bupati Tangerang',
  );
  await screen.findByRole('table', { name: names.followUps });
  return view;
}

describe('the meeting page of the Binzhou delegation visit', () => {
  it('shows every fact of the report, in Bahasa Indonesia', async () => {
    await openVisit('id', {
      hostLead: 'Pimpinan tuan rumah',
      followUps: 'Tindak lanjut dari pertemuan ini',
    });

    expect(screen.getByText('Kunjungan masuk')).toBeInTheDocument();
    expect(document.title).toBe(`${TITLE} — Mitra`);

    expect(definitionOf('Waktu')).toHaveTextContent(/^Senin, 22 September 2025$/);
    expect(within(definitionOf('Waktu')).getByText('Senin, 22 September 2025')).toHaveAttribute(
      'datetime',
      '2025-09-22',
    );
    expect(definitionOf('Tempat')).toHaveTextContent(
      /^Ruang Rapat Wareng, Gedung Kantor Bupati Tangerang$/,
    );
    expect(
      within(definitionOf('Kemitraan')).getByRole('link', { name: 'Kota Binzhou' }),
    ).toHaveAttribute('href', '/partners/pts-tangerang-binzhou');
    expect(definitionOf('Pimpinan tuan rumah')).toHaveTextContent(
      /^Intan Nurul Hikmah, Wakil Bupati Tangerang$/,
    );
    expect(definitionOf('Pimpinan delegasi')).toHaveTextContent(
      /^Qu Yuekuan, Deputy Mayor of Binzhou$/,
    );
    expect(definitionOf('Fasilitator')).toHaveTextContent(
      /^Indonesia–China Business Council \(ICBC\)$/,
    );
    expect(listItemsOf(definitionOf('Peserta'))).toEqual([
      'Tuan rumah: Intan Nurul Hikmah, Wakil Bupati Tangerang',
      'Tamu / delegasi: Qu Yuekuan, Deputy Mayor of Binzhou',
      'Tamu / delegasi: Indonesia–China Business Council (ICBC) — Perwakilan ICBC Jakarta dalam rombongan; nama tidak disebutkan dalam laporan',
    ]);
    expect(listItemsOf(definitionOf('Sektor yang dibahas'))).toEqual([
      'Pariwisata',
      'Ekonomi kreatif',
      'UMKM',
      'Pendidikan dan pertukaran pelajar',
      'Peningkatan kapasitas pemuda',
    ]);

    expect(screen.getByRole('note')).toHaveTextContent(
      'Sumber menyebut hari Selasa, tetapi 22 September 2025 jatuh pada hari Senin.',
    );

    const statements = screen.getByRole('region', { name: 'Pernyataan penting' });
    const quotes = within(statements).getAllByRole('figure');
    expect(quotes).toHaveLength(3);
    QUOTES.forEach((quote, i) => expect(quotes[i]).toHaveTextContent(quote));
    expect(quotes.map((q) => q.querySelector('figcaption')?.textContent)).toEqual([
      '— Intan Nurul Hikmah, Wakil Bupati Tangerang',
      '— Intan Nurul Hikmah, Wakil Bupati Tangerang',
      '— Qu Yuekuan, Deputy Mayor of Binzhou',
    ]);

    expect(listItemsOf(screen.getByRole('region', { name: 'Hasil' }))).toEqual([
      'Kedua pihak sepakat menindaklanjuti pertemuan ini dengan forum teknis.',
      'Kedua pihak sepakat menyusun agenda bersama.',
    ]);
    expect(listItemsOf(screen.getByRole('region', { name: 'Tujuan jangka panjang' }))).toEqual([
      'Penguatan ekonomi daerah',
      'Peningkatan daya saing global',
      'Perluasan jejaring investasi internasional',
    ]);

    const source = screen.getByRole('region', { name: 'Sumber' });
    expect(definitionOf('Penerbit', source)).toHaveTextContent(/^TANGERANGPEDIA$/);
    expect(definitionOf('Penulis', source)).toHaveTextContent(/^Redaksi \(Red\)$/);
    expect(definitionOf('Tanggal terbit', source)).toHaveTextContent(/^23 September 2025$/);
    expect(definitionOf('Tanggal menurut sumber', source)).toHaveTextContent(
      /^Selasa \(22\/09\/25\)$/,
    );

    const followUps = screen.getByRole('table', { name: 'Tindak lanjut dari pertemuan ini' });
    const titles = within(followUps)
      .getAllByRole('rowheader')
      .map((cell) => cell.textContent ?? '');
    expect(titles.toSorted()).toEqual(FOLLOW_UP_TITLES.toSorted());
  });

  it('shows the same facts in English, with the weekday derived from the date', async () => {
    await openVisit('en', { hostLead: 'Host lead', followUps: 'Follow-ups from this meeting' });

    expect(screen.getByText('Inbound visit')).toBeInTheDocument();
    expect(definitionOf('When')).toHaveTextContent('Monday');
    expect(definitionOf('When')).toHaveTextContent('22 September 2025');
    expect(definitionOf('Place')).toHaveTextContent(
      /^Ruang Rapat Wareng, Gedung Kantor Bupati Tangerang$/,
    );
    expect(definitionOf('Delegation lead')).toHaveTextContent(
      /^Qu Yuekuan, Deputy Mayor of Binzhou$/,
    );
    expect(definitionOf('Facilitators')).toHaveTextContent(
      /^Indonesia–China Business Council \(ICBC\)$/,
    );
    expect(listItemsOf(definitionOf('Sectors discussed'))).toEqual([
      'Tourism',
      'Creative economy',
      'MSMEs',
      'Education and student exchange',
      'Youth capacity building',
    ]);
    expect(screen.getByRole('note')).toHaveTextContent(
      'The source says Tuesday, but 22 September 2025 was a Monday.',
    );

    // What people said and what the source printed stay in their own language, marked as such.
    const quotes = within(screen.getByRole('region', { name: 'Notable statements' })).getAllByRole(
      'figure',
    );
    expect(quotes).toHaveLength(3);
    expect(quotes[0]?.querySelector('blockquote')).toHaveAttribute('lang', 'id');
    const source = screen.getByRole('region', { name: 'Source' });
    expect(definitionOf('Publisher', source)).toHaveTextContent(/^TANGERANGPEDIA$/);
    const reported = within(definitionOf('Date as reported', source)).getByText(
      'Selasa (22/09/25)',
    );
    expect(reported).toHaveAttribute('lang', 'id');

    const followUps = screen.getByRole('table', { name: 'Follow-ups from this meeting' });
    expect(within(followUps).getAllByRole('rowheader')).toHaveLength(6);
  });

  it('marks the meeting texts, written in Bahasa Indonesia, with their language in the English UI', async () => {
    await openVisit('en', { hostLead: 'Host lead', followUps: 'Follow-ups from this meeting' });
    for (const id of ['meeting-summary', 'meeting-outcomes', 'meeting-aims']) {
      const section = document.getElementById(id)?.closest('section');
      expect(section, id).toBeTruthy();
      const text = section!.querySelector('p, ul');
      expect(text?.closest('[lang]')?.getAttribute('lang'), id).toBe('id');
    }
    expect(screen.getByRole('heading', { level: 1 })).toHaveAttribute('lang', 'id');
  });

  it('says plainly when a meeting does not exist', async () => {
    renderApp('/meetings/mtg-does-not-exist');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Data yang Anda cari tidak ditemukan. Mungkin sudah dipindahkan atau alamatnya salah.',
    );
    // Asking again cannot find it: no "Coba lagi", but a way back.
    expect(screen.queryByRole('button', { name: 'Coba lagi' })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Terjadi masalah' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Kembali ke daftar pertemuan' })).toHaveAttribute(
      'href',
      '/meetings',
    );
  });
});
