import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { emptyVisit } from '@/features/meetings/visit-form/model';
import { useDrafts } from '@/stores/drafts';
import { currentStore, server } from '../../mocks/node';
import { renderApp } from '../render';

/**
 * Logging a visit end to end against the real API (server/ via MSW): failed saves kept and retried
 * with the same Idempotency-Key, drafts, carried-over follow-ups, a first contact with a new
 * partner, and the leave guard.
 */

// --- jsdom gaps, stubbed for this file only ------------------------------------------------------
// --- Helpers -------------------------------------------------------------------------------------

const SUBMIT = 'Simpan kunjungan';
const DRAFTS_KEY = 'mitra.drafts';
const DRAFT = 'visit:new';
const SERVER_ERROR = 'Terjadi kesalahan di server. Tidak ada yang diubah. Coba lagi sebentar lagi.';
const NETWORK_ERROR =
  'Tidak dapat terhubung ke server. Periksa koneksi internet Anda, lalu coba lagi.';
const CARRIED = 'Tindak lanjut terbuka dari pertemuan sebelumnya';
const BINZHOU_VISIT = 'mtg-binzhou-visit-2025-09-22';
const ROUTE_TIMEOUT = 3000;
// Whole-app renders with many fields: ~1-2 s each on an idle machine, more on a busy CI box.
vi.setConfig({ testTimeout: 20_000 });

async function openForm() {
  const view = renderApp('/meetings/new');
  // The route and its strings are loaded lazily: the first render of a file may take a moment.
  await screen.findByRole('button', { name: SUBMIT }, { timeout: ROUTE_TIMEOUT });
  return view;
}

const meetingSection = () => screen.getByRole('region', { name: 'Pertemuan' });
const titleInput = () => within(meetingSection()).getByRole('textbox', { name: 'Judul' });
const placeInput = () => within(meetingSection()).getByRole('textbox', { name: /^Tempat/ });
const dateGroup = () => within(meetingSection()).getByRole('group', { name: 'Tanggal pertemuan' });
const dateField = (part: 'Tanggal' | 'Bulan' | 'Tahun') =>
  within(dateGroup()).getByRole('textbox', { name: part });
const peopleSection = () => screen.getByRole('region', { name: 'Orang yang hadir' });

async function fill(user: UserEvent, field: HTMLElement, value: string) {
  await user.clear(field);
  if (value === '') return;
  await user.click(field);
  await user.paste(value);
}

/** Kind, title and date: with a partnership chosen, the least a valid visit needs. */
async function fillMeeting(user: UserEvent, title = 'Rapat lanjutan dengan Kota Binzhou') {
  await user.click(screen.getByRole('radio', { name: 'Kunjungan masuk' }));
  await fill(user, titleInput(), title);
  await fill(user, dateField('Tanggal'), '20');
  await fill(user, dateField('Bulan'), '11');
  await fill(user, dateField('Tahun'), '2025');
}

async function fillValidVisit(user: UserEvent) {
  await user.selectOptions(screen.getByRole('combobox', { name: 'Kemitraan' }), 'Kota Binzhou');
  await fillMeeting(user);
  await fill(user, placeInput(), 'Ruang Rapat Wareng');
}

/** Every value fillValidVisit typed is still there. */
function expectValidVisitKept() {
  expect(screen.getByRole('combobox', { name: 'Kemitraan' })).toHaveDisplayValue('Kota Binzhou');
  expect(screen.getByRole('radio', { name: 'Kunjungan masuk' })).toBeChecked();
  expect(titleInput()).toHaveValue('Rapat lanjutan dengan Kota Binzhou');
  expect(dateField('Tanggal')).toHaveValue('20');
  expect(dateField('Bulan')).toHaveValue('11');
  expect(dateField('Tahun')).toHaveValue('2025');
  expect(placeInput()).toHaveValue('Ruang Rapat Wareng');
}

/** The POSTs to /api/meetings sent while a test runs, with their Idempotency-Key. */
function recordMeetingPosts() {
  const keys: Array<string | null> = [];
  const listener = ({ request }: { request: Request }) => {
    if (request.method === 'POST' && new URL(request.url).pathname === '/api/meetings') {
      keys.push(request.headers.get('idempotency-key'));
    }
  };
  server.events.on('request:start', listener);
  return { keys, stop: () => server.events.removeListener('request:start', listener) };
}

/** The "not saved" box: an alert headed "Kunjungan belum tersimpan". */
async function findSaveFailed(): Promise<HTMLElement> {
  const heading = await screen.findByRole('heading', { name: 'Kunjungan belum tersimpan' });
  const alert = heading.closest<HTMLElement>('[role="alert"]');
  if (!alert) throw new Error('"Kunjungan belum tersimpan" is not inside an alert');
  return alert;
}

/** After a save: the meeting page says so; returns the new meeting's id from the address. */
async function savedMeetingId(router: ReturnType<typeof renderApp>['router']): Promise<string> {
  await screen.findByText('Kunjungan tersimpan.', {}, { timeout: ROUTE_TIMEOUT });
  const match = /^\/meetings\/([^/]+)$/.exec(router.state.location.pathname);
  if (!match?.[1]) throw new Error(`Not on a meeting page: ${router.state.location.pathname}`);
  return decodeURIComponent(match[1]);
}

const storedDrafts = (): string => window.localStorage.getItem(DRAFTS_KEY) ?? '';
function storedDraftValues(): Record<string, any> | undefined {
  const parsed = JSON.parse(storedDrafts() || '{}') as {
    state?: { drafts?: Record<string, { values: Record<string, any> }> };
  };
  return parsed.state?.drafts?.[DRAFT]?.values;
}

/** A reload: the in-memory store forgets, then reads back what this browser stored. */
async function reloadDrafts() {
  const stored = storedDrafts();
  useDrafts.setState({ drafts: {} });
  window.localStorage.setItem(DRAFTS_KEY, stored);
  await useDrafts.persist.rehydrate();
}

// --- 5. Failed saves, retry and double click ------------------------------------------------------

describe('a save that fails', () => {
  it('keeps everything, and "Coba simpan lagi" saves once with the same Idempotency-Key', async () => {
    server.use(
      http.post(
        '/api/meetings',
        () =>
          HttpResponse.json(
            { type: '/problems/internal', title: 'Internal error', status: 500 },
            { status: 500, headers: { 'content-type': 'application/problem+json' } },
          ),
        { once: true },
      ),
    );
    const { user, router } = await openForm();
    const before = (await currentStore().meetings.count());
    const posts = recordMeetingPosts();
    try {
      await fillValidVisit(user);
      await user.click(screen.getByRole('button', { name: SUBMIT }));

      const failed = await findSaveFailed();
      expect(failed).toHaveTextContent(SERVER_ERROR);
      expect(failed).toHaveTextContent('Isian Anda tetap aman di halaman ini dan di draf.');
      expect((await currentStore().meetings.count())).toBe(before);
      expect(router.state.location.pathname).toBe('/meetings/new');
      expectValidVisitKept();
      // The key is kept with the draft, so a reload would retry with it too.
      expect(posts.keys).toHaveLength(1);
      const [key] = posts.keys;
      expect(key).toMatch(/^visit-[\w-]{8,}$/);
      expect(useDrafts.getState().drafts[DRAFT]?.idempotencyKey).toBe(key);
      expect(storedDrafts()).toContain(key);

      await user.click(within(failed).getByRole('button', { name: 'Coba simpan lagi' }));

      const id = await savedMeetingId(router);
      expect((await currentStore().meetings.count())).toBe(before + 1);
      expect((await currentStore().meetings.get(id))?.title).toBe('Rapat lanjutan dengan Kota Binzhou');
      expect(posts.keys).toEqual([key, key]);
      // Saved: the draft is gone.
      expect(useDrafts.getState().drafts[DRAFT]).toBeUndefined();
      expect(storedDraftValues()).toBeUndefined();
    } finally {
      posts.stop();
    }
  });

  it('says the server cannot be reached when the network fails', async () => {
    server.use(http.post('/api/meetings', () => HttpResponse.error(), { once: true }));
    const { user } = await openForm();
    const before = (await currentStore().meetings.count());
    await fillValidVisit(user);
    await user.click(screen.getByRole('button', { name: SUBMIT }));

    const failed = await findSaveFailed();
    expect(failed).toHaveTextContent(NETWORK_ERROR);
    expect(within(failed).getByRole('button', { name: 'Coba simpan lagi' })).toBeInTheDocument();
    expectValidVisitKept();
    expect((await currentStore().meetings.count())).toBe(before);
  });

  /** A follow-up too, so a duplicate save would show in two collections. */
  async function fillVisitWithFollowUp(user: UserEvent) {
    await fillValidVisit(user);
    await user.click(screen.getByRole('button', { name: 'Tambah tindak lanjut' }));
    const row = screen.getByRole('group', { name: 'Tindak lanjut 1' });
    await fill(
      user,
      within(row).getByRole('textbox', { name: 'Judul' }),
      'Menyusun agenda forum teknis',
    );
    await user.selectOptions(
      within(row).getByRole('combobox', { name: /^Penanggung jawab/ }),
      'Budi Santoso (Petugas kerja sama)',
    );
    const due = within(row).getByRole('group', { name: 'Tenggat' });
    await fill(user, within(due).getByRole('textbox', { name: 'Tanggal' }), '15');
    await fill(user, within(due).getByRole('textbox', { name: 'Bulan' }), '1');
    await fill(user, within(due).getByRole('textbox', { name: 'Tahun' }), '2026');
  }

  it('ignores a second click while the save is under way', async () => {
    // Hold the answer until the test lets it through; then the real API answers.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    server.use(http.post('/api/meetings', () => held.then(() => undefined), { once: true }));
    const { user, router } = await openForm();
    const meetings = (await currentStore().meetings.count());
    const followUps = (await currentStore().followUps.count());
    const posts = recordMeetingPosts();
    try {
      await fillVisitWithFollowUp(user);
      await user.click(screen.getByRole('button', { name: SUBMIT }));
      const saving = await screen.findByRole('button', { name: 'Menyimpan…' });
      expect(saving).toHaveAttribute('aria-disabled', 'true');
      await user.click(saving);
      expect(posts.keys).toHaveLength(1);
      release();

      await savedMeetingId(router);
      expect(posts.keys).toHaveLength(1);
      expect((await currentStore().meetings.count())).toBe(meetings + 1);
      expect((await currentStore().followUps.count())).toBe(followUps + 1);
    } finally {
      release();
      posts.stop();
    }
  });

  it('creates one meeting on a double click of "Simpan kunjungan"', async () => {
    const { user, router } = await openForm();
    const meetings = (await currentStore().meetings.count());
    const followUps = (await currentStore().followUps.count());
    const posts = recordMeetingPosts();
    try {
      await fillVisitWithFollowUp(user);
      await user.dblClick(screen.getByRole('button', { name: SUBMIT }));

      const id = await savedMeetingId(router);
      expect((await currentStore().meetings.get(id))).toBeDefined();
      expect(new Set(posts.keys).size).toBe(1);
      expect((await currentStore().meetings.count())).toBe(meetings + 1);
      expect((await currentStore().followUps.count())).toBe(followUps + 1);
    } finally {
      posts.stop();
    }
  });
});

// --- 6. Drafts -----------------------------------------------------------------------------------

describe('the draft', () => {
  it('is saved while typing, restored after a reload with a notice, and "Buang draf" empties form and storage', async () => {
    const first = await openForm();
    await fill(first.user, titleInput(), 'Draf kunjungan delegasi Binzhou');
    await fill(first.user, placeInput(), 'Ruang Rapat Wareng');

    await waitFor(() => expect(storedDrafts()).toContain('Ruang Rapat Wareng'), { timeout: 3000 });
    expect(storedDrafts()).toContain('Draf kunjungan delegasi Binzhou');
    expect(screen.getByText(/^Draf tersimpan /)).toBeInTheDocument();
    first.unmount();

    await reloadDrafts();
    const { user } = await openForm();
    expect(titleInput()).toHaveValue('Draf kunjungan delegasi Binzhou');
    expect(placeInput()).toHaveValue('Ruang Rapat Wareng');
    const notice = screen
      .getByText(/^Draf Anda dipulihkan/)
      .closest<HTMLElement>('[role="status"]');
    expect(notice).not.toBeNull();

    await user.click(within(notice as HTMLElement).getByRole('button', { name: 'Buang draf' }));

    expect(titleInput()).toHaveValue('');
    expect(placeInput()).toHaveValue('');
    expect(screen.queryByText(/^Draf Anda dipulihkan/)).not.toBeInTheDocument();
    expect(useDrafts.getState().drafts[DRAFT]).toBeUndefined();
    expect(storedDraftValues()).toBeUndefined();
    expect(storedDrafts()).not.toContain('Draf kunjungan delegasi Binzhou');
  });

  it('"Buang draf" moves focus to the first question, not to <body>', async () => {
    useDrafts.getState().save(DRAFT, {
      values: { ...emptyVisit(), title: 'Draf lama' },
      savedAt: '2025-11-01T02:00:00.000Z',
      idempotencyKey: 'visit-00000000-0000-4000-8000-000000000000',
    });
    const { user } = await openForm();
    expect(titleInput()).toHaveValue('Draf lama');
    await user.click(screen.getByRole('button', { name: 'Buang draf' }));
    expect(titleInput()).toHaveValue('');
    await waitFor(
      () =>
        expect(screen.getByRole('radio', { name: 'Kemitraan yang sudah tercatat' })).toHaveFocus(),
      {
        timeout: 500,
      },
    );
  });

  it('never keeps the e-mail or phone of a new person, but keeps the name', async () => {
    const first = await openForm();
    const { user } = first;
    await user.selectOptions(
      within(peopleSection()).getByRole('combobox', { name: /^Pimpinan tuan rumah/ }),
      'Orang baru (isi nama di bawah)',
    );
    const people = within(peopleSection());
    await fill(
      user,
      people.getByRole('textbox', { name: /^Surel/ }),
      'siti.rahma@tangerangkab.go.id',
    );
    await fill(user, people.getByRole('textbox', { name: /^Telepon/ }), '+62 21 5555 0192');
    await fill(user, people.getByRole('textbox', { name: 'Nama' }), 'Siti Rahma');
    await fill(user, people.getByRole('textbox', { name: /^Jabatan/ }), 'Kepala Bagian Kerja Sama');

    await waitFor(() => expect(storedDrafts()).toContain('Kepala Bagian Kerja Sama'), {
      timeout: 3000,
    });
    const stored = storedDrafts();
    expect(stored).toContain('Siti Rahma');
    expect(stored).not.toContain('siti.rahma');
    expect(stored).not.toContain('tangerangkab');
    expect(stored).not.toContain('5555');
    expect(storedDraftValues()?.hostLead).toEqual({
      id: 'new',
      name: 'Siti Rahma',
      position: 'Kepala Bagian Kerja Sama',
      email: '',
      phone: '',
    });
    // On this page they are still there, to be sent to the server.
    expect(people.getByRole('textbox', { name: /^Surel/ })).toHaveValue(
      'siti.rahma@tangerangkab.go.id',
    );
    expect(people.getByRole('textbox', { name: /^Telepon/ })).toHaveValue('+62 21 5555 0192');

    // Hiding the page saves at once; still without contact data.
    window.dispatchEvent(new Event('pagehide'));
    expect(storedDrafts()).not.toContain('siti.rahma');
    expect(storedDrafts()).not.toContain('5555');
    first.unmount();

    await reloadDrafts();
    await openForm();
    const restored = within(peopleSection());
    expect(restored.getByRole('combobox', { name: /^Pimpinan tuan rumah/ })).toHaveDisplayValue(
      'Orang baru (isi nama di bawah)',
    );
    expect(restored.getByRole('textbox', { name: 'Nama' })).toHaveValue('Siti Rahma');
    expect(restored.getByRole('textbox', { name: /^Surel/ })).toHaveValue('');
    expect(restored.getByRole('textbox', { name: /^Telepon/ })).toHaveValue('');
  });
});

// --- 7. Open follow-ups carried over ----------------------------------------------------------------

describe('open follow-ups of the chosen partnership', () => {
  async function openWithBinzhou() {
    const view = await openForm();
    await view.user.selectOptions(
      screen.getByRole('combobox', { name: 'Kemitraan' }),
      'Kota Binzhou',
    );
    const section = await screen.findByRole('region', { name: CARRIED });
    return { ...view, section };
  }

  /** The list item of one carried follow-up, found by its title. */
  function carriedItem(section: HTMLElement, title: string): HTMLElement {
    const item = within(section)
      .getAllByRole('listitem')
      .find((li) => li.textContent?.startsWith(title));
    if (!item) throw new Error(`No open follow-up "${title}"`);
    return item;
  }

  it('are listed, and one ticked "Dibahas di pertemuan ini" is linked to the new meeting', async () => {
    const { user, router, section } = await openWithBinzhou();
    const titles = within(section)
      .getAllByRole('checkbox')
      .map(
        (box) =>
          (box as HTMLInputElement).labels?.[0]?.querySelector('.carried__title')?.textContent,
      );
    expect(titles).toEqual([
      'Menyelenggarakan forum teknis dengan Kota Binzhou',
      'Mengusulkan program pertukaran pelajar',
      'Menyiapkan paket promosi pariwisata',
      'Merancang program pelatihan pemuda',
      'Memetakan kecocokan UMKM dan ekonomi kreatif',
    ]);
    // The done one is not open any more.
    expect(
      within(section).queryByText('Menyusun rancangan agenda bersama'),
    ).not.toBeInTheDocument();

    const exchange = carriedItem(section, 'Mengusulkan program pertukaran pelajar');
    const box = within(exchange).getByRole('checkbox', { name: /Dibahas di pertemuan ini$/ });
    await user.click(box);
    expect(box).toBeChecked();
    await fillMeeting(user);
    await user.click(screen.getByRole('button', { name: SUBMIT }));

    const id = await savedMeetingId(router);
    const item = (await currentStore().followUps.get('fu-binzhou-exchange'));
    expect(item?.meetingIds).toEqual([BINZHOU_VISIT, id]);
    expect(item?.status).toBe('open');
    expect(item?.history.at(-1)).toEqual(
      expect.objectContaining({ kind: 'discussed', meetingId: id }),
    );
    // Only the ticked one.
    expect((await currentStore().followUps.get('fu-binzhou-tourism'))?.meetingIds).toEqual([BINZHOU_VISIT]);
    expect((await currentStore().followUps.get('fu-binzhou-forum'))?.meetingIds).toEqual([BINZHOU_VISIT]);
  });

  it('marked "Selesai" under "Status baru" is done after the save', async () => {
    const { user, router, section } = await openWithBinzhou();
    const tourism = carriedItem(section, 'Menyiapkan paket promosi pariwisata');
    await user.selectOptions(
      within(tourism).getByRole('combobox', { name: 'Status baru: Menyiapkan paket promosi pariwisata' }),
      'Selesai',
    );
    await fillMeeting(user, 'Rapat promosi pariwisata');
    await user.click(screen.getByRole('button', { name: SUBMIT }));

    await savedMeetingId(router);
    const item = (await currentStore().followUps.get('fu-binzhou-tourism'));
    expect(item?.status).toBe('done');
    // Reported in the meeting: the status change (with the meeting's title as its comment) and
    // the link to the meeting, in the same save.
    expect(item?.history.slice(-2)).toEqual([
      expect.objectContaining({ kind: 'status', from: 'open', to: 'done', comment: 'Rapat promosi pariwisata' }),
      expect.objectContaining({ kind: 'discussed' }),
    ]);
    // The others keep their status.
    expect((await currentStore().followUps.get('fu-binzhou-exchange'))?.status).toBe('open');
    expect((await currentStore().followUps.get('fu-binzhou-forum'))?.status).toBe('in-progress');
  });

  it('changed by someone else meanwhile: saves nothing, says so, shows the status as it is now, and saves on "Coba simpan lagi"', async () => {
    const { user, router, section } = await openWithBinzhou();
    const tourism = carriedItem(section, 'Menyiapkan paket promosi pariwisata');
    await user.selectOptions(
      within(tourism).getByRole('combobox', { name: 'Status baru: Menyiapkan paket promosi pariwisata' }),
      'Selesai',
    );
    await fillMeeting(user, 'Rapat promosi pariwisata');
    // Meanwhile, in another browser, its owner moves it on.
    const store = currentStore();
    const before = (await store.followUps.get('fu-binzhou-tourism'))!;
    await store.followUps.replace({ ...before, status: 'in-progress', version: before.version + 1 });
    const meetings = await store.meetings.count();

    await user.click(screen.getByRole('button', { name: SUBMIT }));
    const failed = await screen.findByRole('alert');
    expect(failed).toHaveTextContent('Kunjungan belum tersimpan');
    expect(await store.meetings.count()).toBe(meetings);
    expect((await store.followUps.get('fu-binzhou-tourism'))?.status).toBe('in-progress');

    // The list shows the item as it is now; the choice made stays; saving again applies it.
    await user.click(within(failed).getByRole('button', { name: 'Coba simpan lagi' }));
    await savedMeetingId(router);
    expect(await store.meetings.count()).toBe(meetings + 1);
    expect((await store.followUps.get('fu-binzhou-tourism'))?.history.at(-2)).toMatchObject({ kind: 'status', from: 'in-progress', to: 'done' });
  });
});

// --- 8. First contact with a new partner -----------------------------------------------------------

describe('a visit of a new partner', () => {
  it('creates the region, the partnership, the person met and the meeting in one request', async () => {
    const { user, router } = await openForm();
    const store = currentStore();
    const counts = {
      regions: (await store.regions.count()),
      partnerships: (await store.partnerships.count()),
      meetings: (await store.meetings.count()),
      people: (await store.people.count()),
    };
    const posts = recordMeetingPosts();
    try {
      await user.click(screen.getByRole('radio', { name: 'Mitra baru (kontak pertama)' }));
      const partnership = screen.getByRole('region', { name: 'Kemitraan' });
      await fill(
        user,
        within(partnership).getByRole('textbox', { name: 'Nama daerah mitra' }),
        'Weifang',
      );
      await fill(
        user,
        within(partnership).getByRole('textbox', { name: /^Nama dalam aksara setempat/ }),
        '潍坊市',
      );
      await user.selectOptions(
        within(partnership).getByRole('combobox', { name: 'Tingkat pemerintahan' }),
        'Kota',
      );
      await fill(user, within(partnership).getByRole('textbox', { name: 'Negara' }), 'cn');
      await user.selectOptions(
        within(partnership).getByRole('combobox', { name: 'Jenis kemitraan' }),
        'Kota persahabatan',
      );
      await fillMeeting(user, 'Kunjungan perkenalan delegasi Kota Weifang');
      // A visit that has happened (today is 1 November 2025): the partnership starts on its day.
      await fill(user, dateField('Bulan'), '10');
      await user.selectOptions(
        within(peopleSection()).getByRole('combobox', { name: /^Pimpinan delegasi/ }),
        'Orang baru (isi nama di bawah)',
      );
      await fill(user, within(peopleSection()).getByRole('textbox', { name: 'Nama' }), 'Zhang Wei');
      await user.click(screen.getByRole('button', { name: SUBMIT }));

      const id = await savedMeetingId(router);
      expect(posts.keys).toHaveLength(1);
      expect((await store.regions.count())).toBe(counts.regions + 1);
      expect((await store.partnerships.count())).toBe(counts.partnerships + 1);
      expect((await store.meetings.count())).toBe(counts.meetings + 1);
      expect((await store.people.count())).toBe(counts.people + 1);

      const meeting = (await store.meetings.get(id));
      const created = (await store.partnerships.get(meeting?.partnershipId ?? ''));
      expect(created).toEqual(
        expect.objectContaining({
          type: 'friendship-city',
          stage: 'exploring',
          illustrative: false,
        }),
      );
      expect((await store.regions.get(created?.partnerRegionId ?? ''))).toEqual(
        expect.objectContaining({
          name: 'Weifang',
          localName: '潍坊市',
          level: 'city',
          countryCode: 'CN',
          role: 'partner',
        }),
      );
      expect((await store.people.get(meeting?.delegationLeadId ?? ''))).toEqual(
        expect.objectContaining({ name: 'Zhang Wei', regionId: created?.partnerRegionId }),
      );
      expect(
        await screen.findByRole('heading', {
          level: 1,
          name: 'Kunjungan perkenalan delegasi Kota Weifang',
        }),
      ).toBeInTheDocument();
    } finally {
      posts.stop();
    }
  });
});

// --- Leaving with unsaved content ------------------------------------------------------------------

describe('leaving the form', () => {
  it('asks first when something was typed: "Tetap di sini" stays, "Tinggalkan" leaves and keeps the draft', async () => {
    const { user, router } = await openForm();
    await fill(user, titleInput(), 'Kunjungan yang belum selesai dicatat');
    const dialog = screen.getByRole('dialog', { hidden: true });
    expect(dialog).not.toHaveAttribute('open');

    await user.click(screen.getByRole('link', { name: 'Kembali ke daftar pertemuan' }));
    await waitFor(() => expect(dialog).toHaveAttribute('open'));
    expect(screen.getByRole('dialog', { name: 'Tinggalkan halaman ini?' })).toBe(dialog);
    expect(router.state.location.pathname).toBe('/meetings/new');
    // Blocking saves the draft at once.
    expect(storedDrafts()).toContain('Kunjungan yang belum selesai dicatat');

    await user.click(within(dialog).getByRole('button', { name: 'Tetap di sini' }));
    await waitFor(() => expect(dialog).not.toHaveAttribute('open'));
    expect(router.state.location.pathname).toBe('/meetings/new');
    expect(titleInput()).toHaveValue('Kunjungan yang belum selesai dicatat');

    await user.click(screen.getByRole('link', { name: 'Kembali ke daftar pertemuan' }));
    await waitFor(() => expect(dialog).toHaveAttribute('open'));
    await user.click(within(dialog).getByRole('button', { name: 'Tinggalkan' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/meetings'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Pertemuan' })).toBeInTheDocument();
    expect(storedDrafts()).toContain('Kunjungan yang belum selesai dicatat');
  });

  it('does not ask when nothing was typed', async () => {
    const { user, router } = await openForm();
    await user.click(screen.getByRole('link', { name: 'Kembali ke daftar pertemuan' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/meetings'));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
