import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { demoSnapshot, IDS } from '../../mocks/demo-data';
import { currentStore } from '../../mocks/node';
import { renderApp } from '../render';
import { PASSWORD, useServerMode } from './auth-api';

async function openUsers(userId: string = IDS.admin) {
  const view = renderApp('/admin/users', { userId });
  await screen.findByRole('heading', { level: 1, name: 'Pengguna' });
  return view;
}

const rowOf = (name: string) => screen.getByRole('row', { name: new RegExp(`^${name}`) });

describe('the users page (administrators)', () => {
  it('lists every user with email, role and status, and links from the nav for admins only', async () => {
    await openUsers();
    const table = await screen.findByRole('table', { name: 'Semua pengguna' });
    expect(within(table).getAllByRole('row')).toHaveLength(demoSnapshot().users.length + 1);
    expect(within(rowOf('Budi Santoso')).getByRole('cell', { name: 'Petugas kerja sama' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Navigasi utama' });
    expect(await within(nav).findByRole('link', { name: 'Pengguna' })).toHaveAttribute('href', '/admin/users');
    expect(screen.getByRole('button', { name: 'Unduh jejak audit (CSV)' })).toBeInTheDocument();
  });

  it('is not for other roles: no nav link, no list', async () => {
    renderApp('/admin/users', { userId: IDS.manager });
    expect(await screen.findByText('Peran Anda tidak diizinkan melakukan ini. Tidak ada yang diubah.')).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Semua pengguna' })).not.toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Navigasi utama' });
    await screen.findByRole('link', { name: 'Dasbor' });
    expect(within(nav).queryByRole('link', { name: 'Pengguna' })).not.toBeInTheDocument();
  });

  it('adds a user: every problem in the summary and beside its field, then the new row', async () => {
    const { user } = await openUsers();
    await screen.findByRole('table', { name: 'Semua pengguna' });
    await user.click(screen.getByRole('button', { name: 'Tambah pengguna' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getAllByRole('link').map((a) => a.textContent)).toEqual([
      'Nama lengkap: Isian ini wajib diisi.',
      'Alamat email: Masukkan alamat surel seperti nama@contoh.go.id.',
      'Peran: Pilih salah satu pilihan yang tersedia.',
    ]);
    await waitFor(() => expect(summary).toHaveFocus());
    expect(screen.getByRole('textbox', { name: 'Nama lengkap' })).toHaveAttribute('aria-invalid', 'true');
    // No password in the demo: the demo API names its user in a header.
    expect(screen.queryByLabelText('Kata sandi awal')).not.toBeInTheDocument();

    await user.type(screen.getByRole('textbox', { name: 'Nama lengkap' }), 'Agus Salim');
    await user.type(screen.getByRole('textbox', { name: 'Alamat email' }), 'agus@tangerangkab.go.id');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Peran' }), 'officer');
    await user.click(screen.getByRole('button', { name: 'Tambah pengguna' }));

    expect(await screen.findByText('Agus Salim ditambahkan.')).toBeInTheDocument();
    expect(await screen.findByRole('row', { name: /^Agus Salim/ })).toBeInTheDocument();
    expect((await currentStore().users.all()).find((u) => u.email === 'agus@tangerangkab.go.id')).toMatchObject({ role: 'officer', active: true });
    expect(screen.queryByRole('heading', { name: 'Ada masalah' })).not.toBeInTheDocument();
  });

  it('disables and enables a user; the administrator cannot disable themselves', async () => {
    const { user } = await openUsers();
    await screen.findByRole('table', { name: 'Semua pengguna' });
    expect(within(rowOf('Sari Puspita')).queryByRole('button', { name: /Nonaktifkan/ })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Nonaktifkan Budi Santoso' }));
    expect(await screen.findByText('Budi Santoso dinonaktifkan. Semua sesinya diakhiri.')).toBeInTheDocument();
    await waitFor(() => expect(within(rowOf('Budi Santoso')).getByRole('cell', { name: 'Nonaktif' })).toBeInTheDocument());
    expect((await currentStore().users.get(IDS.officer))?.active).toBe(false);

    await user.click(await screen.findByRole('button', { name: 'Aktifkan Budi Santoso' }));
    await waitFor(async () => expect((await currentStore().users.get(IDS.officer))?.active).toBe(true));
  });

  it('with sign-in on: a first password of 15+ characters, and a reset in a dialog that ends the sessions', async () => {
    const api = await useServerMode({ [IDS.admin]: PASSWORD, [IDS.officer]: PASSWORD });
    const { user } = renderApp('/sign-in?next=/admin/users');
    await screen.findByRole('heading', { level: 1, name: 'Masuk' });
    await user.type(screen.getByLabelText('Alamat email'), demoSnapshot().users.find((u) => u.id === IDS.admin)!.email);
    await user.type(screen.getByLabelText('Kata sandi'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Masuk' }));
    await screen.findByRole('table', { name: 'Semua pengguna' });

    await user.type(screen.getByRole('textbox', { name: 'Nama lengkap' }), 'Agus Salim');
    await user.type(screen.getByRole('textbox', { name: 'Alamat email' }), 'agus@tangerangkab.go.id');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Peran' }), 'staff');
    await user.type(screen.getByLabelText('Kata sandi awal'), 'terlalu pendek');
    await user.click(screen.getByRole('button', { name: 'Tambah pengguna' }));
    expect(await screen.findByRole('link', { name: 'Kata sandi awal: Kata sandi paling sedikit 15 karakter' })).toBeInTheDocument();
    expect((await api.store.users.count())).toBe(demoSnapshot().users.length);

    await user.type(screen.getByLabelText('Kata sandi awal'), ' sekali');
    await user.click(screen.getByRole('button', { name: 'Tambah pengguna' }));
    expect(await screen.findByText('Agus Salim ditambahkan.')).toBeInTheDocument();
    const created = (await api.store.users.all()).find((u) => u.email === 'agus@tangerangkab.go.id')!;
    expect(await api.auth.hasPassword(created.id)).toBe(true);

    const opener = screen.getByRole('button', { name: 'Atur ulang kata sandi Budi Santoso' });
    await user.click(opener);
    const dialog = await screen.findByRole('dialog', { name: 'Kata sandi baru untuk Budi Santoso' });
    const field = within(dialog).getByLabelText('Kata sandi awal');
    expect(field).toHaveFocus();
    await user.type(field, 'pendek');
    await user.click(within(dialog).getByRole('button', { name: 'Simpan kata sandi' }));
    expect(await within(dialog).findByText('Kata sandi paling sedikit 15 karakter')).toBeInTheDocument();
    await user.type(field, ' tapi sekarang cukup panjang');
    await user.click(within(dialog).getByRole('button', { name: 'Simpan kata sandi' }));
    expect(await screen.findByText('Kata sandi Budi Santoso diganti. Semua sesinya diakhiri.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() => expect(opener).toHaveFocus());
  });
});
