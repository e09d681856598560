import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../../mocks/node';
import { renderApp } from '../render';

const SERVER_ERROR = 'Terjadi kesalahan di server. Tidak ada yang diubah. Coba lagi sebentar lagi.';
const NETWORK_ERROR =
  'Tidak dapat terhubung ke server. Periksa koneksi internet Anda, lalu coba lagi.';

function failMeetingsWith500() {
  server.use(
    http.get('/api/meetings', () =>
      HttpResponse.json(
        { type: '/problems/internal', title: 'Internal error', status: 500 },
        { status: 500, headers: { 'content-type': 'application/problem+json' } },
      ),
    ),
  );
}

describe('when the API fails', () => {
  it('says the server failed, keeps the page usable and loads the list on "Coba lagi"', async () => {
    failMeetingsWith500();
    const { user } = renderApp('/meetings');

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'Terjadi masalah' })).toBeInTheDocument();
    expect(alert).toHaveTextContent(SERVER_ERROR);
    // The shell around the failed list still works.
    expect(screen.getByRole('heading', { level: 1, name: 'Pertemuan' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Navigasi utama' })).toBeInTheDocument();

    server.resetHandlers();
    await user.click(within(alert).getByRole('button', { name: 'Coba lagi' }));

    const table = await screen.findByRole('table', {
      name: 'Daftar pertemuan, terbaru lebih dulu',
    });
    expect(
      within(table).getByRole('link', { name: 'Kunjungan resmi delegasi Kota Binzhou' }),
    ).toHaveAttribute('href', '/meetings/mtg-binzhou-visit-2025-09-22');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says the server failed in English too', async () => {
    failMeetingsWith500();
    renderApp('/meetings', { locale: 'en' });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Something went wrong on the server. Nothing was changed. Try again in a moment.',
    );
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('says the server cannot be reached when the network fails', async () => {
    server.use(http.get('/api/meetings', () => HttpResponse.error()));
    renderApp('/meetings');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(NETWORK_ERROR);
    expect(within(alert).getByRole('button', { name: 'Coba lagi' })).toBeInTheDocument();
  });

  it('shows the failed key figures beside the charts that loaded, and loads them on "Coba lagi"', async () => {
    server.use(
      http.get('/api/stats/kpis', () =>
        HttpResponse.json(
          { type: '/problems/internal', title: 'Internal error', status: 500 },
          { status: 500, headers: { 'content-type': 'application/problem+json' } },
        ),
      ),
    );
    const { user } = renderApp('/?year=2025');

    const figures = await screen.findByRole('region', { name: 'Indikator utama' });
    const alert = await within(figures).findByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'Terjadi masalah' })).toBeInTheDocument();
    expect(alert).toHaveTextContent(SERVER_ERROR);
    expect(within(figures).queryByRole('term')).not.toBeInTheDocument();
    // Everything else on the page has its own data and still shows it.
    const chart = await screen.findByRole(
      'region',
      { name: 'Tindak lanjut per sektor dan status' },
      { timeout: 5000 },
    );
    // Each chart draws when its own figures arrive (card by card): wait for this one's table.
    expect(
      await within(chart).findByRole('table', { name: 'Tindak lanjut per sektor dan status' }, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Kemitraan per tahap' })).toBeInTheDocument();
    expect(
      screen.getByRole('region', { name: 'Kemitraan yang perlu perhatian (per hari ini)' }),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('alert')).toEqual([alert]);

    server.resetHandlers();
    await user.click(within(alert).getByRole('button', { name: 'Coba lagi' }));

    expect(await within(figures).findAllByRole('term')).toHaveLength(5);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('an address that Mitra does not have', () => {
  it('shows "Halaman tidak ditemukan" with a way back to the dashboard', async () => {
    const { user } = renderApp('/nope');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Halaman tidak ditemukan' }),
    ).toBeInTheDocument();
    expect(document.title).toBe('Halaman tidak ditemukan — Mitra');
    const home = screen.getByRole('link', { name: 'Ke dasbor' });
    expect(home).toHaveAttribute('href', '/');

    await user.click(home);
    expect(await screen.findByRole('heading', { level: 1, name: 'Dasbor' })).toBeInTheDocument();
  });
});
