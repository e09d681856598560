import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { demoSnapshot, IDS } from '../../mocks/demo-data';
import { renderApp } from '../render';

/** Issue 15 item 5: sectors managed by administrators, offered in the visit form at once. */
async function openSectors(userId: string = IDS.admin) {
  const view = renderApp('/admin/sectors', { userId });
  await screen.findByRole('heading', { level: 1, name: 'Sektor' });
  return view;
}

describe('the sectors page (administrators)', () => {
  it('lists every sector, active or not, and is linked from the nav for administrators', async () => {
    await openSectors();
    const table = await screen.findByRole('table', { name: 'Semua sektor' });
    expect(within(table).getAllByRole('row')).toHaveLength(demoSnapshot().sectors.length + 1);
    const nav = screen.getByRole('navigation', { name: 'Navigasi utama' });
    expect(await within(nav).findByRole('link', { name: 'Sektor' })).toHaveAttribute('href', '/admin/sectors');
  });

  it('is not for other roles', async () => {
    renderApp('/admin/sectors', { userId: IDS.manager });
    expect(await screen.findByText('Peran Anda tidak diizinkan melakukan ini. Tidak ada yang diubah.')).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Semua sektor' })).not.toBeInTheDocument();
  });

  it('refuses a colour too light for the charts, in the summary and beside the field, and adds nothing', async () => {
    const { user } = await openSectors();
    await screen.findByRole('table', { name: 'Semua sektor' });
    const add = screen.getByRole('form', { name: 'Tambah sektor' });
    await user.type(within(add).getByRole('textbox', { name: 'Kode' }), 'ekonomi-digital');
    await user.type(within(add).getByRole('textbox', { name: 'Nama dalam Bahasa Indonesia' }), 'Ekonomi digital');
    await user.type(within(add).getByRole('textbox', { name: 'Nama dalam bahasa Inggris' }), 'Digital economy');
    await user.type(within(add).getByRole('textbox', { name: 'Warna' }), '#ffdd00');
    expect(within(add).getByText(/Kontras dengan latar grafik: 1\.\d:1/)).toBeInTheDocument();
    await user.click(within(add).getByRole('button', { name: 'Tambah sektor' }));
    const summary = await within(add).findByRole('alert');
    expect(within(summary).getAllByRole('link').map((a) => a.textContent)).toEqual([
      'Warna: Warna ini terlalu terang untuk dibaca di latar grafik: kontrasnya dengan putih minimal 4.5:1.',
    ]);
    expect(within(add).getByRole('textbox', { name: 'Warna' })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('row', { name: /^Ekonomi digital/ })).not.toBeInTheDocument();
  });

  it('adds a sector that the visit form offers at once, and retires one that it then no longer offers', async () => {
    const { user, router } = await openSectors();
    await screen.findByRole('table', { name: 'Semua sektor' });
    const add = screen.getByRole('form', { name: 'Tambah sektor' });
    await user.type(within(add).getByRole('textbox', { name: 'Kode' }), 'ekonomi-digital');
    await user.type(within(add).getByRole('textbox', { name: 'Nama dalam Bahasa Indonesia' }), 'Ekonomi digital');
    await user.type(within(add).getByRole('textbox', { name: 'Nama dalam bahasa Inggris' }), 'Digital economy');
    await user.type(within(add).getByRole('textbox', { name: 'Warna' }), '#1d70b8');
    await user.click(within(add).getByRole('button', { name: 'Tambah sektor' }));
    expect(await screen.findByRole('row', { name: /^Ekonomi digital/ })).toBeInTheDocument();
    expect(await screen.findByText(/^Sektor Ekonomi digital ditambahkan./)).toHaveAttribute('role', 'status');

    await user.click(screen.getByRole('button', { name: 'Pensiunkan Pariwisata' }));
    await waitFor(() => expect(within(screen.getByRole('row', { name: /^Pariwisata/ })).getByText(/^Dipensiunkan/)).toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'Aktifkan lagi Pariwisata' })).toBeInTheDocument();

    await act(() => router.navigate('/meetings/new'));
    const sectors = await screen.findByRole('group', { name: 'Sektor yang dibahas' });
    expect(within(sectors).getByRole('checkbox', { name: 'Ekonomi digital' })).toBeInTheDocument();
    expect(within(sectors).queryByRole('checkbox', { name: 'Pariwisata' })).not.toBeInTheDocument();
    expect(within(sectors).getByRole('checkbox', { name: 'Kota cerdas' })).toBeInTheDocument();
  });
});
