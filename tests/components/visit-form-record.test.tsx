import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { currentStore, server } from '../../mocks/node';
import { renderApp } from '../render';

/**
 * Issue 15 item 6: the new-visit form takes the record as reported (aims, delegation sizes,
 * names as spelled in the report) with the edit form's inputs and words, and the API's errors
 * on them land beside the right field.
 */

vi.setConfig({ testTimeout: 30_000 });
const SUBMIT = 'Simpan kunjungan';

async function openForm() {
  const view = renderApp('/meetings/new', { locale: 'id' });
  await screen.findByRole('button', { name: SUBMIT }, { timeout: 3000 });
  return view;
}

async function fill(user: UserEvent, field: HTMLElement, value: string) {
  await user.clear(field);
  await user.click(field);
  await user.paste(value);
}

async function fillValidVisit(user: UserEvent) {
  await user.selectOptions(screen.getByRole('combobox', { name: 'Kemitraan' }), 'Kota Binzhou');
  await user.click(screen.getByRole('radio', { name: 'Kunjungan masuk' }));
  const meeting = screen.getByRole('region', { name: 'Pertemuan' });
  await fill(user, within(meeting).getByRole('textbox', { name: 'Judul' }), 'Kunjungan delegasi Binzhou');
  const date = within(meeting).getByRole('group', { name: 'Tanggal pertemuan' });
  await fill(user, within(date).getByRole('textbox', { name: 'Tanggal' }), '20');
  await fill(user, within(date).getByRole('textbox', { name: 'Bulan' }), '11');
  await fill(user, within(date).getByRole('textbox', { name: 'Tahun' }), '2025');
}

/** Two aims (the first left blank, so it is dropped), the guest delegation's size and one name. */
async function fillRecord(user: UserEvent) {
  const record = screen.getByRole('region', { name: 'Menurut laporan' });
  await user.click(within(record).getByRole('button', { name: 'Tambah tujuan' }));
  await user.click(within(record).getByRole('button', { name: 'Tambah tujuan' }));
  await fill(user, within(record).getByRole('textbox', { name: 'Tujuan 2' }), 'Kerja sama vokasi');
  const guest = within(record).getByRole('group', { name: 'Tamu / delegasi' });
  await fill(user, within(guest).getByRole('textbox', { name: /^Jumlah orang/ }), '80');
  await fill(user, within(guest).getByRole('textbox', { name: /^Jumlah negara/ }), '12');
  await user.click(within(record).getByRole('button', { name: 'Tambah nama' }));
  await fill(user, within(record).getByRole('textbox', { name: 'Nama 1' }), 'Walikota Binzhou');
  return { record, guest };
}

function errorMessageOf(field: HTMLElement): string {
  const errorId = (field.getAttribute('aria-describedby') ?? '').split(/\s+/).find((id) => id.endsWith('-error'));
  const message = errorId ? document.getElementById(errorId) : null;
  if (!message) throw new Error(`No error message beside #${field.id}`);
  return message.textContent ?? '';
}

describe('the visit form: the record as reported', () => {
  it('sends the aims, delegation size and names as reported; the meeting keeps them', async () => {
    let sent: Record<string, unknown> | undefined;
    const listener = async ({ request }: { request: Request }) => {
      if (request.method === 'POST' && new URL(request.url).pathname === '/api/meetings') sent = (await request.clone().json()) as Record<string, unknown>;
    };
    server.events.on('request:start', listener);
    try {
      const { user, router } = await openForm();
      await fillValidVisit(user);
      await fillRecord(user);
      await user.click(screen.getByRole('button', { name: SUBMIT }));

      await screen.findByText('Kunjungan tersimpan.', {}, { timeout: 5000 });
      expect(sent).toMatchObject({
        aims: ['Kerja sama vokasi'],
        delegationSize: { guest: { people: 80, countries: 12 } },
        namesAsReported: ['Walikota Binzhou'],
      });
      expect(sent).not.toHaveProperty('delegationSize.host');
      const id = decodeURIComponent(router.state.location.pathname.split('/')[2] ?? '');
      const saved = await currentStore().meetings.get(id);
      expect(saved?.aims).toEqual(['Kerja sama vokasi']);
      expect(saved?.delegationSize).toEqual({ guest: { people: 80, countries: 12 } });
      expect(saved?.namesAsReported).toEqual(['Walikota Binzhou']);
    } finally {
      server.events.removeListener('request:start', listener);
    }
  });

  it('shows an API error on an aim and on a delegation size beside those fields, in the summary too', async () => {
    server.use(
      http.post('/api/meetings', () =>
        HttpResponse.json(
          {
            type: '/problems/validation',
            title: 'Validation failed',
            status: 400,
            errors: [
              // aims.0 is the form's second row: the blank first one was not sent.
              { path: 'aims.0', code: 'duplicate', message: 'This value is already used.' },
              { path: 'delegationSize.guest.people', code: 'tooSmall', message: 'Too small', params: { min: 100 } },
            ],
          },
          { status: 400, headers: { 'content-type': 'application/problem+json' } },
        ),
      ),
    );
    const { user } = await openForm();
    await fillValidVisit(user);
    const { record, guest } = await fillRecord(user);
    await user.click(screen.getByRole('button', { name: SUBMIT }));

    const summary = await screen.findByRole('alert', { name: 'Ada masalah' });
    const aimMessage = 'Tujuan 2: Nilai ini sudah dipakai.';
    const sizeMessage = 'Tamu / delegasi: Jumlah orang: Minimal 100.';
    expect(within(summary).getAllByRole('link').map((a) => a.textContent)).toEqual([aimMessage, sizeMessage]);
    const aim = within(record).getByRole('textbox', { name: 'Tujuan 2' });
    expect(errorMessageOf(aim)).toBe(`Galat: ${aimMessage}`);
    expect(aim).toHaveAttribute('aria-invalid', 'true');
    const people = within(guest).getByRole('textbox', { name: /^Jumlah orang/ });
    expect(errorMessageOf(people)).toBe(`Galat: ${sizeMessage}`);
    await user.click(within(summary).getByRole('link', { name: sizeMessage }));
    await waitFor(() => expect(people).toHaveFocus());
    // Nothing typed is cleared.
    expect(people).toHaveValue('80');
    expect(within(record).getByRole('textbox', { name: 'Nama 1' })).toHaveValue('Walikota Binzhou');
  });
});
