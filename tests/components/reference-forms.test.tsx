import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { currentStore, resetApi, server, TEST_NOW } from '../../mocks/node';
import { createApi } from '../../server/app';
import { useDrafts } from '@/stores/drafts';
import { renderApp } from '../render';

/**
 * Reference forms (regions, organisations, people, partnerships): the visit form's validation
 * and error handling — the API's own schema, the GOV.UK error summary, the same message beside
 * each field, API errors on the same fields, a failed save keeping everything, and 412 conflicts
 * resolved field by field without losing what the user typed.
 */

vi.setConfig({ testTimeout: 20_000 });
const ADMIN = 'usr-sari';
const ICBC = 'org-icbc-jakarta';

beforeEach(() => {
  useDrafts.setState({ drafts: {} });
});

async function open(path: string, heading: string, userId = ADMIN) {
  const view = renderApp(path, { userId });
  await screen.findByRole('heading', { level: 1, name: heading }, { timeout: 3000 });
  // The form mounts once the lists it picks from (and the resource, for an edit) are loaded.
  await screen.findByRole('button', { name: /^Simpan/ }, { timeout: 3000 });
  return view;
}

async function fill(user: UserEvent, field: HTMLElement, value: string) {
  await user.clear(field);
  if (value === '') return;
  await user.click(field);
  await user.paste(value);
}

/** The confirmation after a save: a status message on the page the save went to. */
async function findSaved(text: string) {
  const message = await screen.findByText(text, {}, { timeout: 3000 });
  expect(message.closest('[role="status"]')).not.toBeNull();
  return message;
}

const textbox = (name: string) => screen.getByRole('textbox', { name: new RegExp(`^${name}`) });
const summaryLinks = (summary: HTMLElement) =>
  within(summary)
    .getAllByRole('link')
    .map((a) => a.textContent);

/** The error message a field (or its fieldset) points to with aria-describedby, as displayed. */
function errorMessageOf(field: HTMLElement): string {
  const ids = (field.getAttribute('aria-describedby') ?? '').split(/\s+/);
  const errorId = ids.find((id) => id.endsWith('-error'));
  const message = errorId ? document.getElementById(errorId) : null;
  if (!message) throw new Error(`No error message beside #${field.id || field.tagName}`);
  return message.textContent ?? '';
}

describe('creating a partner region', () => {
  it('shows every error in a focused summary and beside its field, then saves once corrected', async () => {
    const { user, router } = await open('/regions/new', 'Tambah daerah mitra');
    const before = (await currentStore().regions.count());
    await fill(user, textbox('Negara'), 'China');

    await user.click(screen.getByRole('button', { name: 'Simpan' }));

    const summary = await screen.findByRole('alert', { name: 'Ada masalah' });
    await waitFor(() => expect(summary).toHaveFocus());
    const name = 'Nama daerah: Isian ini wajib diisi.';
    const level = 'Tingkat pemerintahan: Pilih salah satu pilihan yang tersedia.';
    const country = 'Negara: Masukkan kode negara dua huruf (ISO 3166-1), misalnya ID atau CN.';
    // In page order, top to bottom.
    expect(summaryLinks(summary)).toEqual([name, level, country]);
    await waitFor(() => expect(document.title).toBe('Galat: Tambah daerah mitra — Mitra'));
    expect(errorMessageOf(textbox('Nama daerah'))).toBe(`Galat: ${name}`);
    expect(errorMessageOf(screen.getByRole('combobox', { name: /^Tingkat pemerintahan/ }))).toBe(`Galat: ${level}`);
    expect(errorMessageOf(textbox('Negara'))).toBe(`Galat: ${country}`);
    // A summary link moves focus to its field.
    await user.click(within(summary).getByRole('link', { name: country }));
    expect(textbox('Negara')).toHaveFocus();
    // Nothing reached the API.
    expect((await currentStore().regions.count())).toBe(before);

    await fill(user, textbox('Nama daerah'), 'Weifang');
    await fill(user, textbox('Nama dalam aksara setempat'), '潍坊市');
    await user.selectOptions(screen.getByRole('combobox', { name: /^Tingkat pemerintahan/ }), 'Kota');
    await fill(user, textbox('Negara'), 'cn');
    // The local-script name is marked as Chinese once the country says so.
    expect(textbox('Nama dalam aksara setempat')).toHaveAttribute('lang', 'zh-Hans');
    await user.click(screen.getByRole('checkbox', { name: 'Pariwisata' }));
    await user.click(screen.getByRole('button', { name: 'Simpan' }));

    await findSaved('Daerah mitra Weifang tersimpan.');
    expect(router.state.location.pathname).toBe('/reference');
    expect(screen.queryByRole('alert', { name: 'Ada masalah' })).not.toBeInTheDocument();
    expect((await currentStore().regions.count())).toBe(before + 1);
    const saved = (await currentStore().regions.all()).find((r) => r.name === 'Weifang');
    expect(saved).toMatchObject({ localName: '潍坊市', level: 'city', countryCode: 'CN', role: 'partner', strengths: ['tourism'] });
    // The new region is listed, its local-script name marked as Chinese; the draft is gone.
    const regions = await screen.findByRole('table', { name: 'Daerah mitra' });
    const row = (await within(regions).findByRole('rowheader', { name: 'Kota Weifang' })).closest('tr') as HTMLElement;
    expect(within(row).getByText('潍坊市')).toHaveAttribute('lang', 'zh-Hans');
    expect(useDrafts.getState().drafts['reference:regions:new']).toBeUndefined();
  });

  it('shows no add or edit links, and no form, to a role that may not write regions', async () => {
    renderApp('/reference', { userId: 'usr-budi' });
    await screen.findByRole('table', { name: 'Daerah mitra' }, { timeout: 3000 });
    expect(screen.queryByRole('link', { name: 'Tambah daerah mitra' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /^Ubah/ })).not.toBeInTheDocument();
  });
});

describe('editing an organisation that someone else saved meanwhile (412)', () => {
  it('shows both versions of each field that differs, keeps my choice and my other changes, and saves against the new version', async () => {
    const { user } = await open(`/organizations/${ICBC}/edit`, 'Ubah organisasi');
    const loaded = (await currentStore().organizations.get(ICBC))!;
    await fill(user, textbox('Kota'), 'Jakarta Pusat');
    await user.selectOptions(screen.getByRole('combobox', { name: /^Jenis organisasi/ }), 'Kamar dagang');

    // Meanwhile a colleague saves another city and a website.
    (await currentStore().organizations.replace({
      ...loaded,
      city: 'Jakarta Selatan',
      website: 'https://icbc.example.org',
      version: loaded.version + 1,
      updatedAt: '2025-11-01T03:05:00.000Z',
    }));

    await user.click(screen.getByRole('button', { name: 'Simpan perubahan' }));

    const conflict = await screen.findByRole('alert', { name: 'Orang lain mengubah data ini' });
    const rows = within(conflict).getAllByRole('row').slice(1);
    // Only the city differs both ways; the kind (mine) and the website (theirs) merge unasked.
    expect(rows).toHaveLength(1);
    expect(within(rows[0]!).getByRole('rowheader')).toHaveTextContent('Kota');
    const mine = within(conflict).getByRole('radio', { name: /Jakarta Pusat/ });
    const theirs = within(conflict).getByRole('radio', { name: /Jakarta Selatan/ });
    expect(theirs).toBeChecked();
    expect(mine).not.toBeChecked();
    await user.click(mine);
    await user.click(within(conflict).getByRole('button', { name: 'Simpan dengan pilihan ini' }));

    await findSaved('Organisasi Indonesia–China Business Council tersimpan.');
    const stored = (await currentStore().organizations.get(ICBC))!;
    expect(stored).toMatchObject({
      city: 'Jakarta Pusat', // my choice
      kind: 'chamber-of-commerce', // my other change
      website: 'https://icbc.example.org', // their other change
      version: loaded.version + 2,
    });
  });
});

describe('a save that fails on the server (5xx)', () => {
  it('keeps everything typed, offers retry, and never puts e-mail or phone in the draft', async () => {
    const { user } = await open('/people/new', 'Tambah orang');
    const before = (await currentStore().people.count());
    server.use(
      http.post(
        '/api/people',
        () =>
          HttpResponse.json(
            { type: '/problems/internal', title: 'Internal Server Error', status: 503 },
            { status: 503, headers: { 'content-type': 'application/problem+json' } },
          ),
        { once: true },
      ),
    );
    await fill(user, textbox('Nama'), 'Zhang Wei');
    await fill(user, textbox('Jabatan'), 'Director of Foreign Affairs Office');
    await user.selectOptions(screen.getByRole('combobox', { name: /^Daerah/ }), 'Kota Binzhou');
    await fill(user, textbox('Surel'), 'zhang.wei@example.org');
    await fill(user, textbox('Telepon'), '+86 543 000 0000');

    await user.click(screen.getByRole('button', { name: 'Simpan' }));

    const failed = await screen.findByRole('alert', { name: /Data belum tersimpan/ });
    expect(failed).toHaveTextContent('Terjadi kesalahan di server. Tidak ada yang diubah.');
    expect((await currentStore().people.count())).toBe(before);
    expect(textbox('Nama')).toHaveValue('Zhang Wei');
    expect(textbox('Surel')).toHaveValue('zhang.wei@example.org');
    expect(textbox('Telepon')).toHaveValue('+86 543 000 0000');
    const draft = useDrafts.getState().drafts['reference:people:new']?.values as { values: Record<string, unknown> } | undefined;
    expect(draft?.values).toMatchObject({ name: 'Zhang Wei', email: '', phone: '' });
    expect(JSON.stringify(useDrafts.getState().drafts)).not.toMatch(/zhang\.wei@|543/);

    await user.click(within(failed).getByRole('button', { name: 'Coba simpan lagi' }));
    await findSaved('Data Zhang Wei tersimpan.');
    const saved = (await currentStore().people.all()).find((p) => p.name === 'Zhang Wei');
    expect(saved).toMatchObject({ email: 'zhang.wei@example.org', phone: '+86 543 000 0000', regionId: 'reg-binzhou' });
  });
});

describe('creating a partnership', () => {
  /** The stage it was first met at and the day: the user's to give (never an invented "exploring", never today by default). */
  async function start(user: Awaited<ReturnType<typeof open>>['user'], stage: string, [d, m, y]: [string, string, string]) {
    await user.selectOptions(screen.getByRole('combobox', { name: /^Tahap/ }), stage);
    const group = screen.getByRole('group', { name: /^Tanggal mulai tahap ini/ });
    await fill(user, within(group).getByRole('textbox', { name: 'Tanggal' }), d);
    await fill(user, within(group).getByRole('textbox', { name: 'Bulan' }), m);
    await fill(user, within(group).getByRole('textbox', { name: 'Tahun' }), y);
  }

  it('asks for the first stage and its date: nothing is assumed', async () => {
    const { user } = await open('/partners/new', 'Tambah kemitraan');
    await user.selectOptions(screen.getByRole('combobox', { name: /^Daerah mitra/ }), 'Kota Binzhou');
    await user.click(screen.getByRole('radio', { name: 'Kerja sama' }));
    await user.click(screen.getByRole('button', { name: 'Simpan' }));
    const summary = await screen.findByRole('alert', { name: 'Ada masalah' });
    expect(summaryLinks(summary).map((l) => l.split(':')[0])).toEqual(['Tahap', 'Tanggal mulai tahap ini']);
  });

  it('shows "one partner" beside the partner field when both a region and an organisation are chosen, and sends nothing', async () => {
    const { user } = await open('/partners/new', 'Tambah kemitraan');
    const before = (await currentStore().partnerships.count());
    await user.selectOptions(screen.getByRole('combobox', { name: /^Daerah mitra/ }), 'Kota Binzhou');
    await user.selectOptions(screen.getByRole('combobox', { name: /^Organisasi mitra/ }), 'Indonesia–China Business Council (ICBC)');
    await user.click(screen.getByRole('radio', { name: 'Kerja sama' }));
    await start(user, 'MoU ditandatangani', ['14', '3', '2019']);

    await user.click(screen.getByRole('button', { name: 'Simpan' }));

    const summary = await screen.findByRole('alert', { name: 'Ada masalah' });
    const message = 'Daerah mitra: Pilih daerah mitra atau organisasi mitra (salah satu).';
    expect(summaryLinks(summary)).toEqual([message]);
    expect(errorMessageOf(screen.getByRole('combobox', { name: /^Daerah mitra/ }))).toBe(`Galat: ${message}`);
    expect((await currentStore().partnerships.count())).toBe(before);
  });

  it('puts the API’s refusal beside the field it names', async () => {
    // A partner region that exists when the form opens and is gone when it is saved: only the
    // API can know, and its 400 must land on the same field as the form's own checks.
    (await currentStore().regions.insert({
      id: 'reg-weihai',
      version: 1,
      createdAt: '2025-10-01T00:00:00.000Z',
      updatedAt: '2025-10-01T00:00:00.000Z',
      name: 'Weihai',
      level: 'city',
      countryCode: 'CN',
      role: 'partner',
      strengths: [],
      illustrative: true,
    }));
    const { user } = await open('/partners/new', 'Tambah kemitraan');
    await user.selectOptions(screen.getByRole('combobox', { name: /^Daerah mitra/ }), 'Kota Weihai');
    await user.click(screen.getByRole('radio', { name: 'Kota persahabatan' }));
    await start(user, 'Penjajakan', ['1', '10', '2025']);
    await resetApi();
    const before = (await currentStore().partnerships.count());

    await user.click(screen.getByRole('button', { name: 'Simpan' }));

    const summary = await screen.findByRole('alert', { name: 'Ada masalah' });
    const message = 'Daerah mitra: Data yang dirujuk tidak ada.';
    expect(summaryLinks(summary)).toEqual([message]);
    await waitFor(() => expect(summary).toHaveFocus());
    expect(errorMessageOf(screen.getByRole('combobox', { name: /^Daerah mitra/ }))).toBe(`Galat: ${message}`);
    // Everything typed is still there.
    expect(screen.getByRole('combobox', { name: /^Daerah mitra/ })).toHaveValue('reg-weihai');
    expect(screen.getByRole('radio', { name: 'Kota persahabatan' })).toBeChecked();
    expect((await currentStore().partnerships.count())).toBe(before);
  });
});

describe('a draft of an edit', () => {
  it('survives a reload, and when someone saved meanwhile, asks which version to keep instead of overwriting', async () => {
    const first = await open('/regions/reg-binzhou/edit', 'Ubah daerah mitra');
    await fill(first.user, textbox('Provinsi / negara bagian'), 'Provinsi Shandong');
    await waitFor(() => expect(useDrafts.getState().drafts['reference:regions:reg-binzhou']).toBeDefined());
    first.unmount();

    // While the page was closed, a colleague saved another province.
    const stored = (await currentStore().regions.get('reg-binzhou'))!;
    (await currentStore().regions.replace({ ...stored, province: 'Shandong Sheng', version: stored.version + 1 }));

    const { user } = await open('/regions/reg-binzhou/edit', 'Ubah daerah mitra');
    expect(screen.getByText(/Draf Anda dipulihkan/)).toBeInTheDocument();
    expect(textbox('Provinsi / negara bagian')).toHaveValue('Provinsi Shandong');
    await user.click(screen.getByRole('button', { name: 'Simpan perubahan' }));

    const conflict = await screen.findByRole('alert', { name: 'Orang lain mengubah data ini' });
    await user.click(within(conflict).getByRole('radio', { name: /Provinsi Shandong/ }));
    await user.click(within(conflict).getByRole('button', { name: 'Simpan dengan pilihan ini' }));
    await findSaved('Daerah mitra Binzhou tersimpan.');
    expect((await currentStore().regions.get('reg-binzhou'))).toMatchObject({ province: 'Provinsi Shandong', version: stored.version + 2 });
    expect(useDrafts.getState().drafts['reference:regions:reg-binzhou']).toBeUndefined();
  });
});

describe('leaving a form with unsaved input', () => {
  it('asks first; "Tetap di sini" keeps the page and what was typed', async () => {
    const { user, router } = await open('/organizations/new', 'Tambah organisasi');
    await fill(user, textbox('Nama organisasi'), 'Kedutaan Besar Republik Rakyat Tiongkok');

    await user.click(screen.getByRole('link', { name: 'Batal' }));

    const dialog = await screen.findByRole('dialog', { name: 'Tinggalkan halaman ini?' });
    await user.click(within(dialog).getByRole('button', { name: 'Tetap di sini' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(router.state.location.pathname).toBe('/organizations/new');
    expect(textbox('Nama organisasi')).toHaveValue('Kedutaan Besar Republik Rakyat Tiongkok');
  });
});

describe('editing a partnership', () => {
  it('has no stage field, checks the agreement dates, and sends only the changed fields against the version', async () => {
    const patches: Array<{ body: unknown; ifMatch: string | null }> = [];
    const listener = ({ request }: { request: Request }) => {
      if (request.method === 'PATCH')
        void request
          .clone()
          .json()
          .then((body: unknown) => patches.push({ body, ifMatch: request.headers.get('if-match') }));
    };
    server.events.on('request:start', listener);
    try {
      const { user, router } = await open('/partners/pts-tangerang-binzhou/edit', 'Ubah kemitraan', 'usr-hendra');
      expect(screen.queryByRole('combobox', { name: /^Tahap/ })).not.toBeInTheDocument();
      const signed = screen.getByRole('group', { name: /^Tanggal MoU ditandatangani/ });
      const expires = screen.getByRole('group', { name: /^Tanggal MoU berakhir/ });
      const date = async (group: HTMLElement, [d, m, y]: [string, string, string]) => {
        await fill(user, within(group).getByRole('textbox', { name: 'Tanggal' }), d);
        await fill(user, within(group).getByRole('textbox', { name: 'Bulan' }), m);
        await fill(user, within(group).getByRole('textbox', { name: 'Tahun' }), y);
      };
      await date(signed, ['1', '12', '2025']);
      await date(expires, ['30', '11', '2025']);
      await user.clear(screen.getByRole('textbox', { name: /^Catatan/ }));

      await user.click(screen.getByRole('button', { name: 'Simpan perubahan' }));
      const summary = await screen.findByRole('alert', { name: 'Ada masalah' });
      const message = 'Tanggal MoU berakhir: Tanggal akhir harus sesudah tanggal awal.';
      expect(summaryLinks(summary)).toEqual([message]);
      expect(errorMessageOf(expires)).toBe(`Galat: ${message}`);
      expect(patches).toHaveLength(0);

      await date(expires, ['30', '11', '2030']);
      await user.click(screen.getByRole('button', { name: 'Simpan perubahan' }));
      await waitFor(() => expect(router.state.location.pathname).toBe('/partners/pts-tangerang-binzhou'));
      expect(patches).toEqual([
        {
          body: { agreements: { mouSignedDate: '2025-12-01', mouExpiresDate: '2030-11-30' }, notes: null },
          ifMatch: '"1"',
        },
      ]);
      expect((await currentStore().partnerships.get('pts-tangerang-binzhou'))).toMatchObject({
        stage: 'exploring',
        agreements: { mouSignedDate: '2025-12-01', mouExpiresDate: '2030-11-30' },
        version: 2,
      });
      expect((await currentStore().partnerships.get('pts-tangerang-binzhou'))?.notes).toBeUndefined();
    } finally {
      server.events.removeListener('request:start', listener);
    }
  });
});

describe('a restored draft of a person with contact details', () => {
  it('keeps the saved e-mail and phone, which the draft never held', async () => {
    const qu = (await currentStore().people.get('per-qu-yuekuan'))!;
    (await currentStore().people.replace({ ...qu, email: 'qu.yuekuan@example.org', phone: '+86 543 111 2222' }));
    const first = await open('/people/per-qu-yuekuan/edit', 'Ubah data orang');
    expect(textbox('Surel')).toHaveValue('qu.yuekuan@example.org');
    await fill(first.user, textbox('Jabatan'), 'Wakil Wali Kota Binzhou');
    await waitFor(() => expect(useDrafts.getState().drafts['reference:people:per-qu-yuekuan']).toBeDefined());
    expect(JSON.stringify(useDrafts.getState().drafts)).not.toMatch(/qu\.yuekuan@|111 2222/);
    first.unmount();

    const { user } = await open('/people/per-qu-yuekuan/edit', 'Ubah data orang');
    expect(screen.getByText(/Draf Anda dipulihkan/)).toBeInTheDocument();
    expect(textbox('Jabatan')).toHaveValue('Wakil Wali Kota Binzhou');
    expect(textbox('Surel')).toHaveValue('qu.yuekuan@example.org');
    expect(textbox('Telepon')).toHaveValue('+86 543 111 2222');
    await user.click(screen.getByRole('button', { name: 'Simpan perubahan' }));

    await findSaved('Data Qu Yuekuan tersimpan.');
    expect((await currentStore().people.get('per-qu-yuekuan'))).toMatchObject({
      position: 'Wakil Wali Kota Binzhou',
      email: 'qu.yuekuan@example.org',
      phone: '+86 543 111 2222',
    });
  });
});

/**
 * The answer to a create is lost on the way back (the API saved it): the next request goes to the
 * API again. Another API over the same store stands in for the one the lost answer came from.
 */
function loseTheFirstAnswer(path: string) {
  const api = createApi({ database: currentStore().database, now: () => TEST_NOW });
  server.use(
    http.post(
      path,
      async ({ request }) => {
        await api.fetch(request);
        return HttpResponse.error();
      },
      { once: true },
    ),
  );
}

describe('a create whose answer was lost', () => {
  it('is saved once when retried unchanged (same Idempotency-Key)', async () => {
    const { user } = await open('/organizations/new', 'Tambah organisasi');
    const before = (await currentStore().organizations.count());
    loseTheFirstAnswer('/api/organizations');
    await fill(user, textbox('Nama organisasi'), 'Kamar Dagang Binzhou');
    await user.selectOptions(screen.getByRole('combobox', { name: /^Jenis organisasi/ }), 'Kamar dagang');
    await user.click(screen.getByRole('button', { name: 'Simpan' }));

    const failed = await screen.findByRole('alert', { name: 'Data belum tersimpan' });
    expect(failed).toHaveTextContent('Tidak dapat terhubung ke server.');
    expect((await currentStore().organizations.count())).toBe(before + 1); // it did arrive
    await user.click(within(failed).getByRole('button', { name: 'Coba simpan lagi' }));

    await findSaved('Organisasi Kamar Dagang Binzhou tersimpan.');
    expect((await currentStore().organizations.count())).toBe(before + 1);
  });

  it('asks before saving a changed form again, and saves it as new only when told', async () => {
    const { user } = await open('/organizations/new', 'Tambah organisasi');
    const before = (await currentStore().organizations.count());
    loseTheFirstAnswer('/api/organizations');
    await fill(user, textbox('Nama organisasi'), 'Kamar Dagang Binzhou');
    await user.selectOptions(screen.getByRole('combobox', { name: /^Jenis organisasi/ }), 'Kamar dagang');
    await user.click(screen.getByRole('button', { name: 'Simpan' }));
    const failed = await screen.findByRole('alert', { name: 'Data belum tersimpan' });

    await fill(user, textbox('Kota'), 'Binzhou');
    await user.click(within(failed).getByRole('button', { name: 'Coba simpan lagi' }));

    const maybe = await screen.findByRole('alert', { name: 'Data ini mungkin sudah tersimpan' });
    expect(within(maybe).getByRole('link', { name: 'Periksa daftarnya (tab baru)' })).toHaveAttribute('href', '/reference');
    expect((await currentStore().organizations.count())).toBe(before + 1);
    expect(textbox('Kota')).toHaveValue('Binzhou');

    await user.click(within(maybe).getByRole('button', { name: 'Tetap simpan sebagai data baru' }));
    await findSaved('Organisasi Kamar Dagang Binzhou tersimpan.');
    expect((await currentStore().organizations.count())).toBe(before + 2);
  });
});

describe('in English', () => {
  it('says "There is a problem", prefixes the title with "Error: " and translates each message', async () => {
    const { user } = renderApp('/organizations/new', { locale: 'en', userId: ADMIN });
    await screen.findByRole('heading', { level: 1, name: 'Add an organisation' }, { timeout: 3000 });
    await user.click(await screen.findByRole('button', { name: 'Save' }, { timeout: 3000 }));

    const summary = await screen.findByRole('alert', { name: 'There is a problem' });
    await waitFor(() => expect(summary).toHaveFocus());
    expect(summaryLinks(summary)).toEqual([
      'Organisation name: This field is required.',
      'Kind of organisation: Choose one of the options.',
    ]);
    await waitFor(() => expect(document.title).toBe('Error: Add an organisation — Mitra'));
    expect(errorMessageOf(screen.getByRole('textbox', { name: 'Organisation name' }))).toBe(
      'Error: Organisation name: This field is required.',
    );
  });
});
