import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { currentStore, server } from '../../mocks/node';
import { renderApp } from '../render';

/**
 * "Catat kunjungan" (/meetings/new): validation with the API's own schema, the GOV.UK error
 * summary, the same message beside each field, and API field errors landing in the same places.
 */

// --- jsdom gaps, stubbed for this file only ------------------------------------------------------
// --- Helpers -------------------------------------------------------------------------------------

const SUBMIT = 'Simpan kunjungan';
const ROUTE_TIMEOUT = 3000;
// Whole-app renders with many fields: ~1-2 s each on an idle machine, more on a busy CI box.
vi.setConfig({ testTimeout: 20_000 });

async function openForm(locale: 'id' | 'en' = 'id') {
  const view = renderApp('/meetings/new', { locale });
  // The route and its strings are loaded lazily: the first render of a file may take a moment.
  await screen.findByRole(
    'button',
    { name: locale === 'id' ? SUBMIT : 'Save the visit' },
    { timeout: ROUTE_TIMEOUT },
  );
  return view;
}

const region = (name: string) => screen.getByRole('region', { name });
const meetingSection = () => region('Pertemuan');
const titleInput = () => within(meetingSection()).getByRole('textbox', { name: 'Judul' });
const dateGroup = () => within(meetingSection()).getByRole('group', { name: 'Tanggal pertemuan' });
const followUpRow = (n: number) => screen.getByRole('group', { name: `Tindak lanjut ${n}` });

/** Replaces a text field's value in one go (fast for long or special text; no key descriptors). */
async function fill(user: UserEvent, field: HTMLElement, value: string) {
  await user.clear(field);
  if (value === '') return;
  await user.click(field);
  await user.paste(value);
}

async function fillDate(
  user: UserEvent,
  group: HTMLElement,
  [day, month, year]: [string, string, string],
) {
  await fill(user, within(group).getByRole('textbox', { name: 'Tanggal' }), day);
  await fill(user, within(group).getByRole('textbox', { name: 'Bulan' }), month);
  await fill(user, within(group).getByRole('textbox', { name: 'Tahun' }), year);
}

/** Everything a valid visit with Kota Binzhou needs. */
async function fillValidVisit(user: UserEvent, title = 'Rapat lanjutan dengan Kota Binzhou') {
  await user.selectOptions(screen.getByRole('combobox', { name: 'Kemitraan' }), 'Kota Binzhou');
  await user.click(screen.getByRole('radio', { name: 'Kunjungan masuk' }));
  await fill(user, titleInput(), title);
  await fillDate(user, dateGroup(), ['20', '11', '2025']);
}

type FollowUpValues = { title?: string; owner?: string; due?: [string, string, string] };

async function addFollowUp(user: UserEvent, n: number, { title, owner, due }: FollowUpValues) {
  await user.click(screen.getByRole('button', { name: 'Tambah tindak lanjut' }));
  const row = followUpRow(n);
  if (title !== undefined)
    await fill(user, within(row).getByRole('textbox', { name: 'Judul' }), title);
  if (owner !== undefined)
    await user.selectOptions(
      within(row).getByRole('combobox', { name: /^Penanggung jawab/ }),
      owner,
    );
  if (due) await fillDate(user, within(row).getByRole('group', { name: 'Tenggat' }), due);
  return row;
}

async function submit(user: UserEvent) {
  await user.click(screen.getByRole('button', { name: SUBMIT }));
}

/** The error summary, once shown (an alert named by its heading). */
const findSummary = (heading = 'Ada masalah') => screen.findByRole('alert', { name: heading });
const summaryLinks = (summary: HTMLElement) =>
  within(summary)
    .getAllByRole('link')
    .map((a) => a.textContent);

/**
 * The error message a field (or its fieldset) points to with aria-describedby, as displayed.
 * It starts with a visually hidden "Galat: " / "Error: " for screen readers.
 */
function errorMessageOf(field: HTMLElement): string {
  const ids = (field.getAttribute('aria-describedby') ?? '').split(/\s+/);
  const errorId = ids.find((id) => id.endsWith('-error'));
  const message = errorId ? document.getElementById(errorId) : null;
  if (!message) throw new Error(`No error message beside #${field.id || field.tagName}`);
  return message.textContent ?? '';
}

/** Counts the POSTs to /api/meetings sent while a test runs. */
function countMeetingPosts() {
  const posts: Request[] = [];
  const listener = ({ request }: { request: Request }) => {
    if (request.method === 'POST' && new URL(request.url).pathname === '/api/meetings')
      posts.push(request);
  };
  server.events.on('request:start', listener);
  return {
    posts,
    stop: () => server.events.removeListener('request:start', listener),
  };
}

// --- 1. Empty submit -----------------------------------------------------------------------------

describe('submitting the empty visit form', () => {
  it('focuses the error summary, links every error to its field and prefixes the title (Bahasa Indonesia)', async () => {
    const { user } = await openForm();
    await waitFor(() => expect(document.title).toBe('Catat kunjungan — Mitra'));
    const before = (await currentStore().meetings.count());

    await submit(user);

    const summary = await findSummary();
    await waitFor(() => expect(summary).toHaveFocus());
    const kind = 'Jenis pertemuan: Pilih salah satu pilihan yang tersedia.';
    const title = 'Judul: Isian ini wajib diisi.';
    const date = 'Tanggal pertemuan: Isian ini wajib diisi.';
    expect(summaryLinks(summary)).toEqual(expect.arrayContaining([kind, title, date]));
    await waitFor(() => expect(document.title).toBe('Galat: Catat kunjungan — Mitra'));

    // The same words beside each field, after the screen-reader prefix.
    expect(errorMessageOf(screen.getByRole('group', { name: 'Jenis pertemuan' }))).toBe(
      `Galat: ${kind}`,
    );
    expect(errorMessageOf(titleInput())).toBe(`Galat: ${title}`);
    expect(errorMessageOf(dateGroup())).toBe(`Galat: ${date}`);
    expect(titleInput()).toHaveAttribute('aria-invalid', 'true');

    // Each link moves focus to its field.
    await user.click(within(summary).getByRole('link', { name: title }));
    expect(titleInput()).toHaveFocus();
    await user.click(within(summary).getByRole('link', { name: date }));
    expect(within(dateGroup()).getByRole('textbox', { name: 'Tanggal' })).toHaveFocus();
    expect(document.activeElement?.id).toBe('f-date-day');
    await user.click(within(summary).getByRole('link', { name: kind }));
    expect(document.activeElement?.id).toBe('f-kind');
    expect(screen.getByRole('radio', { name: 'Kunjungan masuk' })).toHaveFocus();

    expect((await currentStore().meetings.count())).toBe(before);
  });

  it('also lists the missing partnership on the first empty submit', async () => {
    const { user } = await openForm();
    await submit(user);

    const summary = await findSummary();
    const partnership = 'Kemitraan: Pilih kemitraan, atau isi daerah mitra yang baru (salah satu).';
    expect(summaryLinks(summary)).toContain(partnership);
    expect(errorMessageOf(screen.getByRole('combobox', { name: 'Kemitraan' }))).toBe(
      `Galat: ${partnership}`,
    );
  });

  it('asks for the partnership once the other fields are right, and links to its select', async () => {
    const { user } = await openForm();
    await user.click(screen.getByRole('radio', { name: 'Kunjungan masuk' }));
    await fill(user, titleInput(), 'Rapat tanpa mitra');
    await fillDate(user, dateGroup(), ['20', '11', '2025']);
    await submit(user);

    const summary = await findSummary();
    const partnership = 'Kemitraan: Pilih kemitraan, atau isi daerah mitra yang baru (salah satu).';
    expect(summaryLinks(summary)).toEqual([partnership]);
    const select = screen.getByRole('combobox', { name: 'Kemitraan' });
    expect(errorMessageOf(select)).toBe(`Galat: ${partnership}`);
    await user.click(within(summary).getByRole('link', { name: partnership }));
    expect(select).toHaveFocus();
  });

  it('says "There is a problem" and prefixes the title with "Error: " in English', async () => {
    const { user } = await openForm('en');
    await user.click(screen.getByRole('button', { name: 'Save the visit' }));

    const summary = await findSummary('There is a problem');
    await waitFor(() => expect(summary).toHaveFocus());
    const title = 'Title: This field is required.';
    const date = 'Date of the meeting: This field is required.';
    const kind = 'Kind of meeting: Choose one of the options.';
    expect(summaryLinks(summary)).toEqual(expect.arrayContaining([kind, title, date]));
    await waitFor(() => expect(document.title).toMatch(/^Error: /));

    const meeting = screen.getByRole('region', { name: 'Meeting' });
    const input = within(meeting).getByRole('textbox', { name: 'Title' });
    expect(errorMessageOf(input)).toBe(`Error: ${title}`);
    expect(
      errorMessageOf(within(meeting).getByRole('group', { name: 'Date of the meeting' })),
    ).toBe(`Error: ${date}`);
    await user.click(within(summary).getByRole('link', { name: title }));
    expect(input).toHaveFocus();
  });
});

// --- 2. Bad input --------------------------------------------------------------------------------

type BadInput = {
  name: string;
  arrange: (user: UserEvent) => Promise<void>;
  message: string;
  /** The field whose aria-describedby points at the message. */
  field: () => HTMLElement;
  /** The id a click on the summary link focuses. */
  focusId: string;
};

const BAD_INPUT: BadInput[] = [
  {
    name: 'a follow-up due before the meeting',
    arrange: async (user) => {
      await addFollowUp(user, 1, {
        title: 'Menyusun laporan',
        owner: 'Budi Santoso (Petugas kerja sama)',
        due: ['1', '11', '2025'],
      });
    },
    message: 'Tindak lanjut 1 — Tenggat: Tanggal tenggat tidak boleh sebelum tanggal pertemuan.',
    field: () => within(followUpRow(1)).getByRole('group', { name: 'Tenggat' }),
    focusId: 'f-followUps-0-due-day',
  },
  {
    name: 'a 10,000-character title',
    arrange: async (user) => {
      await fill(user, titleInput(), 'x'.repeat(10_000));
    },
    message: 'Judul: Maksimal 200 karakter.',
    field: titleInput,
    focusId: 'f-title',
  },
  {
    name: 'a javascript: source link',
    arrange: async (user) => {
      await fill(
        user,
        screen.getByRole('textbox', { name: /^Tautan sumber/ }),
        'javascript:alert(1)',
      );
    },
    message: 'Tautan sumber: Masukkan alamat web yang diawali http:// atau https://.',
    field: () => screen.getByRole('textbox', { name: /^Tautan sumber/ }),
    focusId: 'f-source-url',
  },
  {
    name: 'an impossible date (31 2 2025)',
    arrange: async (user) => {
      await fillDate(user, dateGroup(), ['31', '2', '2025']);
    },
    message: 'Tanggal pertemuan: Masukkan tanggal yang benar.',
    field: dateGroup,
    focusId: 'f-date-day',
  },
  {
    name: 'a follow-up with a due date but without owner (not yet assigned has no date)',
    arrange: async (user) => {
      await addFollowUp(user, 1, { title: 'Menyusun laporan', due: ['1', '12', '2025'] });
    },
    message: 'Tindak lanjut 1 — Penanggung jawab: Tenggat memerlukan penanggung jawab: pilih satu, atau kosongkan tenggat sampai ditugaskan.',
    field: () => within(followUpRow(1)).getByRole('combobox', { name: /^Penanggung jawab/ }),
    focusId: 'f-followUps-0-ownerId',
  },
];

describe('bad input is refused with a clear message, and nothing is stored', () => {
  it.each(BAD_INPUT)('$name', async ({ arrange, message, field, focusId }) => {
    const { user } = await openForm();
    const meetings = (await currentStore().meetings.count());
    const followUps = (await currentStore().followUps.count());
    const requests = countMeetingPosts();
    try {
      await fillValidVisit(user);
      await arrange(user);
      await submit(user);

      const summary = await findSummary();
      expect(summaryLinks(summary)).toEqual([message]);
      expect(errorMessageOf(field())).toBe(`Galat: ${message}`);
      await user.click(within(summary).getByRole('link', { name: message }));
      expect(document.activeElement?.id).toBe(focusId);

      expect(requests.posts).toHaveLength(0);
      expect((await currentStore().meetings.count())).toBe(meetings);
      expect((await currentStore().followUps.count())).toBe(followUps);
      expect(
        screen.queryByRole('heading', { name: 'Kunjungan belum tersimpan' }),
      ).not.toBeInTheDocument();
    } finally {
      requests.stop();
    }
  });

  it('keeps the 10,000 characters typed, so nothing is lost while fixing it', async () => {
    const { user } = await openForm();
    await fill(user, titleInput(), 'x'.repeat(10_000));
    await submit(user);
    await findSummary();
    expect(titleInput()).toHaveValue('x'.repeat(10_000));
  });
});

// --- 3. HTML in text fields ----------------------------------------------------------------------

describe('HTML typed into a text field', () => {
  it('is saved as typed and shown as literal text on the meeting page, never as markup', async () => {
    const raw = '<img src=x onerror=alert(1)><b>bold</b>';
    const { user, router } = await openForm();
    const before = (await currentStore().meetings.count());

    await fillValidVisit(user, raw);
    await fill(
      user,
      screen.getByRole('textbox', { name: /^Tempat/ }),
      '<script>alert(2)</script>Ruang Wareng',
    );
    await submit(user);

    await screen.findByText('Kunjungan tersimpan.', {}, { timeout: ROUTE_TIMEOUT });
    expect(router.state.location.pathname).toMatch(/^\/meetings\/mtg-/);
    expect((await currentStore().meetings.count())).toBe(before + 1);
    const id = decodeURIComponent(router.state.location.pathname.split('/')[2] ?? '');
    expect((await currentStore().meetings.get(id))?.title).toBe(raw);

    expect(await screen.findByRole('heading', { level: 1, name: raw })).toBeInTheDocument();
    expect(screen.getByText(raw, { selector: 'h1' })).toBeInTheDocument();
    expect(document.querySelector('img[src="x"]')).toBeNull();
    expect([...document.querySelectorAll('b')].filter((b) => b.textContent === 'bold')).toEqual([]);
    expect(document.querySelector('script')).toBeNull();
  });
});

// --- 4. API field errors -------------------------------------------------------------------------

describe('field errors from the API (400 problem+json)', () => {
  it('are shown beside the field and in the summary, and nothing typed is cleared', async () => {
    server.use(
      http.post('/api/meetings', () =>
        HttpResponse.json(
          {
            type: '/problems/validation',
            title: 'Validation failed',
            status: 400,
            errors: [
              {
                path: 'followUps.0.title',
                code: 'duplicate',
                message: 'This value is already used.',
              },
              // An unknown code falls back to the API's own message.
              { path: 'place', code: 'roomClosed', message: 'Ruang Wareng sedang direnovasi.' },
            ],
          },
          { status: 400, headers: { 'content-type': 'application/problem+json' } },
        ),
      ),
    );
    const { user } = await openForm();
    const before = (await currentStore().meetings.count());
    await fillValidVisit(user);
    const place = screen.getByRole('textbox', { name: /^Tempat/ });
    await fill(user, place, 'Ruang Rapat Wareng');
    const row = await addFollowUp(user, 1, {
      title: 'Menyelenggarakan forum teknis',
      owner: 'Dewi Lestari (Petugas kerja sama)',
      due: ['10', '12', '2026'],
    });
    await submit(user);

    const summary = await findSummary();
    await waitFor(() => expect(summary).toHaveFocus());
    const duplicate = 'Tindak lanjut 1 — Judul: Nilai ini sudah dipakai.';
    const closed = 'Tempat: Ruang Wareng sedang direnovasi.';
    expect(summaryLinks(summary)).toEqual([closed, duplicate]); // in page order
    const followUpTitle = within(row).getByRole('textbox', { name: 'Judul' });
    expect(errorMessageOf(followUpTitle)).toBe(`Galat: ${duplicate}`);
    expect(followUpTitle).toHaveAttribute('aria-invalid', 'true');
    expect(errorMessageOf(place)).toBe(`Galat: ${closed}`);
    await user.click(within(summary).getByRole('link', { name: duplicate }));
    expect(followUpTitle).toHaveFocus();
    expect(followUpTitle).toHaveAttribute('id', 'f-followUps-0-title');
    await waitFor(() => expect(document.title).toBe('Galat: Catat kunjungan — Mitra'));
    // A validation answer is not a failed save: no "not saved" alert, no retry button.
    expect(
      screen.queryByRole('heading', { name: 'Kunjungan belum tersimpan' }),
    ).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Coba simpan lagi' })).not.toBeInTheDocument();

    // Nothing typed is cleared.
    expect(screen.getByRole('combobox', { name: 'Kemitraan' })).toHaveDisplayValue('Kota Binzhou');
    expect(screen.getByRole('radio', { name: 'Kunjungan masuk' })).toBeChecked();
    expect(titleInput()).toHaveValue('Rapat lanjutan dengan Kota Binzhou');
    expect(within(dateGroup()).getByRole('textbox', { name: 'Tanggal' })).toHaveValue('20');
    expect(within(dateGroup()).getByRole('textbox', { name: 'Bulan' })).toHaveValue('11');
    expect(within(dateGroup()).getByRole('textbox', { name: 'Tahun' })).toHaveValue('2025');
    expect(place).toHaveValue('Ruang Rapat Wareng');
    expect(followUpTitle).toHaveValue('Menyelenggarakan forum teknis');
    expect(within(row).getByRole('combobox', { name: /^Penanggung jawab/ })).toHaveDisplayValue(
      'Dewi Lestari (Petugas kerja sama)',
    );
    expect(
      within(within(row).getByRole('group', { name: 'Tenggat' })).getByRole('textbox', {
        name: 'Tahun',
      }),
    ).toHaveValue('2026');
    expect((await currentStore().meetings.count())).toBe(before);
  });
});
