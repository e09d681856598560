import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { demoSnapshotWithSecondGovernment, IDS } from '../../mocks/demo-data';
import { currentStore, resetApi } from '../../mocks/node';
import { useDrafts } from '@/stores/drafts';
import { usePreferences } from '@/stores/preferences';
import { renderApp } from '../render';

/**
 * The home-government picker (issue 15): a new partnership (partnership form, or the visit
 * form's first contact) of a user of several governments asks which one it belongs to; the
 * header's choice of one is preselected; none chosen is a GOV.UK error; a user of one sees nothing.
 */

vi.setConfig({ testTimeout: 20_000 });
const BOTH = IDS.manager;
const PICK = /^Pemerintah asal/;

beforeEach(async () => {
  useDrafts.setState({ drafts: {} });
  usePreferences.setState({ homeRegionId: '' });
  const snapshot = demoSnapshotWithSecondGovernment();
  snapshot.users = snapshot.users.map((u) => (u.id === BOTH ? { ...u, homeRegionIds: [IDS.tangerang, IDS.kotaTangerang] } : u));
  await resetApi(snapshot);
});

async function openPartnershipForm(userId: string) {
  const view = renderApp('/partners/new', { userId });
  await screen.findByRole('button', { name: /^Simpan/ }, { timeout: 3000 });
  return view;
}

describe('the partnership form', () => {
  it('asks a user of several governments which one, with a GOV.UK error when none is chosen', async () => {
    const { user } = await openPartnershipForm(BOTH);
    const picker = screen.getByRole('combobox', { name: PICK });
    expect(picker).toHaveValue('');
    expect(within(picker).getAllByRole('option').map((o) => o.textContent)).toEqual(['— Pilih —', 'Kabupaten Tangerang', 'Kota Tangerang']);
    await user.click(screen.getByRole('button', { name: /^Simpan/ }));
    const summary = await screen.findByRole('alert', { name: 'Ada masalah' });
    expect(within(summary).getByRole('link', { name: 'Pemerintah asal: Isian ini wajib diisi.' })).toBeInTheDocument();
    await waitFor(() => expect(picker).toHaveAttribute('aria-invalid', 'true'));
  });

  it("starts in the header's government when one is chosen there", async () => {
    usePreferences.setState({ homeRegionId: IDS.kotaTangerang });
    await openPartnershipForm(BOTH);
    expect(screen.getByRole('combobox', { name: PICK })).toHaveValue(IDS.kotaTangerang);
  });

  it('shows nothing to a user of one government', async () => {
    await resetApi(); // one government in the deployment
    await openPartnershipForm(BOTH);
    expect(screen.queryByRole('combobox', { name: PICK })).toBeNull();
  });
});

describe('the visit form, for a new partner', () => {
  it('asks a user of several governments which one, required before sending', async () => {
    const { user } = renderApp('/meetings/new', { userId: BOTH });
    await user.click(await screen.findByRole('radio', { name: 'Mitra baru (kontak pertama)' }, { timeout: 3000 }));
    const picker = screen.getByRole('combobox', { name: PICK });
    expect(picker).toHaveValue('');
    await user.click(screen.getByRole('button', { name: 'Simpan kunjungan' }));
    const summary = await screen.findByRole('alert', { name: 'Ada masalah' });
    expect(within(summary).getByRole('link', { name: 'Pemerintah asal: Isian ini wajib diisi.' })).toBeInTheDocument();
    await user.selectOptions(picker, IDS.kotaTangerang);
    expect(picker).toHaveValue(IDS.kotaTangerang);
  });

  it('is not there for a user of one government', async () => {
    const { user } = renderApp('/meetings/new', { userId: IDS.officer });
    await user.click(await screen.findByRole('radio', { name: 'Mitra baru (kontak pertama)' }, { timeout: 3000 }));
    expect(screen.queryByRole('combobox', { name: PICK })).toBeNull();
  });
});

describe('the users page, with several governments', () => {
  it('lets an administrator tick the governments a new user works for', async () => {
    const { user } = renderApp('/admin/users', { userId: IDS.admin });
    await screen.findByRole('table', { name: 'Semua pengguna' }, { timeout: 3000 });
    const form = screen.getByRole('form', { name: 'Tambah pengguna' });
    const group = within(form).getByRole('group', { name: /^Pemerintah/ });
    // Both are named "Tangerang" (the level tells them apart, in every label): listed by name, then id.
    expect(within(group).getAllByRole('checkbox').map((c) => c.getAttribute('value'))).toEqual([IDS.tangerang, IDS.kotaTangerang]);
    await user.type(screen.getByRole('textbox', { name: 'Nama lengkap' }), 'Agus Salim');
    await user.type(screen.getByRole('textbox', { name: 'Alamat email' }), 'agus@tangerangkota.go.id');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Peran' }), 'staff');
    await user.click(within(group).getByRole('checkbox', { name: 'Kota Tangerang' }));
    await user.click(screen.getByRole('button', { name: 'Tambah pengguna' }));
    expect(await screen.findByText('Agus Salim ditambahkan.')).toBeInTheDocument();
    const saved = (await currentStore().users.all()).find((u) => u.email === 'agus@tangerangkota.go.id');
    expect(saved?.homeRegionIds).toEqual([IDS.kotaTangerang]);
  });

  it("changes a user's governments from the list", async () => {
    const { user } = renderApp('/admin/users', { userId: IDS.admin });
    const row = await screen.findByRole('row', { name: /^Rina Wulandari/ }, { timeout: 3000 });
    await user.click(within(row).getByText('Ubah pemerintah Rina Wulandari'));
    await user.click(within(row).getByRole('checkbox', { name: 'Kota Tangerang' }));
    await user.click(within(row).getByRole('button', { name: 'Simpan pemerintah' }));
    await waitFor(async () =>
      expect((await currentStore().users.all()).find((u) => u.id === IDS.staff)?.homeRegionIds.toSorted()).toEqual(
        [IDS.kotaTangerang, IDS.tangerang].toSorted(),
      ),
    );
    // None ticked for a staff member: refused, said beside the boxes, nothing changed.
    await user.click(within(row).getByRole('checkbox', { name: 'Kota Tangerang' }));
    await user.click(within(row).getByRole('checkbox', { name: 'Kabupaten Tangerang' }));
    await user.click(within(row).getByRole('button', { name: 'Simpan pemerintah' }));
    expect(await within(row).findByText(/Pilih paling sedikit satu pemerintah/)).toBeInTheDocument();
    expect((await currentStore().users.all()).find((u) => u.id === IDS.staff)?.homeRegionIds).toHaveLength(2);
  });

  it('adds a new home government, with GOV.UK errors first', async () => {
    const { user } = renderApp('/admin/users', { userId: IDS.admin });
    await screen.findByRole('table', { name: 'Semua pengguna' }, { timeout: 3000 });
    const form = screen.getByRole('form', { name: 'Tambah pemerintah asal' });
    await user.click(within(form).getByRole('button', { name: 'Tambah pemerintah' }));
    const summary = await within(form).findByRole('alert');
    expect(within(summary).getAllByRole('link').map((a) => a.textContent)).toEqual([
      'Nama pemerintah: Isian ini wajib diisi.',
      'Tingkat pemerintahan: Pilih salah satu pilihan yang tersedia.',
    ]);
    await user.type(within(form).getByRole('textbox', { name: 'Nama pemerintah' }), 'Kota Tangerang Selatan');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Tingkat pemerintahan' }), 'city');
    await user.click(within(form).getByRole('button', { name: 'Tambah pemerintah' }));
    expect(await screen.findByText('Kota Tangerang Selatan ditambahkan sebagai pemerintah asal.')).toBeInTheDocument();
    const regions = await currentStore().regions.all();
    expect(regions.find((r) => r.name === 'Kota Tangerang Selatan')).toMatchObject({ role: 'home', level: 'city', countryCode: 'ID' });
  });
});
