import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { demoSnapshotWithSecondGovernment, IDS } from '../../mocks/demo-data';
import { byHomeRegionQuery, GovernmentBreakdown, type HomeRegionRow } from '@/features/dashboard/components/government-breakdown';
import type { User } from '@/domain/user';
import { createI18n } from '@/i18n';
import { referenceKeys } from '@/reference-data/queries';
import { sessionKeys } from '@/session/session';
import { merge } from '../render';
import { chartsEn } from '@/i18n/locales/charts.en';
import { chartsId } from '@/i18n/locales/charts.id';
import { en } from '@/i18n/locales/en';
import { id } from '@/i18n/locales/id';

const data = demoSnapshotWithSecondGovernment();
// A region's name is without its level: the seed's City is "Tangerang", level city → "Kota Tangerang".
const regions = data.regions;
const staff = data.users.find((u) => u.id === IDS.staff)!;
const both: User = { ...staff, homeRegionIds: [IDS.tangerang, IDS.kotaTangerang] };
const filters = { from: '2025-01-01', to: '2025-12-31' };
const ROWS: HomeRegionRow[] = [
  { homeRegionId: IDS.tangerang, partnerships: 1200, meetings: 7, openFollowUps: 5, overdueFollowUps: 2 },
  { homeRegionId: IDS.kotaTangerang, partnerships: 1, meetings: 1, openFollowUps: 0, overdueFollowUps: 0 },
];

function renderBreakdown(user: User, locale: 'id' | 'en' = 'id') {
  const i18n = createI18n(locale, { id: merge(id, chartsId), en: merge(en, chartsEn) }, ['core', 'charts']);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  client.setQueryData(sessionKeys.all, { user });
  client.setQueryData(referenceKeys.list('regions'), { items: regions, total: regions.length, nextCursor: null });
  for (const resource of ['sectors', 'users', 'organizations'] as const) {
    client.setQueryData(referenceKeys.list(resource), { items: [], total: 0, nextCursor: null });
  }
  client.setQueryData(byHomeRegionQuery(filters).queryKey, { items: ROWS });
  return render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={client}>
        <GovernmentBreakdown filters={filters} />
      </QueryClientProvider>
    </I18nextProvider>,
  );
}

describe('the dashboard breakdown by home government (issue 15)', () => {
  it('shows nothing to a user of one government', () => {
    const { container } = renderBreakdown(staff);
    expect(container).toBeEmptyDOMElement();
  });

  it('shows one row per government to a user of several, each named with its level', () => {
    renderBreakdown(both);
    const table = screen.getByRole('table', { name: 'Per pemerintah' });
    const rows = within(table).getAllByRole('row').map((r) => Array.from(r.children, (c) => c.textContent));
    expect(rows).toEqual([
      ['Pemerintah', 'Kemitraan', 'Pertemuan', 'Tindak lanjut terbuka', 'Terlambat'],
      ['Kabupaten Tangerang', '1.200', '7', '5', '2'],
      ['Kota Tangerang', '1', '1', '0', '0'],
    ]);
    expect(screen.getByRole('heading', { level: 2, name: 'Per pemerintah' })).toBeInTheDocument();
  });

  it('speaks English too', () => {
    renderBreakdown(both, 'en');
    const table = screen.getByRole('table', { name: 'By government' });
    expect(within(table).getByRole('rowheader', { name: 'Tangerang Regency' })).toBeInTheDocument();
    expect(within(table).getByRole('columnheader', { name: 'Open follow-ups' })).toBeInTheDocument();
  });
});
