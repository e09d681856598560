import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { generateSnapshot } from '../../mocks/generator';
import { resetApi, server } from '../../mocks/node';
import { renderApp } from '../render';

const TABLE_NAME = 'Daftar tindak lanjut';

/**
 * The table as a reader sees it: one record per body row, keyed by column heading. Read through
 * the table DOM (rows, cells) because role queries over hundreds of cells are slow in jsdom.
 */
function recordsOf(table: HTMLElement): Array<Record<string, string>> {
  if (!(table instanceof HTMLTableElement)) throw new Error('Not a table');
  const headings = Array.from(table.tHead?.rows[0]?.cells ?? [], (cell) => cell.textContent ?? '');
  return Array.from(table.tBodies[0]?.rows ?? [], (row) =>
    Object.fromEntries(
      Array.from(row.cells, (cell, i) => [headings[i] ?? `#${i}`, cell.textContent ?? '']),
    ),
  );
}

describe('the follow-ups page', () => {
  it('lists the demo follow-ups and filters them by status through the URL', async () => {
    const { user, router } = renderApp('/follow-ups');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Tindak lanjut' }),
    ).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: TABLE_NAME });
    const all = recordsOf(table);
    expect(all).toHaveLength(13);
    expect(all.map((r) => r.Judul)).toContain('Menyelenggarakan forum teknis dengan Kota Binzhou');
    expect(new Set(all.map((r) => r.Status))).toEqual(
      new Set(['Terbuka', 'Sedang berjalan', 'Terhambat', 'Selesai', 'Dibatalkan']),
    );
    expect(screen.getByText('Menampilkan 13 dari 13')).toBeInTheDocument();

    const status = screen.getByRole('combobox', { name: 'Status' });
    expect(status).toHaveDisplayValue('Semua');
    await user.selectOptions(status, 'Terhambat');

    expect(router.state.location.search).toContain('status=blocked');
    await screen.findByText('Menampilkan 1 dari 1');
    const blocked = recordsOf(screen.getByRole('table', { name: TABLE_NAME }));
    expect(blocked).toEqual([
      expect.objectContaining({ Judul: 'Merancang program pelatihan pemuda', Status: 'Terhambat' }),
    ]);

    await user.selectOptions(status, 'Semua');
    expect(router.state.location.search).toBe('');
    await screen.findByText('Menampilkan 13 dari 13');
  });

  it('opens with the filter of its address preselected', async () => {
    renderApp('/follow-ups?status=done');

    const table = await screen.findByRole('table', { name: TABLE_NAME });
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveDisplayValue('Selesai');
    const done = recordsOf(table);
    expect(done.map((r) => r.Judul).toSorted()).toEqual(
      [
        'Menyusun rancangan agenda bersama',
        'Menyiapkan pertukaran pelatihan vokasi (contoh)',
        'Mengirim tanggapan atas draf MoU (contoh)',
      ].toSorted(),
    );
    expect(done.every((r) => r.Status === 'Selesai')).toBe(true);
  });

  it('ignores a status the app does not know and shows everything', async () => {
    renderApp('/follow-ups?status=lost');

    const table = await screen.findByRole('table', { name: TABLE_NAME });
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveDisplayValue('Semua');
    expect(recordsOf(table)).toHaveLength(13);
  });

  it('says so when nothing matches the filter', async () => {
    server.use(
      http.get('/api/follow-ups', () =>
        HttpResponse.json({ items: [], total: 0, nextCursor: null }),
      ),
    );
    renderApp('/follow-ups?status=cancelled');

    expect(
      await screen.findByText('Tidak ada tindak lanjut yang cocok dengan filter ini.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: TABLE_NAME })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Muat lebih banyak' })).not.toBeInTheDocument();
  });

  it('loads more than a page, one page at a time, without repeating a row', async () => {
    resetApi(generateSnapshot({ seed: 42, followUps: 120, meetings: 0, partnerships: 0 }));
    const { user } = renderApp('/follow-ups');

    const table = await screen.findByRole('table', { name: TABLE_NAME });
    expect(screen.getByText('Menampilkan 50 dari 133')).toBeInTheDocument();
    expect(recordsOf(table)).toHaveLength(50);

    await user.click(screen.getByRole('button', { name: 'Muat lebih banyak' }));
    expect(await screen.findByText('Menampilkan 100 dari 133')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Muat lebih banyak' }));
    expect(await screen.findByText('Menampilkan 133 dari 133')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Muat lebih banyak' })).not.toBeInTheDocument();

    const titles = recordsOf(screen.getByRole('table', { name: TABLE_NAME })).map((r) => r.Judul);
    expect(titles).toHaveLength(133);
    expect(new Set(titles).size).toBe(133);
  });
});
