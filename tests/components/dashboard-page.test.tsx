import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { todayIn } from '@/domain/dates';
import { formatNumber, formatPercent } from '@/lib/format';
import { renderApp } from '../render';

type Kpis = {
  activePartnerships: number;
  partnerships: number;
  meetings: number;
  meetingsPreviousPeriod: number;
  openFollowUps: number;
  overdueFollowUps: number;
  followUpsAgreed: number;
  followUpsDone: number;
  completionRate: number | null;
};
type Filters = { partnershipId?: string; sectorId?: string };
type HealthRow = {
  partnershipId: string;
  reasons: Array<{ code: string; params?: Record<string, string | number> }>;
};
type Partnership = { id: string; partnerRegionId?: string };
type Region = { id: string; name: string; level: 'regency' | 'city' | 'province' | 'country' };

/** The demo data lives in 2025; the API's today is 2025-11-01 while the page's clock is real. */
const YEAR = '2025';
const BINZHOU = { id: 'pts-tangerang-binzhou', label: 'Kota Binzhou' };
const EDUCATION = { id: 'education', label: 'Pendidikan dan pertukaran pelajar' };

const n = (value: number) => formatNumber(value, 'id-ID');

/** Asks the same API the app uses (MSW, at the page's own origin), as the app would. */
async function api<T>(path: string, params: Record<string, string | undefined> = {}): Promise<T> {
  const url = new URL(`/api${path}`, window.location.origin);
  for (const [key, value] of Object.entries(params)) if (value) url.searchParams.set(key, value);
  const response = await fetch(url, {
    headers: { accept: 'application/json', 'x-mitra-user': 'usr-rina' },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

const kpisFor = (filters: Filters) =>
  api<Kpis>('/stats/kpis', { from: `${YEAR}-01-01`, to: `${YEAR}-12-31`, ...filters });

/** A path with its query as a plain object, so the order of the parameters does not matter. */
function target(href: string | null): { path: string; params: Record<string, string> } {
  const url = new URL(href ?? '', 'http://mitra.test');
  return { path: url.pathname, params: Object.fromEntries(url.searchParams) };
}

/**
 * How many items the list page now shown holds: "Menampilkan X dari N" on the paged lists, the
 * rows of the partners table, or none when the page says the list is empty.
 */
function listTotal(): Promise<string> {
  return waitFor(() => {
    const shown = screen.queryByText(/^Menampilkan [\d.]+ dari [\d.]+$/);
    if (shown) return shown.textContent?.replace(/^.* dari /, '') ?? '';
    const partners = screen.queryByRole('table', { name: 'Daftar kemitraan' });
    if (partners) return n(within(partners).getAllByRole('row').length - 1);
    if (
      screen.queryByText(
        /^(Tidak ada tindak lanjut yang cocok|Tidak ada pertemuan yang cocok|Tidak ada kemitraan yang cocok|Belum ada kemitraan yang tercatat)/,
      )
    )
      return n(0);
    throw new Error('The list has not loaded yet');
  });
}

/** A key figure: its label (dt), its value (a link, in a dd) and its hint (the other dd). */
function kpi(label: string) {
  const figures = screen.getByRole('region', { name: 'Indikator utama' });
  const term = within(figures)
    .getAllByRole('term')
    .find((dt) => dt.textContent === label);
  if (!term?.parentElement) throw new Error(`No key figure labelled "${label}"`);
  const [value, hint] = within(term.parentElement).getAllByRole('definition');
  if (!value) throw new Error(`The key figure "${label}" has no value`);
  const link = within(value).getByRole('link');
  return {
    link,
    value: link.textContent,
    href: target(link.getAttribute('href')),
    hint: hint?.textContent ?? null,
  };
}

/** Every key figure as the page shows it, beside what the API counts for the same filters. */
function expectKpisToMatch(kpis: Kpis, filters: Filters) {
  const scope = {
    ...(filters.partnershipId ? { partnershipId: filters.partnershipId } : {}),
    ...(filters.sectorId ? { sectorId: filters.sectorId } : {}),
  };
  expect(
    screen.getByRole('region', { name: 'Indikator utama' }).querySelectorAll('dt'),
  ).toHaveLength(5);

  expect(kpi('Kemitraan aktif')).toEqual({
    link: expect.anything(),
    value: n(kpis.activePartnerships),
    href: { path: '/partners', params: { stage: 'mou-signed,active', ...scope } },
    hint: `dari ${n(kpis.partnerships)} kemitraan`,
  });
  expect(kpi(`Pertemuan tahun ${YEAR}`)).toEqual({
    link: expect.anything(),
    value: n(kpis.meetings),
    href: { path: '/meetings', params: { from: `${YEAR}-01-01`, to: `${YEAR}-12-31`, ...scope } },
    hint: `${n(kpis.meetingsPreviousPeriod)} pada tahun sebelumnya`,
  });
  expect(kpi('Tindak lanjut terbuka')).toEqual({
    link: expect.anything(),
    value: n(kpis.openFollowUps),
    href: { path: '/follow-ups', params: { status: 'open,in-progress,blocked', ...scope } },
    hint: null,
  });
  expect(kpi('Tindak lanjut terlambat')).toEqual({
    link: expect.anything(),
    value: n(kpis.overdueFollowUps),
    href: { path: '/follow-ups', params: { due: 'overdue', ...scope } },
    hint: null,
  });
  expect(kpi('Tingkat penyelesaian')).toEqual({
    link: expect.anything(),
    value: kpis.completionRate === null ? 'Belum ada' : formatPercent(kpis.completionRate, 'id-ID'),
    href: {
      path: '/follow-ups',
      params: { status: 'done', agreedFrom: `${YEAR}-01-01`, agreedTo: `${YEAR}-12-31`, ...scope },
    },
    hint: `${n(kpis.followUpsDone)} dari ${n(kpis.followUpsAgreed)} disepakati pada ${YEAR}`,
  });
}

describe('the dashboard', () => {
  it('opens on the current year in Jakarta, with no partnership or sector chosen', async () => {
    renderApp('/');

    const year = todayIn().slice(0, 4);
    expect(await screen.findByRole('combobox', { name: 'Tahun' })).toHaveValue(year);
    expect(screen.getByRole('combobox', { name: 'Kemitraan' })).toHaveValue('');
    expect(screen.getByRole('combobox', { name: 'Sektor' })).toHaveValue('');
    expect(await screen.findAllByRole('term')).toHaveLength(5);
    expect(screen.getByText(`Pertemuan tahun ${year}`)).toBeInTheDocument();
  });

  it('shows each key figure as the API counts it for the year, linked to the list behind it', async () => {
    const kpis = await kpisFor({});
    // The demo year has something to count; figures of zero would prove little.
    expect(kpis.meetings).toBeGreaterThan(0);
    expect(kpis.openFollowUps).toBeGreaterThan(0);

    renderApp(`/?year=${YEAR}`);

    await screen.findByText(`Pertemuan tahun ${YEAR}`);
    expectKpisToMatch(kpis, {});
  });

  it('carries the partnership and sector filters into every key figure and its link', async () => {
    const filters = { partnershipId: BINZHOU.id, sectorId: EDUCATION.id };
    const kpis = await kpisFor(filters);
    expect(kpis.meetings).toBeGreaterThan(0);

    renderApp(`/?year=${YEAR}&partnershipId=${BINZHOU.id}&sectorId=${EDUCATION.id}`);

    await screen.findByText(`Pertemuan tahun ${YEAR}`);
    expectKpisToMatch(kpis, filters);
  });

  describe('filters in the address', () => {
    it('writes each chosen filter into the address and counts again for it', async () => {
      const { user, router } = renderApp('/');
      const search = () => Object.fromEntries(new URLSearchParams(router.state.location.search));

      await user.selectOptions(await screen.findByRole('combobox', { name: 'Tahun' }), YEAR);
      expect(search()).toEqual({ year: YEAR });
      await screen.findByText(`Pertemuan tahun ${YEAR}`);
      expectKpisToMatch(await kpisFor({}), {});

      const partnership = screen.getByRole('combobox', { name: 'Kemitraan' });
      await user.selectOptions(
        partnership,
        await within(partnership).findByRole('option', { name: BINZHOU.label }),
      );
      expect(search()).toEqual({ year: YEAR, partnershipId: BINZHOU.id });
      const forBinzhou = await kpisFor({ partnershipId: BINZHOU.id });
      await screen.findByRole('link', { name: n(forBinzhou.meetings) });
      expectKpisToMatch(forBinzhou, { partnershipId: BINZHOU.id });

      const sector = screen.getByRole('combobox', { name: 'Sektor' });
      await user.selectOptions(
        sector,
        within(sector).getByRole('option', { name: EDUCATION.label }),
      );
      expect(search()).toEqual({ year: YEAR, partnershipId: BINZHOU.id, sectorId: EDUCATION.id });
      const both = { partnershipId: BINZHOU.id, sectorId: EDUCATION.id };
      const forBoth = await kpisFor(both);
      await screen.findByText(
        `${n(forBoth.followUpsDone)} dari ${n(forBoth.followUpsAgreed)} disepakati pada ${YEAR}`,
      );
      expectKpisToMatch(forBoth, both);

      // "Semua" takes the filter out of the address again.
      await user.selectOptions(partnership, 'Semua');
      expect(search()).toEqual({ year: YEAR, sectorId: EDUCATION.id });
    });

    it('opens an address with filters with the filters chosen and the figures counted for them', async () => {
      const kpis = await kpisFor({ sectorId: EDUCATION.id });
      // Education alone counts differently from the whole year: the filter is really applied.
      expect(kpis).not.toEqual(await kpisFor({}));

      renderApp(`/?year=${YEAR}&sectorId=${EDUCATION.id}`);

      expect(await screen.findByRole('combobox', { name: 'Tahun' })).toHaveValue(YEAR);
      const sector = screen.getByRole('combobox', { name: 'Sektor' });
      // The sectors' names arrive with the reference data; then the chosen one shows.
      expect(
        await within(sector).findByRole('option', { name: EDUCATION.label, selected: true }),
      ).toHaveValue(EDUCATION.id);
      expect(sector).toHaveValue(EDUCATION.id);
      expect(screen.getByRole('combobox', { name: 'Kemitraan' })).toHaveValue('');
      await screen.findByText(`Pertemuan tahun ${YEAR}`);
      expectKpisToMatch(kpis, { sectorId: EDUCATION.id });
    });
  });

  describe('following a key figure', () => {
    /** Each figure, and the number the list behind it must hold. */
    const cases = [
      { label: 'Kemitraan aktif', count: (k: Kpis) => k.activePartnerships },
      { label: `Pertemuan tahun ${YEAR}`, count: (k: Kpis) => k.meetings },
      { label: 'Tindak lanjut terbuka', count: (k: Kpis) => k.openFollowUps },
      { label: 'Tindak lanjut terlambat', count: (k: Kpis) => k.overdueFollowUps },
      { label: 'Tingkat penyelesaian', count: (k: Kpis) => k.followUpsDone },
    ] as const;

    it.each([
      ['the whole year', {}],
      ['one sector', { sectorId: EDUCATION.id }],
      ['one partnership', { partnershipId: BINZHOU.id }],
    ] as const)(
      'lands on a list that holds exactly the figure, for %s',
      async (_, filters: Filters) => {
        const kpis = await kpisFor(filters);
        for (const { label, count } of cases) {
          const { user, router, unmount } = renderApp(
            `/?${new URLSearchParams({ year: YEAR, ...filters }).toString()}`,
          );
          await screen.findByText(`Pertemuan tahun ${YEAR}`);
          const figure = kpi(label);

          await user.click(figure.link);

          await waitFor(() => expect(router.state.location.pathname).toBe(figure.href.path));
          expect(target(router.state.location.search)).toEqual({
            path: '/',
            params: figure.href.params,
          });
          expect
            .soft({ label, total: await listTotal() })
            .toEqual({ label, total: n(count(kpis)) });
          unmount();
        }
      },
    );
  });

  describe('the partnerships that need attention', () => {
    const REASONS: Record<string, string> = {
      noMeetingIn6Months: 'Tidak ada pertemuan dalam 6 bulan terakhir',
      loiWithoutMouOver12Months: 'Letter of intent lebih dari 12 bulan tanpa MoU',
      mouExpiringWithin90Days: 'MoU berakhir dalam 90 hari',
      mouExpired: 'MoU sudah berakhir',
      overdueFollowUps: 'Ada tindak lanjut terlambat',
    };
    const LEVEL = {
      regency: 'Kabupaten',
      city: 'Kota',
      province: 'Provinsi',
      country: '',
    } as const;

    it.each([
      ['the whole year', {}],
      ['one sector', { sectorId: 'tourism' }],
    ] as const)(
      'lists them with their reasons in words, as the API finds them, for %s',
      async (_, filters: Filters) => {
        const [health, partnerships, regions] = await Promise.all([
          api<{ items: HealthRow[] }>('/stats/health', {
            from: `${YEAR}-01-01`,
            to: `${YEAR}-12-31`,
            ...filters,
          }),
          api<{ items: Partnership[] }>('/partnerships', { limit: '100' }),
          api<{ items: Region[] }>('/regions', { limit: '100' }),
        ]);
        expect(health.items.length).toBeGreaterThan(0);
        const name = (id: string) => {
          const region = regions.items.find(
            (r) => r.id === partnerships.items.find((p) => p.id === id)?.partnerRegionId,
          );
          if (!region) throw new Error(`No partner region for ${id}`);
          return region.level === 'country' ? region.name : `${LEVEL[region.level]} ${region.name}`;
        };

        renderApp(`/?${new URLSearchParams({ year: YEAR, ...filters }).toString()}`);

        const panel = await screen.findByRole('region', {
          name: 'Kemitraan yang perlu perhatian (per hari ini)',
        });
        expect(panel).toHaveTextContent(
          `${health.items.length} kemitraan perlu perhatian per hari ini.`,
        );
        const list = within(panel).getAllByRole('list')[0];
        if (!list) throw new Error('No list of partnerships');
        const shown = within(list)
          .getAllByRole('listitem')
          .filter((li) => li.parentElement === list)
          .map((li) => {
            const link = within(li).getAllByRole('link')[0];
            return {
              name: link?.textContent,
              href: link?.getAttribute('href'),
              reasons: within(li)
                .getAllByRole('listitem')
                .map((r) => r.textContent),
            };
          });
        expect(shown).toEqual(
          health.items.map((row) => ({
            name: name(row.partnershipId),
            href: `/partners/${row.partnershipId}`,
            reasons: row.reasons.map((r) =>
              r.code === 'overdueFollowUps'
                ? `${REASONS[r.code]} (${n(Number(r.params?.count))})`
                : REASONS[r.code],
            ),
          })),
        );
      },
    );

    it('says so when no partnership needs attention', async () => {
      const health = await api<{ items: HealthRow[] }>('/stats/health', {
        from: `${YEAR}-01-01`,
        to: `${YEAR}-12-31`,
        partnershipId: BINZHOU.id,
      });
      expect(health.items).toEqual([]);

      renderApp(`/?year=${YEAR}&partnershipId=${BINZHOU.id}`);

      const panel = await screen.findByRole('region', {
        name: 'Kemitraan yang perlu perhatian (per hari ini)',
      });
      expect(panel).toHaveTextContent('Tidak ada kemitraan yang perlu perhatian saat ini.');
      expect(within(panel).queryByRole('list')).not.toBeInTheDocument();
    });
  });
});
