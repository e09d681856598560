import { screen, within } from '@testing-library/react';
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
type SectorRow = { sectorId: string; counts: Record<string, number>; total: number };
type Sector = { id: string; name: { id: string; en: string } };

/** Asks the same API the app uses (MSW, at the page's own origin), as the app would. */
async function api<T>(path: string): Promise<T> {
  const response = await fetch(new URL(`/api${path}`, window.location.origin), {
    headers: { accept: 'application/json', 'x-mitra-user': 'usr-rina' },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

/** A key figure: the list item that carries the label, its value and its hint. */
function kpi(label: string): HTMLElement {
  const figures = screen.getByRole('region', { name: 'Indikator utama' });
  const item = within(figures)
    .getAllByRole('listitem')
    .find((li) => within(li).queryByText(label) !== null);
  if (!item) throw new Error(`No key figure labelled "${label}"`);
  return item;
}

const STATUS_COLUMNS = {
  Terbuka: 'open',
  'Sedang berjalan': 'in-progress',
  Terhambat: 'blocked',
  Selesai: 'done',
  Dibatalkan: 'cancelled',
} as const;

describe('the dashboard', () => {
  it('opens on the current year in Jakarta', async () => {
    renderApp('/');

    const year = todayIn().slice(0, 4);
    expect(await screen.findByRole('combobox', { name: 'Tahun' })).toHaveValue(year);
    expect(await screen.findByText(`Pertemuan tahun ${year}`)).toBeInTheDocument();
  });

  it('shows the key figures and the sector table exactly as the API counts them for the chosen year', async () => {
    const period = 'from=2025-01-01&to=2025-12-31';
    const [kpis, bySector, sectors] = await Promise.all([
      api<Kpis>(`/stats/kpis?${period}`),
      api<{ items: SectorRow[] }>(`/stats/follow-ups-by-sector?${period}`),
      api<{ items: Sector[] }>('/sectors?limit=100'),
    ]);
    // The demo year has something to count; a table of zeros would prove little.
    expect(kpis.meetings).toBeGreaterThan(0);
    expect(bySector.items.some((row) => row.total > 0)).toBe(true);

    const { user, router } = renderApp('/');
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Tahun' }), '2025');
    expect(router.state.location.search).toBe('?year=2025');

    await screen.findByText('Pertemuan tahun 2025');
    const n = (value: number) => formatNumber(value, 'id-ID');
    expect(
      within(kpi('Kemitraan aktif')).getByText(n(kpis.activePartnerships)),
    ).toBeInTheDocument();
    expect(kpi('Kemitraan aktif')).toHaveTextContent(`dari ${n(kpis.partnerships)} kemitraan`);
    expect(within(kpi('Pertemuan tahun 2025')).getByText(n(kpis.meetings))).toBeInTheDocument();
    expect(kpi('Pertemuan tahun 2025')).toHaveTextContent(
      `${n(kpis.meetingsPreviousPeriod)} pada tahun sebelumnya`,
    );
    expect(
      within(kpi('Tindak lanjut terbuka')).getByText(n(kpis.openFollowUps)),
    ).toBeInTheDocument();
    expect(
      within(kpi('Tindak lanjut terlambat')).getByText(n(kpis.overdueFollowUps)),
    ).toBeInTheDocument();
    const rate =
      kpis.completionRate === null ? 'Belum ada' : formatPercent(kpis.completionRate, 'id-ID');
    expect(within(kpi('Tingkat penyelesaian')).getByText(rate)).toBeInTheDocument();
    expect(kpi('Tingkat penyelesaian')).toHaveTextContent(
      `${n(kpis.followUpsDone)} dari ${n(kpis.followUpsAgreed)} disepakati pada 2025`,
    );

    expect(
      screen.getByRole('heading', { level: 2, name: 'Tindak lanjut per sektor dan status' }),
    ).toBeInTheDocument();
    const table = await screen.findByRole('table', {
      name: 'Tindak lanjut yang disepakati pada 2025, per sektor dan status',
    });
    const sectorName = new Map(sectors.items.map((s) => [s.id, s.name.id]));
    const headings = within(table)
      .getAllByRole('columnheader')
      .map((th) => th.textContent ?? '');
    expect(headings).toEqual(['Sektor', ...Object.keys(STATUS_COLUMNS), 'Total']);

    const shown = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) =>
        [within(row).getByRole('rowheader'), ...within(row).getAllByRole('cell')].map(
          (c) => c.textContent,
        ),
      );
    const expected = bySector.items.map((row) => [
      sectorName.get(row.sectorId),
      ...Object.values(STATUS_COLUMNS).map((status) => n(row.counts[status] ?? Number.NaN)),
      n(row.total),
    ]);
    expect(shown).toEqual(expected);
  });
});
