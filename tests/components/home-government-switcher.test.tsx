import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { demoSnapshotWithSecondGovernment, IDS } from '../../mocks/demo-data';
import { HomeGovernmentSwitcher } from '@/app/shell/home-government-switcher';
import type { User } from '@/domain/user';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '@/i18n';
import { en } from '@/i18n/locales/en';
import { id } from '@/i18n/locales/id';
import { apiUrl } from '@/lib/api-client';
import { referenceKeys } from '@/reference-data/queries';
import { usePreferences } from '@/stores/preferences';

const data = demoSnapshotWithSecondGovernment();
const staff = data.users.find((u) => u.id === IDS.staff)!;
const both: User = { ...staff, homeRegionIds: [IDS.tangerang, IDS.kotaTangerang] };

function renderSwitcher(user: User, locale: 'id' | 'en' = 'id', place?: 'header' | 'menu') {
  const i18n = createI18n(locale, { id, en });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  client.setQueryData(referenceKeys.list('regions'), { items: data.regions, total: data.regions.length, nextCursor: null });
  return render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={client}>
        <HomeGovernmentSwitcher user={user} {...(place ? { place } : {})} />
      </QueryClientProvider>
    </I18nextProvider>,
  );
}

describe('the header home-government switcher (issue 15)', () => {
  beforeEach(() => {
    usePreferences.setState({ homeRegionId: '' });
  });

  it('names the only government of a user of one, with nothing to choose', () => {
    renderSwitcher(staff);
    // Named with its level: the Regency and the City of Tangerang share the bare name.
    expect(screen.getByText('Kabupaten Tangerang')).toBeInTheDocument();
    expect(screen.queryByRole('combobox')).toBeNull();
  });

  it('switches between the governments of a user of several in one step, kept and sent with lists', async () => {
    renderSwitcher(both);
    const select = screen.getByRole('combobox', { name: 'Pemerintah' });
    expect(select).toHaveValue('');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Semua pemerintah', 'Kabupaten Tangerang', 'Kota Tangerang']);
    await userEvent.selectOptions(select, IDS.kotaTangerang);
    expect(select).toHaveValue(IDS.kotaTangerang);
    expect(usePreferences.getState().homeRegionId).toBe(IDS.kotaTangerang);
    expect(new URL(apiUrl('/partnerships')).searchParams.get('homeRegionId')).toBe(IDS.kotaTangerang);
    expect(new URL(apiUrl('/stats/kpis')).searchParams.get('homeRegionId')).toBe(IDS.kotaTangerang);
    // Reference data and single records are not narrowed.
    expect(new URL(apiUrl('/regions')).searchParams.get('homeRegionId')).toBeNull();
    expect(new URL(apiUrl(`/partnerships/${IDS.partnership}`)).searchParams.get('homeRegionId')).toBeNull();
  });

  it('speaks English too', () => {
    renderSwitcher(both, 'en');
    expect(screen.getByRole('combobox', { name: 'Government' })).toBeInTheDocument();
    expect(screen.getByRole('option', { name: 'All governments' })).toBeInTheDocument();
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['All governments', 'Tangerang Regency', 'Tangerang City']);
  });
});

describe("the phone menu's home government (issue 15; the header leaves it out below 40rem)", () => {
  beforeEach(() => {
    usePreferences.setState({ homeRegionId: '' });
  });

  it('names the only government of a user of one, labelled, with nothing to choose (both languages)', () => {
    const { container, unmount } = renderSwitcher(staff, 'id', 'menu');
    expect(container.querySelector('.menu-government')).toHaveTextContent('Pemerintah Kabupaten Tangerang');
    expect(screen.queryByRole('combobox')).toBeNull();
    unmount();
    const english = renderSwitcher(staff, 'en', 'menu');
    expect(english.container.querySelector('.menu-government')).toHaveTextContent('Government Tangerang Regency');
  });

  it("switches a user of several in one step, from the keyboard, as the header's switch does", async () => {
    const user = userEvent.setup();
    const { container } = renderSwitcher(both, 'id', 'menu');
    expect(container.querySelector('.header__government')).toBeNull();
    const select = screen.getByRole('combobox', { name: 'Pemerintah' });
    expect(select).toHaveClass('select');
    await user.tab();
    expect(select).toHaveFocus();
    await user.selectOptions(select, 'Kota Tangerang');
    expect(select).toHaveValue(IDS.kotaTangerang);
    expect(usePreferences.getState().homeRegionId).toBe(IDS.kotaTangerang);
    expect(new URL(apiUrl('/follow-ups')).searchParams.get('homeRegionId')).toBe(IDS.kotaTangerang);
  });

  it('speaks English too', () => {
    renderSwitcher(both, 'en', 'menu');
    expect(screen.getByRole('combobox', { name: 'Government' })).toHaveValue('');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['All governments', 'Tangerang Regency', 'Tangerang City']);
  });
});
