import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { FollowUp } from '@/domain/follow-up';
import { DEFAULT_USER_ID, usePreferences } from '@/stores/preferences';
import { currentStore, server } from '../../mocks/node';
import { renderApp } from '../render';

const EXCHANGE = { id: 'fu-binzhou-exchange', title: 'Mengusulkan program pertukaran pelajar' };
const TOURISM = { id: 'fu-binzhou-tourism', title: 'Menyiapkan paket promosi pariwisata' };
const MSME = { id: 'fu-binzhou-msme', title: 'Memetakan kecocokan UMKM dan ekonomi kreatif' };
const PENANG = { id: 'fu-penang-1', title: 'Menyusun naskah MoU kota persahabatan (contoh)' };

// "Komentar" and "(opsional)" are separate elements; jsdom's name computation drops the space.
const OPTIONAL_COMMENT = /^Komentar\s*\(opsional\)$/;
const SERVER_ERROR = 'Terjadi kesalahan di server. Tidak ada yang diubah. Coba lagi sebentar lagi.';

// The list is virtualized; jsdom cannot scroll, and the demo's 13 rows all fit anyway.
beforeEach(() => {
  // The demo user is kept in memory between tests; every test starts as the default user.
  usePreferences.setState({ userId: DEFAULT_USER_ID });
  vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** The write requests (method and path) the app sends, from the moment this is called. */
function recordWrites() {
  const writes: Array<{ method: string; path: string; body: unknown }> = [];
  const record = ({ request }: { request: Request }) => {
    if (request.method === 'GET') return;
    const entry = {
      method: request.method,
      path: new URL(request.url).pathname,
      body: undefined as unknown,
    };
    writes.push(entry);
    void request
      .clone()
      .json()
      .then((body: unknown) => {
        entry.body = body;
      });
  };
  server.events.on('request:start', record);
  onTestFinished(() => {
    server.events.removeListener('request:start', record);
  });
  return writes;
}

async function stored(id: string): Promise<FollowUp> {
  const item = (await currentStore().followUps.get(id));
  if (!item) throw new Error(`no follow-up ${id}`);
  return item;
}

function rowOf(title: string): HTMLElement {
  const row = within(screen.getByRole('table'))
    .getByRole('link', { name: title })
    .closest<HTMLElement>('[role="row"]');
  if (!row) throw new Error(`no row for ${title}`);
  return row;
}

/** The status a row shows (its tag, without the "Ubah status" button). */
function shownStatus(title: string): string {
  const cell = within(rowOf(title)).getAllByRole('cell').at(-1);
  return Array.from(cell?.childNodes ?? [])
    .filter((node) => !(node instanceof HTMLButtonElement))
    .map((node) => node.textContent)
    .join('')
    .trim();
}

async function openDialog(user: ReturnType<typeof renderApp>['user'], title: string) {
  await user.click(within(rowOf(title)).getByRole('button', { name: `Ubah status: ${title}` }));
  return screen.findByRole('dialog', { name: `Ubah status: ${title}` });
}

/** Its owner changes the item through the API, as a second browser would (an officer may change their own items). */
async function changeElsewhere(id: string, status: FollowUp['status']) {
  const response = await fetch(new URL(`/api/follow-ups/${id}`, window.location.origin), {
    method: 'PATCH',
    headers: {
      'content-type': 'application/json',
      'if-match': `"${(await stored(id)).version}"`,
      'x-mitra-user': (await stored(id)).ownerId!,
    },
    body: JSON.stringify({ status }),
  });
  expect(response.status).toBe(200);
}

async function openPage(userId?: string) {
  const view = renderApp('/follow-ups', userId ? { userId } : {});
  await screen.findByRole('table', { name: 'Tindak lanjut (13)' });
  await screen.findByRole('link', { name: EXCHANGE.title });
  return view;
}

describe('changing the status of one follow-up', () => {
  it('saves it in one step with a comment, and says so', async () => {
    const { user } = await openPage();
    const dialog = await openDialog(user, EXCHANGE.title);
    expect(within(dialog).getByRole('radio', { name: 'Terbuka' })).toBeChecked();

    await user.click(within(dialog).getByRole('radio', { name: 'Selesai' }));
    await user.type(
      within(dialog).getByRole('textbox', { name: OPTIONAL_COMMENT }),
      'Usulan dikirim ke Binzhou',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Simpan' }));

    expect(
      await screen.findByText(`Status “${EXCHANGE.title}” diubah menjadi Selesai.`),
    ).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(shownStatus(EXCHANGE.title)).toBe('Selesai');
    expect((await stored(EXCHANGE.id))).toMatchObject({ status: 'done', version: 2 });
    expect((await stored(EXCHANGE.id)).history.at(-1)).toMatchObject({
      kind: 'status',
      from: 'open',
      to: 'done',
      by: 'usr-rina',
      comment: 'Usulan dikirim ke Binzhou',
    });
  });

  it('changes nothing on "Batal"', async () => {
    const writes = recordWrites();
    const { user } = await openPage();
    const dialog = await openDialog(user, EXCHANGE.title);
    await user.click(within(dialog).getByRole('radio', { name: 'Dibatalkan' }));
    await user.click(within(dialog).getByRole('button', { name: 'Batal' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(shownStatus(EXCHANGE.title)).toBe('Terbuka');
    expect(writes).toEqual([]);
  });

  it('shows the new status at once, and the old one again with an alert when the server fails', async () => {
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => {
      answer = resolve;
    });
    server.use(
      http.patch('/api/follow-ups/:id', async () => {
        await answered;
        return HttpResponse.json(
          {
            type: '/problems/internal',
            title: 'Something went wrong on our side. Nothing was changed.',
            status: 500,
          },
          { status: 500, headers: { 'content-type': 'application/problem+json' } },
        );
      }),
    );
    const { user } = await openPage();
    const dialog = await openDialog(user, EXCHANGE.title);
    await user.click(within(dialog).getByRole('radio', { name: 'Sedang berjalan' }));
    await user.click(within(dialog).getByRole('button', { name: 'Simpan' }));

    // Before the server answers: the new status, marked as on its way.
    await waitFor(() => expect(shownStatus(EXCHANGE.title)).toBe('Sedang berjalan'));
    expect(
      within(rowOf(EXCHANGE.title)).getByRole('button', { name: `Ubah status: ${EXCHANGE.title}` }),
    ).toHaveAttribute('aria-busy', 'true');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    answer();

    expect(await screen.findByRole('alert')).toHaveTextContent(
      `Perubahan status “${EXCHANGE.title}” gagal: ${SERVER_ERROR} Statusnya dikembalikan ke Terbuka.`,
    );
    expect(shownStatus(EXCHANGE.title)).toBe('Terbuka');
    await waitFor(() =>
      expect(
        within(rowOf(EXCHANGE.title)).getByRole('button', {
          name: `Ubah status: ${EXCHANGE.title}`,
        }),
      ).not.toHaveAttribute('aria-busy'),
    );
    expect((await stored(EXCHANGE.id))).toMatchObject({ status: 'open', version: 1 });
  });

  it('asks for a reason before blocking, and sends nothing without one', async () => {
    const writes = recordWrites();
    const { user } = await openPage();
    const dialog = await openDialog(user, EXCHANGE.title);
    expect(within(dialog).getByRole('textbox', { name: OPTIONAL_COMMENT })).toBeInTheDocument();

    await user.click(within(dialog).getByRole('radio', { name: 'Terhambat' }));
    const reason = within(dialog).getByRole('textbox', { name: 'Alasan terhambat' });
    expect(reason).toHaveAccessibleDescription('Wajib: apa yang menghambat?');
    await user.click(within(dialog).getByRole('button', { name: 'Simpan' }));

    expect(
      await within(dialog).findByText('Tuliskan alasan mengapa tindak lanjut terhambat.'),
    ).toBeInTheDocument();
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(reason).toHaveAccessibleDescription(
      expect.stringContaining('Tuliskan alasan mengapa tindak lanjut terhambat.'),
    );
    expect(reason).toHaveFocus();

    // Spaces are no reason either.
    await user.type(reason, '   ');
    await user.click(within(dialog).getByRole('button', { name: 'Simpan' }));
    expect(
      within(dialog).getByText('Tuliskan alasan mengapa tindak lanjut terhambat.'),
    ).toBeInTheDocument();
    expect(writes).toEqual([]);
    expect(shownStatus(EXCHANGE.title)).toBe('Terbuka');

    await user.clear(reason);
    await user.type(reason, 'Menunggu kalender akademik dari Binzhou');
    await user.click(within(dialog).getByRole('button', { name: 'Simpan' }));

    expect(
      await screen.findByText(`Status “${EXCHANGE.title}” diubah menjadi Terhambat.`),
    ).toBeInTheDocument();
    expect(shownStatus(EXCHANGE.title)).toBe('Terhambat');
    expect(writes).toEqual([
      { method: 'PATCH', path: `/api/follow-ups/${EXCHANGE.id}`, body: expect.anything() },
    ]);
    expect((await stored(EXCHANGE.id)).history.at(-1)).toMatchObject({
      kind: 'status',
      to: 'blocked',
      comment: 'Menunggu kalender akademik dari Binzhou',
    });
  });

  it('lowers the reminder badge when the overdue item is done', async () => {
    const { user } = await openPage('usr-budi');
    const nav = screen.getByRole('navigation', { name: 'Navigasi utama' });
    expect(
      await within(nav).findByRole('link', {
        name: /1 tindak lanjut Anda terlambat atau jatuh tempo hari ini/,
      }),
    ).toBeInTheDocument();

    const dialog = await openDialog(user, PENANG.title);
    await user.click(within(dialog).getByRole('radio', { name: 'Selesai' }));
    await user.click(within(dialog).getByRole('button', { name: 'Simpan' }));

    expect(
      await screen.findByText(`Status “${PENANG.title}” diubah menjadi Selesai.`),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(within(nav).getByRole('link', { name: 'Tindak lanjut' })).toBeInTheDocument(),
    );
    expect(await screen.findByRole('link', { name: 'Terlambat (0)' })).toBeInTheDocument();
  });
});

describe('when someone else changed the follow-up first (412)', () => {
  it('says what they did and applies my change again on "Terapkan lagi perubahan saya"', async () => {
    const { user } = await openPage();
    await changeElsewhere(EXCHANGE.id, 'in-progress');

    const dialog = await openDialog(user, EXCHANGE.title);
    await user.click(within(dialog).getByRole('radio', { name: 'Selesai' }));
    await user.click(within(dialog).getByRole('button', { name: 'Simpan' }));

    const alert = await screen.findByRole('alert');
    expect(
      within(alert).getByRole('heading', { name: `Orang lain mengubah “${EXCHANGE.title}”` }),
    ).toBeInTheDocument();
    expect(alert).toHaveTextContent(
      'Sejak Anda memuatnya, statusnya menjadi Sedang berjalan (versi 2). Perubahan Anda ke Selesai belum disimpan.',
    );
    await waitFor(() => expect(shownStatus(EXCHANGE.title)).toBe('Sedang berjalan'));
    expect((await stored(EXCHANGE.id))).toMatchObject({ status: 'in-progress', version: 2 });

    await user.click(within(alert).getByRole('button', { name: 'Terapkan lagi perubahan saya' }));

    expect(
      await screen.findByText(`Status “${EXCHANGE.title}” diubah menjadi Selesai.`),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(shownStatus(EXCHANGE.title)).toBe('Selesai');
    expect((await stored(EXCHANGE.id))).toMatchObject({ status: 'done', version: 3 });
    expect((await stored(EXCHANGE.id)).history.slice(-2)).toEqual([
      expect.objectContaining({ kind: 'status', from: 'open', to: 'in-progress', by: 'usr-dewi' }), // the owner
      expect.objectContaining({ kind: 'status', from: 'in-progress', to: 'done', by: 'usr-rina' }),
    ]);
  });

  it('keeps their change on "Biarkan seperti sekarang"', async () => {
    const writes = recordWrites();
    const { user } = await openPage();
    (await currentStore().followUps.replace({
      ...(await stored(TOURISM.id)),
      status: 'cancelled',
      version: (await stored(TOURISM.id)).version + 1,
    }));

    const dialog = await openDialog(user, TOURISM.title);
    await user.click(within(dialog).getByRole('radio', { name: 'Sedang berjalan' }));
    await user.click(within(dialog).getByRole('button', { name: 'Simpan' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(`Orang lain mengubah “${TOURISM.title}”`);

    await user.click(within(alert).getByRole('button', { name: 'Biarkan seperti sekarang' }));

    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await waitFor(() => expect(shownStatus(TOURISM.title)).toBe('Dibatalkan'));
    expect((await stored(TOURISM.id))).toMatchObject({ status: 'cancelled', version: 2 });
    expect(writes).toHaveLength(1);
  });
});

describe('changing many follow-ups at once', () => {
  it('selects every loaded row with "Pilih semua yang dimuat" and clears the selection again', async () => {
    const { user } = await openPage();
    await user.click(screen.getByRole('checkbox', { name: 'Pilih semua yang dimuat' }));

    expect(await screen.findByRole('button', { name: 'Terapkan ke 13 item' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: `Pilih ${EXCHANGE.title}` })).toBeChecked();
    expect(rowOf(EXCHANGE.title)).toHaveAttribute('aria-selected', 'true');

    await user.click(screen.getByRole('checkbox', { name: 'Pilih semua yang dimuat' }));
    expect(screen.queryByRole('button', { name: /^Terapkan ke/ })).not.toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: `Pilih ${EXCHANGE.title}` })).not.toBeChecked();
  });

  it('applies what it can, and lists what failed: "2 diubah, 1 gagal."', async () => {
    const writes = recordWrites();
    const { user } = await openPage();
    for (const { title } of [EXCHANGE, TOURISM, MSME])
      await user.click(screen.getByRole('checkbox', { name: `Pilih ${title}` }));
    // Someone else changes one of them after it was loaded.
    (await currentStore().followUps.replace({
      ...(await stored(TOURISM.id)),
      priority: 'high',
      version: (await stored(TOURISM.id)).version + 1,
    }));

    const bar = await screen.findByRole('form', { name: '3 dipilih — Ubah yang dipilih' });
    await user.selectOptions(
      within(bar).getByRole('combobox', { name: 'Status' }),
      'Sedang berjalan',
    );
    await user.click(within(bar).getByRole('button', { name: 'Terapkan ke 3 item' }));

    const summary = await screen.findByText('2 diubah, 1 gagal.');
    const failures = within(summary.parentElement as HTMLElement).getAllByRole('listitem');
    expect(failures).toHaveLength(1);
    expect(failures[0]).toHaveTextContent(new RegExp(`^${TOURISM.title}: `));

    expect(writes).toEqual([
      {
        method: 'POST',
        path: '/api/follow-ups/bulk',
        body: {
          items: expect.arrayContaining([
            { id: EXCHANGE.id, version: 1 },
            { id: TOURISM.id, version: 1 },
            { id: MSME.id, version: 1 },
          ]) as unknown,
          changes: { status: 'in-progress' },
        },
      },
    ]);
    expect((await stored(EXCHANGE.id)).status).toBe('in-progress');
    expect((await stored(MSME.id)).status).toBe('in-progress');
    expect((await stored(TOURISM.id))).toMatchObject({ status: 'open', version: 2 });
    await waitFor(() => expect(shownStatus(EXCHANGE.title)).toBe('Sedang berjalan'));
    expect(shownStatus(MSME.title)).toBe('Sedang berjalan');
    expect(shownStatus(TOURISM.title)).toBe('Terbuka');
    // What failed stays selected, to try again.
    expect(screen.getByRole('button', { name: 'Terapkan ke 1 item' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: `Pilih ${TOURISM.title}` })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: `Pilih ${EXCHANGE.title}` })).not.toBeChecked();
  });
});

describe('the bulk summary', () => {
  it('gives the reason a follow-up failed in the language of the page', async () => {
    const { user } = await openPage();
    await user.click(screen.getByRole('checkbox', { name: `Pilih ${TOURISM.title}` }));
    (await currentStore().followUps.replace({
      ...(await stored(TOURISM.id)),
      version: (await stored(TOURISM.id)).version + 1,
    }));
    const bar = await screen.findByRole('form', { name: '1 dipilih — Ubah yang dipilih' });
    await user.selectOptions(within(bar).getByRole('combobox', { name: 'Status' }), 'Selesai');
    await user.click(within(bar).getByRole('button', { name: 'Terapkan ke 1 item' }));

    const summary = await screen.findByText('0 diubah, 1 gagal.');
    const failure = within(summary.parentElement as HTMLElement).getByRole('listitem');
    expect(failure).not.toHaveTextContent('Someone else changed this');
    expect(failure).toHaveTextContent(`${TOURISM.title}: Orang lain telah mengubah data ini`);
  });
});

describe('two status changes under way at once', () => {
  /** The next PATCH of `id` waits until `release` is called, then fails with a 500. */
  function holdThenFail(id: string) {
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    server.use(
      http.patch(`/api/follow-ups/${id}`, async () => {
        await released;
        return HttpResponse.json(
          { type: '/problems/internal', title: 'Something went wrong.', status: 500 },
          { status: 500, headers: { 'content-type': 'application/problem+json' } },
        );
      }),
    );
    return release;
  }

  async function changeInDialog(
    user: ReturnType<typeof renderApp>['user'],
    title: string,
    status: string,
  ) {
    const dialog = await openDialog(user, title);
    await user.click(within(dialog).getByRole('radio', { name: status }));
    await user.click(within(dialog).getByRole('button', { name: 'Simpan' }));
  }

  it('rolls back only the row whose change failed', async () => {
    const releaseExchange = holdThenFail(EXCHANGE.id);
    // Keep the refetches waiting, so that only the rollback decides what the rows show.
    let holdLists = false;
    let releaseLists!: () => void;
    const lists = new Promise<void>((resolve) => {
      releaseLists = resolve;
    });
    server.use(
      http.get('/api/follow-ups', async () => {
        if (holdLists) await lists;
      }),
    );
    const { user } = await openPage();
    await changeInDialog(user, EXCHANGE.title, 'Sedang berjalan');
    holdLists = true;
    await changeInDialog(user, TOURISM.title, 'Selesai');
    await waitFor(async () => expect((await stored(TOURISM.id)).status).toBe('done'));
    await waitFor(() => expect(shownStatus(TOURISM.title)).toBe('Selesai'));

    releaseExchange();

    try {
      await waitFor(() => expect(shownStatus(EXCHANGE.title)).toBe('Terbuka'));
      expect(shownStatus(TOURISM.title)).toBe('Selesai');
    } finally {
      releaseLists();
    }
  });

  it('announces the failure of the first and clears its busy state', async () => {
    const releaseExchange = holdThenFail(EXCHANGE.id);
    const { user } = await openPage();
    await changeInDialog(user, EXCHANGE.title, 'Sedang berjalan');
    await changeInDialog(user, TOURISM.title, 'Selesai');
    await waitFor(async () => expect((await stored(TOURISM.id)).status).toBe('done'));

    releaseExchange();

    expect(await screen.findByRole('alert')).toHaveTextContent(
      `Perubahan status “${EXCHANGE.title}” gagal: ${SERVER_ERROR} Statusnya dikembalikan ke Terbuka.`,
    );
    await waitFor(() =>
      expect(
        within(rowOf(EXCHANGE.title)).getByRole('button', {
          name: `Ubah status: ${EXCHANGE.title}`,
        }),
      ).not.toHaveAttribute('aria-busy'),
    );
  });
});
