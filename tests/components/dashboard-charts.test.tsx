import { screen, waitFor, within } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercent } from '@/lib/format';
import { renderApp } from '../render';

type Filters = { partnershipId?: string; sectorId?: string };
type Target = { path: string; params: Record<string, string> };
type Cell = { text: string; href: Target | null };
type Table = { columns: string[]; rows: Array<{ label: string; cells: Cell[] }> };
type User = ReturnType<typeof userEvent.setup>;

/** The demo data lives in 2025; the API's today is 2025-11-01 while the page's clock is real. */
const YEAR = '2025';
const FROM = `${YEAR}-01-01`;
const TO = `${YEAR}-12-31`;
const BINZHOU = 'pts-tangerang-binzhou';

const STATUSES = {
  open: 'Terbuka',
  'in-progress': 'Sedang berjalan',
  blocked: 'Terhambat',
  done: 'Selesai',
  cancelled: 'Dibatalkan',
} as const;
const KINDS = {
  'inbound-visit': 'Kunjungan masuk',
  'outbound-visit': 'Kunjungan keluar',
  virtual: 'Pertemuan daring',
  forum: 'Forum',
  // Counted in its own column and segment (issue 15), so the table's total is every meeting.
  'not-stated': 'Jenis tidak disebutkan',
} as const;
const STAGES: Record<string, string> = {
  exploring: 'Penjajakan',
  'letter-of-intent': 'Letter of intent (LoI)',
  'mou-drafting': 'Penyusunan MoU',
  'mou-signed': 'MoU ditandatangani',
  active: 'Aktif',
  dormant: 'Tidak aktif',
  ended: 'Berakhir',
};

/** Each chart's heading; the two "as of today" charts say so beside it. */
const CHARTS = {
  bySector: {
    title: 'Tindak lanjut per sektor dan status',
    region: 'Tindak lanjut per sektor dan status',
  },
  byQuarter: {
    title: 'Pertemuan per kuartal dan jenis',
    region: 'Pertemuan per kuartal dan jenis',
  },
  byStage: { title: 'Kemitraan per tahap', region: 'Kemitraan per tahap' },
  // The note is its own element; how much space the computed name keeps before it does not matter.
  overdueBySector: {
    title: 'Tindak lanjut terlambat per sektor',
    region: /^Tindak lanjut terlambat per sektor ?\(per hari ini\)$/,
  },
  overdueByOwner: {
    title: 'Tindak lanjut terlambat per penanggung jawab',
    region: /^Tindak lanjut terlambat per penanggung jawab ?\(per hari ini\)$/,
  },
  completion: { title: 'Tingkat penyelesaian per bulan', region: 'Tingkat penyelesaian per bulan' },
} as const;
type Chart = keyof typeof CHARTS;

const n = (value: number) => formatNumber(value, 'id-ID');
const monthLabel = (month: string) =>
  new Intl.DateTimeFormat('id-ID', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );

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

/** A path with its query as a plain object, so the order of the parameters does not matter. */
function target(href: string | null): Target | null {
  if (href === null) return null;
  const url = new URL(href, 'http://mitra.test');
  return { path: url.pathname, params: Object.fromEntries(url.searchParams) };
}

/** Only the filters that are set, as they go into a link. */
const defined = (params: Record<string, string | undefined>) =>
  Object.fromEntries(
    Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined),
  );

/** A number of a table: zero is plain text, anything else links to the list that holds exactly it. */
const cell = (value: number, path: string, params: Record<string, string | undefined>): Cell => ({
  text: n(value),
  href: value > 0 ? { path, params: defined(params) } : null,
});

/**
 * Every chart's table as it must read, built from the API's stats endpoints for the same filters
 * and from the list each number stands for (server/routes/stats.ts, top comment).
 */
async function expectedTables(filters: Filters): Promise<Record<Chart, Table>> {
  const period = { from: FROM, to: TO, ...filters };
  const [
    bySector,
    byQuarter,
    byStage,
    overdueBySector,
    overdueByOwner,
    completion,
    sectors,
    users,
  ] = await Promise.all([
    api<{ items: Array<{ sectorId: string; counts: Record<string, number>; total: number }> }>(
      '/stats/follow-ups-by-sector',
      period,
    ),
    api<{ items: Array<{ quarter: string; counts: Record<string, number>; total: number }> }>(
      '/stats/meetings-by-quarter',
      period,
    ),
    api<{ items: Array<{ stage: string; count: number }> }>('/stats/partnerships-by-stage', period),
    api<{ items: Array<{ sectorId: string; count: number }> }>('/stats/overdue-by-sector', period),
    api<{ items: Array<{ ownerId: string; count: number }> }>('/stats/overdue-by-owner', period),
    api<{
      items: Array<{
        month: string;
        from: string;
        to: string;
        agreed: number;
        done: number;
        rate: number | null;
      }>;
    }>('/stats/completion-by-month', period),
    api<{ items: Array<{ id: string; name: { id: string } }> }>('/sectors', { limit: '100' }),
    api<{ items: Array<{ id: string; name: string }> }>('/users', { limit: '100' }),
  ]);
  const sectorName = (id: string) =>
    sectors.items.find((s) => s.id === id)?.name.id ?? `(no sector ${id})`;
  const userName = (id: string) => users.items.find((u) => u.id === id)?.name ?? `(no user ${id})`;
  const scope = { partnershipId: filters.partnershipId, sectorId: filters.sectorId };
  const quarterDays = (quarter: string) => {
    const [year, q] = quarter.split('-Q').map(Number) as [number, number];
    const start = `${year}-${String(q * 3 - 2).padStart(2, '0')}-01`;
    const end = new Date(Date.UTC(year, q * 3, 0)).toISOString().slice(0, 10);
    return { from: start < FROM ? FROM : start, to: end > TO ? TO : end };
  };
  const agreedIn = { agreedFrom: FROM, agreedTo: TO, partnershipId: filters.partnershipId };

  return {
    bySector: {
      columns: ['Sektor', ...Object.values(STATUSES), 'Total'],
      rows: bySector.items.map((row) => ({
        label: sectorName(row.sectorId),
        cells: [
          ...Object.keys(STATUSES).map((status) =>
            cell(row.counts[status] ?? Number.NaN, '/follow-ups', {
              sectorId: row.sectorId,
              status,
              ...agreedIn,
            }),
          ),
          cell(row.total, '/follow-ups', { sectorId: row.sectorId, ...agreedIn }),
        ],
      })),
    },
    byQuarter: {
      columns: ['Kuartal', ...Object.values(KINDS), 'Total'],
      rows: byQuarter.items.map((row) => ({
        label: row.quarter.replace('-', ' '),
        cells: [
          ...Object.keys(KINDS).map((kind) =>
            cell(row.counts[kind] ?? Number.NaN, '/meetings', {
              kind,
              ...quarterDays(row.quarter),
              ...scope,
            }),
          ),
          cell(row.total, '/meetings', { ...quarterDays(row.quarter), ...scope }),
        ],
      })),
    },
    byStage: {
      columns: ['Tahap', 'Jumlah'],
      rows: byStage.items.map((row) => ({
        label: STAGES[row.stage] ?? row.stage,
        cells: [cell(row.count, '/partners', { stage: row.stage, ...scope })],
      })),
    },
    overdueBySector: {
      columns: ['Sektor', 'Jumlah'],
      rows: overdueBySector.items.map((row) => ({
        label: sectorName(row.sectorId),
        cells: [
          cell(row.count, '/follow-ups', { due: 'overdue', ...scope, sectorId: row.sectorId }),
        ],
      })),
    },
    overdueByOwner: {
      columns: ['Penanggung jawab', 'Jumlah'],
      rows: overdueByOwner.items.map((row) => ({
        label: userName(row.ownerId),
        cells: [cell(row.count, '/follow-ups', { due: 'overdue', ownerId: row.ownerId, ...scope })],
      })),
    },
    completion: {
      columns: ['Bulan', 'Disepakati', 'Selesai', 'Tingkat'],
      rows: completion.items.map((row) => {
        const month = { agreedFrom: row.from, agreedTo: row.to, ...scope };
        return {
          label: monthLabel(row.month),
          cells: [
            cell(row.agreed, '/follow-ups', { ...month, status: 'open,in-progress,blocked,done' }),
            cell(row.done, '/follow-ups', { ...month, status: 'done' }),
            { text: row.rate === null ? '—' : formatPercent(row.rate, 'id-ID'), href: null },
          ],
        };
      }),
    },
  };
}

/** The chart's section, once the charts have loaded (they are their own chunk). */
async function chartSection(chart: Chart): Promise<HTMLElement> {
  const section = await screen.findByRole(
    'region',
    { name: CHARTS[chart].region },
    { timeout: 5000 },
  );
  // Each card is there at once, in its final shape, and busy until its own figures are in.
  await waitFor(() => expect(section).not.toHaveAttribute('aria-busy'), { timeout: 5000 });
  return section;
}

/** Opens "Tampilkan sebagai tabel" under a chart and reads the table as a user would. */
async function openTable(user: User, chart: Chart): Promise<{ table: HTMLElement; read: Table }> {
  const section = await chartSection(chart);
  await user.click(within(section).getByText('Tampilkan sebagai tabel'));
  const table = within(section).getByRole('table', { name: CHARTS[chart].title });
  const [head, ...body] = within(table).getAllByRole('row');
  return {
    table,
    read: {
      columns: within(head ?? table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent ?? ''),
      rows: body.map((row) => ({
        label: within(row).getByRole('rowheader').textContent ?? '',
        cells: within(row)
          .getAllByRole('cell')
          .map((td) => ({
            text: td.textContent ?? '',
            href: target(within(td).queryByRole('link')?.getAttribute('href') ?? null),
          })),
      })),
    },
  };
}

/**
 * How many items the list page now shown holds: "Menampilkan X dari N" on the paged lists, the
 * rows of the partners table.
 */
function listTotal(): Promise<string> {
  return waitFor(() => {
    const shown = screen.queryByText(/^Menampilkan [\d.]+ dari [\d.]+$/);
    if (shown) return shown.textContent?.replace(/^.* dari /, '') ?? '';
    const partners = screen.queryByRole('table', { name: 'Daftar kemitraan' });
    if (partners) return n(within(partners).getAllByRole('row').length - 1);
    throw new Error('The list has not loaded yet');
  });
}

const pageOf = (filters: Filters) =>
  `/?${new URLSearchParams({ year: YEAR, ...filters }).toString()}`;

describe('the dashboard charts', () => {
  describe('as tables', () => {
    it.each([
      ['the whole year', {}],
      ['one sector', { sectorId: 'education' }],
      ['one partnership', { partnershipId: BINZHOU }],
      ['one partnership and one sector', { partnershipId: BINZHOU, sectorId: 'tourism' }],
    ] as const)(
      'show every number of every chart exactly as the API counts it, for %s',
      async (_, filters: Filters) => {
        const expected = await expectedTables(filters);
        // The demo year has something to count; tables of zeros would prove little.
        expect(expected.bySector.rows.some((row) => row.cells.some((c) => c.href))).toBe(true);

        const { user } = renderApp(pageOf(filters));

        for (const chart of Object.keys(CHARTS) as Chart[]) {
          const { read } = await openTable(user, chart);
          expect.soft({ chart, ...read }).toEqual({ chart, ...expected[chart] });
        }
      },
    );

    it('keep each table folded away until asked for, with both downloads beside it', async () => {
      renderApp(pageOf({}));

      for (const chart of Object.keys(CHARTS) as Chart[]) {
        const section = await chartSection(chart);
        expect(within(section).getByRole('heading', { level: 2 })).toHaveTextContent(
          CHARTS[chart].title,
        );
        const details = within(section).getByText('Tampilkan sebagai tabel').closest('details');
        expect(details).not.toHaveAttribute('open');
        expect(
          within(section).getByRole('button', { name: 'Unduh data (CSV)' }),
        ).toBeInTheDocument();
        expect(
          within(section).getByRole('button', { name: 'Unduh grafik (SVG)' }),
        ).toBeInTheDocument();
      }
    });

    it('sum each chart up in one line from the same numbers', async () => {
      const expected = await expectedTables({});
      /** The row with the most (the first of equals), as the summaries name it. */
      // The row with the largest value; every one of them when several tie ("2025 Q1 dan 2025 Q3").
      const top = (table: Table, column: number) => {
        const value = (row: Table['rows'][number]) => Number(row.cells[column]?.text.replace(/\./g, ''));
        const most = Math.max(...table.rows.map(value));
        const tied = table.rows.filter((row) => value(row) === most).map((row) => row.label);
        return new Intl.ListFormat('id', { type: 'conjunction' }).format(tied);
      };
      const sum = (table: Table, column: number) =>
        n(
          table.rows.reduce(
            (total, row) => total + Number(row.cells[column]?.text.replace(/\./g, '')),
            0,
          ),
        );
      const stageTotal = sum(expected.byStage, 0);
      const agreed = sum(expected.completion, 0);
      const done = sum(expected.completion, 1);

      renderApp(pageOf({}));

      const summary = async (chart: Chart) =>
        (await chartSection(chart)).querySelector('p')?.textContent;
      expect(await summary('bySector')).toBe(
        `Sektor dengan tindak lanjut terbanyak: ${top(expected.bySector, 5)}. Satu tindak lanjut dapat mencakup beberapa sektor.`,
      );
      expect(await summary('byQuarter')).toBe(
        `${sum(expected.byQuarter, Object.keys(KINDS).length)} pertemuan; terbanyak pada ${top(expected.byQuarter, Object.keys(KINDS).length)}.`,
      );
      expect(await summary('byStage')).toBe(
        `${stageTotal} kemitraan; terbanyak pada tahap ${top(expected.byStage, 0)}.`,
      );
      expect(await summary('overdueByOwner')).toBe(
        `${sum(expected.overdueByOwner, 0)} terlambat per hari ini; terbanyak milik ${top(expected.overdueByOwner, 0)}.`,
      );
      expect(await summary('completion')).toBe(
        `${done} dari ${agreed} tindak lanjut yang disepakati sudah selesai (${formatPercent(Number(done) / Number(agreed), 'id-ID')}).`,
      );
    });
  });

  describe('drilling down from a number', () => {
    /** The first and the last number of each chart that is not zero: those are links. */
    function samples(tables: Record<Chart, Table>) {
      return (Object.keys(tables) as Chart[]).flatMap((chart) => {
        const linked = tables[chart].rows.flatMap((row) =>
          row.cells.flatMap((c, column) =>
            c.href
              ? [
                  {
                    chart,
                    row: row.label,
                    column,
                    text: c.text,
                    href: c.href,
                    what: `${chart}: ${row.label} × ${tables[chart].columns[column + 1]}`,
                  },
                ]
              : [],
          ),
        );
        return linked.length > 1 ? [linked[0], linked[linked.length - 1]] : linked;
      });
    }

    it.each([
      ['the whole year', {}],
      ['one partnership', { partnershipId: BINZHOU }],
    ] as const)(
      'lands on the list with exactly that filter and as many items as the number, for %s',
      async (_, filters: Filters) => {
        const chosen = samples(await expectedTables(filters));
        // The demo year has a number to follow in every chart, and the partnership in most.
        expect(new Set(chosen.map((sample) => sample?.chart)).size).toBeGreaterThanOrEqual(
          filters.partnershipId ? 4 : 6,
        );

        for (const sample of chosen) {
          if (!sample) continue;
          const { user, router, unmount } = renderApp(pageOf(filters));
          const { table } = await openTable(user, sample.chart);
          const row = within(table).getByRole('rowheader', { name: sample.row }).closest('tr');
          const link = within(
            within(row ?? table).getAllByRole('cell')[sample.column] ?? table,
          ).getByRole('link');

          await user.click(link);

          await waitFor(() => expect(router.state.location.pathname).toBe(sample.href.path));
          expect
            .soft({
              what: sample.what,
              params: Object.fromEntries(new URLSearchParams(router.state.location.search)),
            })
            .toEqual({ what: sample.what, params: sample.href.params });
          expect
            .soft({ what: sample.what, total: await listTotal() })
            .toEqual({ what: sample.what, total: sample.text });
          unmount();
        }
      },
    );
  });
});
