import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { IDS } from '../../mocks/demo-data';
import { currentStore } from '../../mocks/node';
import { renderApp } from '../render';

/** Issue 15 item 6: every part of the record editable after saving. */
const EDIT_PATH = `/meetings/${IDS.visit}/edit`;

describe('the meeting edit form: the record as reported', () => {
  it('edits aims, delegation sizes, names as reported, a participant and a quote; the meeting page shows them', { timeout: 90_000 }, async () => {
    const { user } = renderApp(EDIT_PATH);
    await screen.findByRole('heading', { level: 1, name: 'Ubah pertemuan' });
    const form = document.querySelector('form.visit-form') as HTMLElement;

    await user.click(within(form).getByRole('button', { name: 'Tambah tujuan' }));
    // The visit has aims already: the new one is the last row.
    await user.type(within(form).getAllByRole('textbox', { name: /^Tujuan \d+$/ }).at(-1)!, 'Vokasi');
    const guest = within(form).getByRole('group', { name: 'Tamu / delegasi' });
    await user.type(within(guest).getByRole('textbox', { name: /^Jumlah orang/ }), '80');
    await user.type(within(guest).getByRole('textbox', { name: /^Jumlah negara/ }), '12');
    await user.click(within(form).getByRole('button', { name: 'Tambah nama' }));
    await user.type(within(form).getByRole('textbox', { name: 'Nama 1' }), 'Walikota Binzhou');
    const quote = within(form).getByRole('group', { name: 'Pernyataan 1' });
    const quoteBox = within(quote).getByRole('textbox', { name: 'Kutipan' });
    await user.clear(quoteBox);
    await user.type(quoteBox, 'Diperbaiki.');
    const participantsBefore = within(form).queryAllByRole('group', { name: /^Peserta \d+$/ }).length;
    await user.click(within(form).getByRole('button', { name: 'Tambah peserta' }));
    const added = within(form).getByRole('group', { name: `Peserta ${participantsBefore + 1}` });
    await user.type(within(added).getByRole('textbox', { name: /^Keterangan/ }), 'Staf Bappeda');

    await user.click(within(form).getByRole('button', { name: 'Simpan perubahan' }));
    // Saved: the meeting page, with its "as reported" section.
    const record = await screen.findByRole('region', { name: 'Menurut laporan' }, { timeout: 10_000 });
    expect(within(record).getAllByRole('listitem').map((li) => li.textContent)).toContain('Tamu / delegasi: 80 orang dari 12 negara');
    expect(within(record).getByText('Walikota Binzhou')).toBeInTheDocument();

    await waitFor(async () => {
      const stored = (await currentStore().meetings.get(IDS.visit))!;
      expect(stored.aims).toContain('Vokasi');
      expect(stored.delegationSize).toEqual({ guest: { people: 80, countries: 12 } });
      expect(stored.namesAsReported).toEqual(['Walikota Binzhou']);
      expect(stored.statements[0]!.text).toBe('Diperbaiki.');
      expect(stored.participants.at(-1)).toEqual({ side: 'guest', description: 'Staf Bappeda' });
    });
  });

  it('names a bad delegation size in the summary and saves nothing', async () => {
    const { user } = renderApp(EDIT_PATH);
    await screen.findByRole('heading', { level: 1, name: 'Ubah pertemuan' });
    const form = document.querySelector('form.visit-form') as HTMLElement;
    const before = (await currentStore().meetings.get(IDS.visit))!.version;
    const host = within(form).getByRole('group', { name: 'Tuan rumah' });
    await user.type(within(host).getByRole('textbox', { name: /^Jumlah orang/ }), '0');
    await user.click(within(form).getByRole('button', { name: 'Simpan perubahan' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getAllByRole('link').map((a) => a.textContent)).toEqual([expect.stringMatching(/^Tuan rumah: Jumlah orang: /)]);
    expect(within(host).getByRole('textbox', { name: /^Jumlah orang/ })).toHaveAttribute('aria-invalid', 'true');
    expect((await currentStore().meetings.get(IDS.visit))!.version).toBe(before);
  });
});
