import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { IDS } from '../../mocks/demo-data';
import { currentStore } from '../../mocks/node';
import { renderApp } from '../render';

const PATH = `/partners/${IDS.partnership}`;

async function openAsManager(locale: 'id' | 'en' = 'id') {
  const view = renderApp(PATH, { locale, userId: IDS.manager });
  await screen.findByRole('heading', { level: 1, name: /Binzhou/ }, { timeout: 5000 });
  return view;
}

async function fillStageChange(
  user: ReturnType<typeof renderApp>['user'],
  { to, day, month, year, note }: { to?: string; day?: string; month?: string; year?: string; note?: string },
) {
  const dialog = await screen.findByRole('dialog');
  if (to) await user.selectOptions(within(dialog).getByLabelText('Tahap baru'), to);
  for (const [label, value] of [['Tanggal', day], ['Bulan', month], ['Tahun', year]] as const) {
    if (value === undefined) continue;
    const input = within(dialog).getByLabelText(label, { selector: 'input' });
    await user.clear(input);
    await user.type(input, value);
  }
  if (note) await user.type(within(dialog).getByLabelText('Catatan'), note);
  return dialog;
}

describe('the partnership page', () => {
  it('shows the timeline with the 22 September 2025 visit and its follow-ups, filterable by kind', async () => {
    const { user } = await openAsManager();
    const timeline = screen.getByRole('region', { name: 'Linimasa' });
    const visit = await within(timeline).findByRole('link', { name: 'Kunjungan resmi delegasi Kota Binzhou' });
    const item = visit.closest('li') as HTMLElement;
    expect(within(item).getByText('22 September 2025')).toBeInTheDocument();
    await user.click(within(item).getByText('6 tindak lanjut disepakati'));
    expect(within(item).getByRole('link', { name: 'Menyusun rancangan agenda bersama' })).toBeInTheDocument();

    // Only stage changes: the meeting goes, the stage record stays.
    await user.click(within(timeline).getByRole('checkbox', { name: 'Pertemuan' }));
    await user.click(within(timeline).getByRole('checkbox', { name: 'Tindak lanjut' }));
    await waitFor(() => expect(within(timeline).queryByRole('link', { name: 'Kunjungan resmi delegasi Kota Binzhou' })).toBeNull());
    expect(within(timeline).getByText('Tahap awal: Penjajakan')).toBeInTheDocument();
  });

  it('moves the stage forward with a date and a note, and the change shows in the timeline and the history', async () => {
    const { user } = await openAsManager();
    await user.click(screen.getByRole('button', { name: 'Ubah tahap' }));
    const dialog = await fillStageChange(user, { to: 'letter-of-intent', day: '30', month: '10', year: '2025', note: 'Surat minat ditandatangani.' });
    // Only the transitions the domain allows are offered.
    const options = within(within(dialog).getByLabelText('Tahap baru')).getAllByRole('option').map((o) => o.getAttribute('value'));
    // exploring → MoU signed is allowed (issue 15: some partners sign an MoU without a letter of intent).
    expect(options).toEqual(['', 'letter-of-intent', 'mou-drafting', 'mou-signed', 'dormant', 'ended']);
    await user.click(within(dialog).getByRole('button', { name: 'Simpan tahap' }));

    expect(await screen.findByText('Tahap diubah menjadi Letter of intent (LoI).')).toHaveAttribute('role', 'status');
    expect((await currentStore().partnerships.get(IDS.partnership))?.stage).toBe('letter-of-intent');
    const timeline = screen.getByRole('region', { name: 'Linimasa' });
    expect(await within(timeline).findByText('Tahap berubah: Penjajakan → Letter of intent (LoI)')).toBeInTheDocument();
    expect(within(timeline).getByText('Catatan: Surat minat ditandatangani.')).toBeInTheDocument();

    const history = screen.getByRole('region', { name: 'Riwayat perubahan' });
    const change = await within(history).findByRole('row', { name: /Tahap/ });
    expect(within(change).getByText('Penjajakan').tagName).toBe('DEL');
    expect(within(change).getByText('Letter of intent (LoI)').tagName).toBe('INS');
    expect(within(history).getByText('Hendra Gunawan mengubah data ini')).toBeInTheDocument();
    // No noise: unchanged fields are not listed.
    expect(within(history).queryByRole('row', { name: /Jenis kemitraan/ })).toBeNull();
  });

  it('refuses a bad date and a missing stage with GOV.UK errors, changing nothing', async () => {
    const { user } = await openAsManager();
    await user.click(screen.getByRole('button', { name: 'Ubah tahap' }));
    const dialog = await fillStageChange(user, { day: '31', month: '2', year: '2025' });
    await user.click(within(dialog).getByRole('button', { name: 'Simpan tahap' }));
    const summary = within(dialog).getByRole('alert');
    expect(summary).toHaveFocus();
    expect(within(summary).getByRole('link', { name: 'Isian ini wajib diisi.' })).toBeInTheDocument();
    expect(within(summary).getByRole('link', { name: 'Masukkan tanggal yang benar.' })).toBeInTheDocument();
    expect((await currentStore().partnerships.get(IDS.partnership))?.version).toBe(1);
  });

  it('explains an invalid transition the API refuses, in words', async () => {
    const { user } = await openAsManager();
    // Meanwhile the stored stage became "ended" without a new version (as a broken client could):
    // the page still offers "letter of intent", and the API must refuse it.
    const stored = (await currentStore().partnerships.get(IDS.partnership))!;
    (await currentStore().partnerships.replace({ ...stored, stage: 'ended' }));
    await user.click(screen.getByRole('button', { name: 'Ubah tahap' }));
    const dialog = await fillStageChange(user, { to: 'letter-of-intent', day: '30', month: '10', year: '2025' });
    await user.click(within(dialog).getByRole('button', { name: 'Simpan tahap' }));
    expect(await within(dialog).findByRole('link', { name: 'Tahap tidak dapat diubah dari "Berakhir" ke "Letter of intent (LoI)".' })).toBeInTheDocument();
    expect((await currentStore().partnerships.get(IDS.partnership))?.stage).toBe('ended');
  });

  it('keeps the input through a 412 and shows the stage as it now is', async () => {
    const { user } = await openAsManager();
    await user.click(screen.getByRole('button', { name: 'Ubah tahap' }));
    const dialog = await fillStageChange(user, { to: 'mou-drafting', day: '30', month: '10', year: '2025', note: 'Draf MoU.' });
    // Someone else moves the stage first.
    const stored = (await currentStore().partnerships.get(IDS.partnership))!;
    (await currentStore().partnerships.replace({ ...stored, stage: 'letter-of-intent', version: 2 }));
    await user.click(within(dialog).getByRole('button', { name: 'Simpan tahap' }));
    expect(await within(dialog).findByText(/tahapnya kini Letter of intent \(LoI\)/)).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Catatan')).toHaveValue('Draf MoU.');
    expect(within(dialog).getByText('Tahap saat ini: Letter of intent (LoI)')).toBeInTheDocument();
    // Saving again goes against the new version.
    await user.click(within(dialog).getByRole('button', { name: 'Simpan tahap' }));
    await waitFor(async () => expect((await currentStore().partnerships.get(IDS.partnership))?.stage).toBe('mou-drafting'));
    expect((await currentStore().partnerships.get(IDS.partnership))?.version).toBe(3);
  });

  it('does not offer the stage change to a role that may not make it', async () => {
    renderApp(PATH, { userId: IDS.staff });
    await screen.findByRole('heading', { level: 1, name: /Binzhou/ }, { timeout: 5000 });
    await screen.findByRole('region', { name: 'Linimasa' });
    expect(screen.queryByRole('button', { name: 'Ubah tahap' })).toBeNull();
  });

  it('speaks English too', async () => {
    const { user } = await openAsManager('en');
    expect(await screen.findByRole('region', { name: 'Timeline' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Change history' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Change stage' }));
    expect(await screen.findByRole('dialog', { name: /Change stage/ })).toBeInTheDocument();
  });
});
