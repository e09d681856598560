import { act, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { FollowUp } from '@/domain/follow-up';
import type { Page } from '@/domain/schemas/common';
import { DEFAULT_USER_ID, usePreferences } from '@/stores/preferences';
import { generateSnapshot } from '../../mocks/generator';
import { currentStore, resetApi, server } from '../../mocks/node';
import { renderApp } from '../render';

/** The row height the list estimates; jsdom lays nothing out, so the rows are given it. */
const ROW_HEIGHT = 60;
const PAGE_SIZE = 50;
/** A request the test makes itself, not the app. */
const PROBE = 'x-test-probe';

/** The window scrolled to `top`, as a browser would report it to the list. */
function scrollWindowTo(top: number, dispatch = true) {
  Object.defineProperty(window, 'scrollY', { configurable: true, value: top });
  Object.defineProperty(window, 'pageYOffset', { configurable: true, value: top });
  if (dispatch) window.dispatchEvent(new Event('scroll'));
}

const offsetHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetHeight');
const scrollTo = Object.getOwnPropertyDescriptor(window, 'scrollTo');
beforeEach(() => {
  // The demo user is kept in memory between tests; every test starts as the default user.
  usePreferences.setState({ userId: DEFAULT_USER_ID });
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.getAttribute('role') === 'row' ? ROW_HEIGHT : 0;
    },
  });
  Object.defineProperty(window, 'scrollTo', {
    configurable: true,
    value: (options: ScrollToOptions) => scrollWindowTo(options.top ?? 0),
  });
  scrollWindowTo(0, false);
});
afterEach(() => {
  vi.restoreAllMocks();
  if (offsetHeight) Object.defineProperty(HTMLElement.prototype, 'offsetHeight', offsetHeight);
  if (scrollTo) Object.defineProperty(window, 'scrollTo', scrollTo);
  scrollWindowTo(0, false);
});

/** The list requests the app makes (the query string of each), from the moment this is called. */
function recordListRequests() {
  const seen: URLSearchParams[] = [];
  const record = ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/follow-ups' && !request.headers.has(PROBE))
      seen.push(url.searchParams);
  };
  server.events.on('request:start', record);
  onTestFinished(() => {
    server.events.removeListener('request:start', record);
  });
  return seen;
}

/** Everything the API lists for these filters, in its order (every page). */
async function apiList(
  params: Record<string, string>,
): Promise<{ items: FollowUp[]; total: number }> {
  const items: FollowUp[] = [];
  let cursor: string | null = null;
  let total = 0;
  do {
    const url = new URL('/api/follow-ups', window.location.origin);
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    url.searchParams.set('limit', '100');
    if (cursor) url.searchParams.set('cursor', cursor);
    const response = await fetch(url, { headers: { [PROBE]: '1' } });
    expect(response.status).toBe(200);
    const page = (await response.json()) as Page<FollowUp>;
    items.push(...page.items);
    total = page.total;
    cursor = page.nextCursor;
  } while (cursor);
  return { items, total };
}

async function apiTotal(params: Record<string, string>): Promise<number> {
  return (await apiList(params)).total;
}

type ShownRow = { index: number; title: string; owner: string; status: string };

/**
 * The body rows in the DOM (the virtualized window of them), as a reader sees them. Read through
 * the DOM, not role queries: those are slow in jsdom over many cells.
 */
function shownRows(table: HTMLElement): ShownRow[] {
  const headings = Array.from(
    table.querySelectorAll('[role="columnheader"]'),
    (h) => h.textContent ?? '',
  );
  return Array.from(table.querySelectorAll<HTMLElement>('[role="row"]'))
    .filter((row) => row.querySelector('a') !== null)
    .map((row) => {
      const cells = Array.from(row.querySelectorAll('[role="cell"]'));
      const cell = (heading: string) => cells[headings.indexOf(heading)];
      const status = Array.from(cell('Status')?.childNodes ?? [])
        .filter((node) => !(node instanceof HTMLButtonElement))
        .map((node) => node.textContent)
        .join('')
        .trim();
      return {
        index: Number(row.getAttribute('aria-rowindex')),
        title: cell('Judul')?.textContent ?? '',
        owner: cell('Penanggung jawab')?.textContent ?? '',
        status,
      };
    });
}

const STATUS_LABELS: Record<FollowUp['status'], string> = {
  open: 'Terbuka',
  'in-progress': 'Sedang berjalan',
  blocked: 'Terhambat',
  done: 'Selesai',
  cancelled: 'Dibatalkan',
};

/** The list shows, row for row and at the right positions, what the API answers for the address. */
async function expectListToMatchApi(search: string) {
  const expected = await apiList(Object.fromEntries(new URLSearchParams(search)));
  const table = await screen.findByRole('table', { name: `Tindak lanjut (${expected.total})` });
  expect(table).toHaveAttribute('aria-rowcount', String(expected.total + 1));
  await waitFor(() =>
    expect(shownRows(table).map((r) => r.title)).toEqual(expected.items.map((i) => i.title)),
  );
  expect(shownRows(table)).toEqual(
    expected.items.map((item, i) =>
      expect.objectContaining({
        index: i + 2,
        title: item.title,
        status: STATUS_LABELS[item.status],
      }),
    ),
  );
  expect(
    screen.getByText(`Menampilkan ${expected.total} dari ${expected.total}`),
  ).toBeInTheDocument();
}

function paramsOf(search: string) {
  return Object.fromEntries(new URLSearchParams(search));
}

describe('the follow-ups page', () => {
  it('shows every follow-up as a table of total + 1 rows, each at its position in the API order', async () => {
    renderApp('/follow-ups');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Tindak lanjut' }),
    ).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Tindak lanjut (13)' });
    expect(table).toHaveAttribute('aria-rowcount', '14');
    const header = within(table).getAllByRole('row')[0];
    expect(header).toHaveAttribute('aria-rowindex', '1');
    expect(
      within(header!).getByRole('checkbox', { name: 'Pilih semua yang dimuat' }),
    ).not.toBeChecked();
    await expectListToMatchApi('');

    const forum = screen.getByRole('link', {
      name: 'Menyelenggarakan forum teknis dengan Kota Binzhou',
    });
    const row = forum.closest('[role="row"]');
    expect(row).not.toBeNull();
    expect(
      within(row as HTMLElement).getByRole('checkbox', {
        name: 'Pilih Menyelenggarakan forum teknis dengan Kota Binzhou',
      }),
    ).toBeInTheDocument();
    expect(
      within(row as HTMLElement).getByRole('button', {
        name: 'Ubah status: Menyelenggarakan forum teknis dengan Kota Binzhou',
      }),
    ).toBeInTheDocument();
  });

  it('puts what is chosen in the controls into the address, and lists what the API answers for it', async () => {
    const { user, router } = renderApp('/follow-ups');
    await screen.findByRole('table', { name: 'Tindak lanjut (13)' });
    const filters = screen.getByRole('search', { name: 'Saring tindak lanjut' });

    await user.selectOptions(within(filters).getByRole('combobox', { name: 'Status' }), 'Terbuka');
    expect(paramsOf(router.state.location.search)).toEqual({ status: 'open' });
    await expectListToMatchApi(router.state.location.search);

    await user.selectOptions(
      within(filters).getByRole('combobox', { name: 'Kemitraan' }),
      'pts-tangerang-binzhou',
    );
    await waitFor(() =>
      expect(paramsOf(router.state.location.search)).toMatchObject({
        partnershipId: 'pts-tangerang-binzhou',
      }),
    );
    await user.selectOptions(
      within(filters).getByRole('combobox', { name: 'Penanggung jawab' }),
      'Dewi Lestari',
    );
    await waitFor(() =>
      expect(paramsOf(router.state.location.search)).toMatchObject({ ownerId: 'usr-dewi' }),
    );
    await user.selectOptions(
      within(filters).getByRole('combobox', { name: 'Urutkan' }),
      'Judul (A–Z)',
    );
    await waitFor(() =>
      expect(paramsOf(router.state.location.search)).toEqual({
        status: 'open',
        partnershipId: 'pts-tangerang-binzhou',
        ownerId: 'usr-dewi',
        sort: 'title',
      }),
    );
    await expectListToMatchApi(router.state.location.search);

    await user.selectOptions(
      within(filters).getByRole('combobox', { name: 'Sektor' }),
      'Pendidikan dan pertukaran pelajar',
    );
    expect(paramsOf(router.state.location.search)).toMatchObject({ sectorId: 'education' });
    await expectListToMatchApi(router.state.location.search);
    expect(shownRows(screen.getByRole('table')).map((r) => r.title)).toEqual([
      'Mengusulkan program pertukaran pelajar',
    ]);

    // Nothing of Dewi's open Binzhou items is due this month (the API's month: November 2025).
    await user.selectOptions(
      within(filters).getByRole('combobox', { name: 'Tenggat' }),
      'Bulan ini',
    );
    expect(paramsOf(router.state.location.search)).toMatchObject({ due: 'month' });
    expect(
      await screen.findByText('Tidak ada tindak lanjut yang cocok dengan filter ini.'),
    ).toBeInTheDocument();
    expect(await apiTotal(paramsOf(router.state.location.search))).toBe(0);

    await user.click(screen.getByRole('link', { name: 'Hapus saringan' }));
    expect(router.state.location.search).toBe('');
    await expectListToMatchApi('');
    for (const name of ['Status', 'Tenggat', 'Sektor', 'Kemitraan', 'Penanggung jawab']) {
      expect(within(filters).getByRole('combobox', { name })).toHaveDisplayValue('Semua');
    }
    expect(within(filters).getByRole('combobox', { name: 'Urutkan' })).toHaveDisplayValue(
      'Tenggat terdekat',
    );
  });

  it('opens an address with its filters chosen in the controls and the list filtered', async () => {
    const search =
      '?status=open&partnershipId=pts-tangerang-binzhou&ownerId=usr-dewi&due=none&sort=-dueDate';
    const { user, router } = renderApp(`/follow-ups${search.replace('&due=none', '')}`);

    const filters = await screen.findByRole('search', { name: 'Saring tindak lanjut' });
    await expectListToMatchApi(search.replace('&due=none', ''));
    expect(within(filters).getByRole('combobox', { name: 'Status' })).toHaveDisplayValue('Terbuka');
    await waitFor(() =>
      expect(within(filters).getByRole('combobox', { name: 'Kemitraan' })).toHaveValue(
        'pts-tangerang-binzhou',
      ),
    );
    await waitFor(() =>
      expect(
        within(filters).getByRole('combobox', { name: 'Penanggung jawab' }),
      ).toHaveDisplayValue('Dewi Lestari'),
    );
    expect(within(filters).getByRole('combobox', { name: 'Urutkan' })).toHaveDisplayValue(
      'Tenggat terjauh',
    );
    expect(within(filters).getByRole('combobox', { name: 'Tenggat' })).toHaveDisplayValue('Semua');

    // Changing one control keeps the others.
    await user.selectOptions(within(filters).getByRole('combobox', { name: 'Status' }), 'Semua');
    expect(paramsOf(router.state.location.search)).toEqual({
      partnershipId: 'pts-tangerang-binzhou',
      ownerId: 'usr-dewi',
      sort: '-dueDate',
    });
    await expectListToMatchApi(router.state.location.search);
  });

  it('filters by a comma list of statuses and a due window from the address', async () => {
    renderApp('/follow-ups?status=open,blocked');
    await expectListToMatchApi('?status=open,blocked');
    const statuses = new Set(shownRows(screen.getByRole('table')).map((r) => r.status));
    expect(statuses).toEqual(new Set(['Terbuka', 'Terhambat']));
  });

  it(
    'does not claim "Semua" in the Status control for a comma list of statuses',
    async () => {
      renderApp('/follow-ups?status=open,blocked');
      await expectListToMatchApi('?status=open,blocked');
      expect(screen.getByRole('combobox', { name: 'Status' })).not.toHaveDisplayValue('Semua');
    },
  );

  it('opens an overdue address with "Tenggat: Terlambat" chosen and only what the API counts as overdue', async () => {
    renderApp('/follow-ups?due=overdue');
    await expectListToMatchApi('?due=overdue');
    expect(screen.getByRole('combobox', { name: 'Tenggat' })).toHaveDisplayValue('Terlambat');
    expect(shownRows(screen.getByRole('table')).map((r) => r.title)).toEqual([
      'Menyusun naskah MoU kota persahabatan (contoh)',
    ]);
  });

  it('drops what it does not understand in the address and shows everything', async () => {
    const requests = recordListRequests();
    renderApp('/follow-ups?status=lost&due=later&sort=random&ownerId=%3Cscript%3E&sectorId=');

    await expectListToMatchApi('');
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveDisplayValue('Semua');
    expect(screen.getByRole('combobox', { name: 'Tenggat' })).toHaveDisplayValue('Semua');
    expect(screen.getByRole('combobox', { name: 'Penanggung jawab' })).toHaveDisplayValue('Semua');
    expect(screen.getByRole('combobox', { name: 'Urutkan' })).toHaveDisplayValue(
      'Tenggat terdekat',
    );
    const sent = requests.filter((p) => p.get('limit') === String(PAGE_SIZE));
    expect(sent.length).toBeGreaterThan(0);
    for (const params of sent) expect([...params.keys()].toSorted()).toEqual(['limit']);
  });

  it('searches as the user types and ends on the answer for everything typed, however late the others come', async () => {
    const requests = recordListRequests();
    // Answers for what was typed on the way arrive only after the answer for the whole word.
    let releaseLate!: () => void;
    const late = new Promise<void>((resolve) => {
      releaseLate = resolve;
    });
    server.use(
      http.get('/api/follow-ups', async ({ request }) => {
        const q = new URL(request.url).searchParams.get('q');
        if (q && q !== 'Menyiapkan') await late;
        // Nothing returned: the request goes on to the API.
      }),
    );
    const { user, router, queryClient } = renderApp('/follow-ups');
    await screen.findByRole('table', { name: 'Tindak lanjut (13)' });
    const search = screen.getByRole('searchbox', { name: 'Cari' });
    expect(search).toHaveAttribute('id', 'filter-q');

    await user.type(search, 'Menyiapkan');

    await waitFor(() =>
      expect(paramsOf(router.state.location.search)).toEqual({ q: 'Menyiapkan' }),
    );
    await expectListToMatchApi('?q=Menyiapkan');
    expect(search).toHaveValue('Menyiapkan');
    const asked = requests.map((p) => p.get('q')).filter((q) => q !== null);
    expect(asked.at(-1)).toBe('Menyiapkan');
    for (const q of asked) expect('Menyiapkan'.startsWith(q)).toBe(true);

    releaseLate();
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    await expectListToMatchApi('?q=Menyiapkan');

    await user.clear(search);
    await waitFor(() => expect(router.state.location.search).toBe(''));
    await expectListToMatchApi('');
    expect(search).toHaveValue('');
  });

  it('opens an address with a search with the words in the field', async () => {
    renderApp('/follow-ups?q=MoU');
    await expectListToMatchApi('?q=MoU');
    expect(screen.getByRole('searchbox', { name: 'Cari' })).toHaveValue('MoU');
  });

  it('says so when nothing matches', async () => {
    server.use(
      http.get('/api/follow-ups', () =>
        HttpResponse.json({ items: [], total: 0, nextCursor: null }),
      ),
    );
    renderApp('/follow-ups?status=cancelled');

    expect(
      await screen.findByText('Tidak ada tindak lanjut yang cocok dengan filter ini.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});

describe('the shortcuts', () => {
  it('count "Milik saya" and "Terlambat" as the API does, and filter the list to them', async () => {
    await resetApi(generateSnapshot({ seed: 42, followUps: 120, meetings: 0, partnerships: 0 }));
    const mine = await apiTotal({ ownerId: 'usr-dewi' });
    const overdue = await apiTotal({ due: 'overdue' });
    const mineOverdue = await apiTotal({ ownerId: 'usr-dewi', due: 'overdue' });
    expect(mine).toBeGreaterThan(PAGE_SIZE);
    expect(mineOverdue).toBeGreaterThan(0);
    expect(mineOverdue).toBeLessThan(overdue);

    const { user, router } = renderApp('/follow-ups', { userId: 'usr-dewi' });
    const shortcuts = await screen.findByRole('navigation', { name: 'Pintasan' });
    const mineLink = await within(shortcuts).findByRole('link', { name: `Milik saya (${mine})` });
    const overdueLink = await within(shortcuts).findByRole('link', {
      name: `Terlambat (${overdue})`,
    });
    expect(mineLink).not.toHaveAttribute('aria-current');

    await user.click(mineLink);
    expect(paramsOf(router.state.location.search)).toEqual({ ownerId: 'usr-dewi' });
    await waitFor(() => expect(mineLink).toHaveAttribute('aria-current', 'true'));
    const table = await screen.findByRole('table', { name: `Tindak lanjut (${mine})` });
    expect(table).toHaveAttribute('aria-rowcount', String(mine + 1));
    expect(await screen.findByText(`Menampilkan ${PAGE_SIZE} dari ${mine}`)).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Penanggung jawab' })).toHaveDisplayValue(
      'Dewi Lestari',
    );
    expect(new Set(shownRows(table).map((r) => r.owner))).toEqual(new Set(['Dewi Lestari']));
    // Within my items, the overdue shortcut counts my overdue ones.
    expect(await within(shortcuts).findByRole('link', { name: `Terlambat (${mineOverdue})` })).toBe(
      overdueLink,
    );

    await user.click(overdueLink);
    expect(paramsOf(router.state.location.search)).toEqual({ ownerId: 'usr-dewi', due: 'overdue' });
    await waitFor(() => expect(overdueLink).toHaveAttribute('aria-current', 'true'));
    expect(screen.getByRole('combobox', { name: 'Tenggat' })).toHaveDisplayValue('Terlambat');
    await expectListToMatchApi(router.state.location.search);

    // A shortcut that is on turns off again.
    await user.click(mineLink);
    expect(paramsOf(router.state.location.search)).toEqual({ due: 'overdue' });
    await waitFor(() => expect(mineLink).not.toHaveAttribute('aria-current'));
    expect(
      await within(shortcuts).findByRole('link', { name: `Terlambat (${overdue})` }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('table', { name: `Tindak lanjut (${overdue})` }),
    ).toHaveAttribute('aria-rowcount', String(overdue + 1));
  });
});

describe('a long list', () => {
  it('renders only the rows near the window, with their true positions, and loads the next page as the user scrolls', async () => {
    await resetApi(generateSnapshot({ seed: 42, followUps: 120, meetings: 0, partnerships: 0 }));
    const all = await apiList({});
    expect(all.total).toBe(133);
    const requests = recordListRequests();
    const pages = () => requests.filter((p) => p.get('limit') === String(PAGE_SIZE));
    const expectRowsInApiOrder = (rows: ShownRow[]) => {
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row.title).toBe(all.items[row.index - 2]?.title);
      const indexes = rows.map((r) => r.index);
      expect(indexes).toEqual(indexes.map((_, i) => indexes[0]! + i));
    };
    renderApp('/follow-ups');

    const table = await screen.findByRole('table', { name: 'Tindak lanjut (133)' });
    expect(table).toHaveAttribute('aria-rowcount', '134');
    expect(await screen.findByText('Menampilkan 50 dari 133')).toBeInTheDocument();
    const first = shownRows(table);
    expect(first[0]?.index).toBe(2);
    expect(first.length).toBeLessThan(PAGE_SIZE);
    expectRowsInApiOrder(first);
    expect(pages()).toHaveLength(1);

    act(() => scrollWindowTo(40 * ROW_HEIGHT));
    expect(await screen.findByText('Menampilkan 100 dari 133')).toBeInTheDocument();
    expect(pages()).toHaveLength(2);
    expect(pages()[1]?.get('cursor')).toBeTruthy();
    await waitFor(() => expect(shownRows(table)[0]?.index).toBeGreaterThan(30));
    expectRowsInApiOrder(shownRows(table));

    act(() => scrollWindowTo(133 * ROW_HEIGHT - window.innerHeight));
    expect(await screen.findByText('Menampilkan 133 dari 133')).toBeInTheDocument();
    await waitFor(() => expect(shownRows(table).at(-1)?.index).toBe(134));
    expectRowsInApiOrder(shownRows(table));
    expect(screen.queryByText('Memuat baris berikutnya…')).not.toBeInTheDocument();
    expect(pages()).toHaveLength(3);
  });
});

describe('the reminder badge on "Tindak lanjut"', () => {
  /** Gives Dewi one item due today and one overdue, as the API counts days (1 November 2025). */
  async function makeDewiBusy() {
    const store = currentStore();
    const msme = (await store.followUps.get('fu-binzhou-msme'));
    const tourism = (await store.followUps.get('fu-binzhou-tourism'));
    if (!msme || !tourism) throw new Error('demo data changed');
    (await store.followUps.replace({ ...msme, dueDate: '2025-11-01' }));
    (await store.followUps.replace({ ...tourism, dueDate: '2025-10-20' }));
  }

  async function apiReminders(userId: string) {
    return (
      (await apiTotal({ ownerId: userId, due: 'overdue' })) +
      (await apiTotal({ ownerId: userId, due: 'today' }))
    );
  }

  it.each(['usr-dewi', 'usr-budi'])(
    'shows %s the overdue and due-today count of the API',
    async (userId) => {
      await makeDewiBusy();
      const expected = await apiReminders(userId);
      expect(expected).toBeGreaterThan(0);
      renderApp('/', { userId });

      const nav = await screen.findByRole('navigation', { name: 'Navigasi utama' });
      expect(
        await within(nav).findByRole('link', {
          name: new RegExp(
            `^Tindak lanjut\\s*,\\s*${expected} tindak lanjut Anda terlambat atau jatuh tempo hari ini$`,
          ),
        }),
      ).toHaveAttribute('href', '/follow-ups');
    },
  );

  it('follows the demo user, and shows nothing to a user with nothing due', async () => {
    await makeDewiBusy();
    const dewi = await apiReminders('usr-dewi');
    const { user } = renderApp('/', { userId: 'usr-dewi' });
    const nav = await screen.findByRole('navigation', { name: 'Navigasi utama' });
    await within(nav).findByRole('link', { name: new RegExp(`${dewi} tindak lanjut Anda`) });

    const select = screen.getByRole('combobox', { name: 'Pengguna demo' });
    await waitFor(() => expect(select).toBeEnabled());
    await user.selectOptions(select, 'Rina Wulandari (Staf)');
    expect(await apiReminders('usr-rina')).toBe(0);
    await waitFor(() =>
      expect(within(nav).getByRole('link', { name: 'Tindak lanjut' })).toBeInTheDocument(),
    );
  });
});

describe('the downloads', () => {
  /** What the app hands the browser to save: the file name and its contents. */
  function captureDownloads() {
    const files: Array<{ name: string; blob: Blob }> = [];
    const blobs = new Map<string, Blob>();
    // jsdom has no object URLs; the app revokes them later, so both stay defined.
    Object.defineProperty(URL, 'createObjectURL', {
      configurable: true,
      value: (blob: Blob) => {
        const href = `blob:mitra/${blobs.size + 1}`;
        blobs.set(href, blob);
        return href;
      },
    });
    Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, value: () => undefined });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      const blob = blobs.get(this.href);
      if (blob) files.push({ name: this.download, blob });
    });
    return files;
  }

  it('saves the filtered list as CSV, row for row, and as a calendar', async () => {
    const files = captureDownloads();
    const expected = await apiList({ status: 'open' });
    const { user } = renderApp('/follow-ups?status=open');
    await expectListToMatchApi('?status=open');

    await user.click(screen.getByRole('button', { name: 'Unduh CSV' }));
    await waitFor(() => expect(files).toHaveLength(1));
    const csv = files[0]!;
    expect(csv.name).toMatch(/\.csv$/);
    const { data } = Papa.parse<Record<string, string>>(
      (await csv.blob.text()).replace(/^\uFEFF/, ''),
      {
        header: true,
        skipEmptyLines: true,
      },
    );
    expect(data.map((row) => row.ID)).toEqual(expected.items.map((item) => item.id));
    expect(new Set(data.map((row) => row.Status))).toEqual(new Set(['Terbuka']));

    await user.click(screen.getByRole('button', { name: 'Unduh kalender (ICS)' }));
    await waitFor(() => expect(files).toHaveLength(2));
    const ics = files[1]!;
    expect(ics.name).toMatch(/\.ics$/);
    const calendar = await ics.blob.text();
    expect(calendar).toMatch(/^BEGIN:VCALENDAR/);
    expect(calendar.match(/BEGIN:VEVENT/g)).toHaveLength(
      expected.items.filter((i) => i.dueDate).length,
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('nothing moves on a phone while the counts load (issue 17)', () => {
  it('holds the room of each shortcut count and of the "Menampilkan" line before they arrive', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let asked = 0;
    server.use(
      http.get('/api/follow-ups', async () => {
        asked += 1;
        await gate;
        // Nothing returned: the request goes on to the API.
      }),
    );
    renderApp('/follow-ups');
    const shortcuts = await screen.findByRole('navigation', { name: 'Pintasan' });
    await expect.poll(() => asked, { timeout: 10_000 }).toBeGreaterThanOrEqual(4);
    const status = screen
      .getAllByRole('status')
      .find((el) => el.parentElement?.classList.contains('list-tools'));
    expect(status).toBeDefined();
    // A line from the start (a no-break space), not an empty paragraph the count later fills.
    expect(status?.textContent).toBe('\u00a0');
    const links = within(shortcuts).getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual([
      'Milik saya (0)',
      'Terlambat (0)',
      'Belum ditugaskan (0)',
    ]);
    // The "(0)" is only room: hidden, and not part of the names.
    for (const link of links) {
      expect(link.querySelector('.shortcut__count--pending')).toHaveAttribute('aria-hidden', 'true');
    }
    expect(links.map((l) => l.getAttribute('aria-hidden'))).toEqual([null, null, null]);
    expect(within(shortcuts).getByRole('link', { name: 'Milik saya' })).toBe(links[0]);

    release();
    const overdue = await apiTotal({ due: 'overdue' });
    expect(
      await within(shortcuts).findByRole('link', { name: `Terlambat (${overdue})` }),
    ).toBe(links[1]);
    await waitFor(() => expect(shortcuts.querySelector('.shortcut__count--pending')).toBeNull());
    expect(status?.textContent).toMatch(/^Menampilkan \d+ dari \d+$/);
  });
});
