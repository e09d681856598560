import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import Papa from 'papaparse';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportSummary } from '../../src/domain/import/api';
import { server } from '../../mocks/node';
import { renderApp } from '../render';

/**
 * Issue 14: "Unduh CSV" on the partners, meetings and people lists (the file the import reads
 * back), and the import history a page at a time ("Muat lebih banyak").
 */

/** What the app hands the browser to save: the file name and its contents. */
function captureDownloads() {
  const files: Array<{ name: string; blob: Blob }> = [];
  const blobs = new Map<string, Blob>();
  Object.defineProperty(URL, 'createObjectURL', {
    configurable: true,
    value: (blob: Blob) => {
      const href = `blob:mitra/${blobs.size + 1}`;
      blobs.set(href, blob);
      return href;
    },
  });
  Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, value: () => undefined });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href);
    if (blob) files.push({ name: this.download, blob });
  });
  return files;
}

const rowsOf = async (blob: Blob) => Papa.parse<string[]>((await blob.text()).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

afterEach(() => vi.restoreAllMocks());

describe('Unduh CSV on the lists', () => {
  for (const [path, api, name, header] of [
    ['/partners', '/api/partnerships', /^mitra-kemitraan-\d{4}-\d{2}-\d{2}\.csv$/, 'Daerah mitra'],
    ['/meetings', '/api/meetings', /^mitra-pertemuan-\d{4}-\d{2}-\d{2}\.csv$/, 'Tanggal pertemuan'],
    ['/reference', '/api/people', /^mitra-orang-\d{4}-\d{2}-\d{2}\.csv$/, 'Jabatan'],
  ] as const) {
    it(`${path}: saves the list, in the user's language, with the import's headers`, async () => {
      const files = captureDownloads();
      const { user } = renderApp(path);
      const button = await screen.findByRole('button', { name: /^Unduh CSV/ }, { timeout: 10_000 });
      // Keyboard: the button takes focus and Enter downloads.
      button.focus();
      await user.keyboard('{Enter}');
      await waitFor(() => expect(files).toHaveLength(1));
      expect(files[0]!.name).toMatch(name);
      const rows = await rowsOf(files[0]!.blob);
      expect(rows[0]![0]).toBe('ID');
      expect(rows[0]).toContain(header);
      const listed = (await (await fetch(`${api}?limit=100`, { headers: { 'x-mitra-user': 'usr-rina' } })).json()) as { total: number };
      expect(rows.length - 1).toBe(listed.total);
      expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    });
  }

  it('speaks English, and says a failed download with a retry', async () => {
    const files = captureDownloads();
    server.use(http.get('/api/meetings/export.csv', () => HttpResponse.error(), { once: true }));
    const { user } = renderApp('/meetings', { locale: 'en' });
    await user.click(await screen.findByRole('button', { name: /^Download CSV/ }, { timeout: 10_000 }));
    const alert = await screen.findByRole('alert');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(files).toHaveLength(1));
    expect(files[0]!.name).toMatch(/^mitra-meetings-/);
    expect((await rowsOf(files[0]!.blob))[0]).toContain('Date of the meeting');
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
  });
});

describe('the import history, a page at a time', () => {
  it('shows 50, then the next ones on "Muat lebih banyak", then says all are shown', async () => {
    const summary = (i: number): ImportSummary => ({
      id: `imp-${i}`,
      resource: 'people',
      fileName: `orang-${i}.csv`,
      status: 'previewed',
      createdAt: new Date(Date.UTC(2025, 9, 1, 0, 0, 60 - i)).toISOString(),
      createdBy: { id: 'usr-rina', name: 'Rina Wulandari' },
      rows: 1,
      valid: 1,
      invalid: 0,
    });
    const asked: Array<string | null> = [];
    server.use(
      http.get('/api/imports', ({ request }) => {
        const url = new URL(request.url);
        asked.push(url.searchParams.get('cursor'));
        return url.searchParams.get('cursor') === 'page-2'
          ? HttpResponse.json({ items: [50, 51, 52].map(summary) })
          : HttpResponse.json({ items: Array.from({ length: 50 }, (_, i) => summary(i)), nextCursor: 'page-2' });
      }),
    );
    const { user } = renderApp('/imports');
    const more = await screen.findByRole('button', { name: 'Muat lebih banyak' }, { timeout: 10_000 });
    expect(screen.getByRole('table', { name: 'Impor, terbaru lebih dulu' }).querySelectorAll('tbody tr')).toHaveLength(50);
    await user.click(more);
    await waitFor(() => expect(screen.getByRole('table', { name: 'Impor, terbaru lebih dulu' }).querySelectorAll('tbody tr')).toHaveLength(53));
    expect(asked).toEqual([null, 'page-2']);
    expect(screen.queryByRole('button', { name: 'Muat lebih banyak' })).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByText('Semua impor ditampilkan.')).toHaveFocus());
  });
});
