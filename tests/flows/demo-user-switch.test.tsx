import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { server } from '../../mocks/node';
import { usePreferences } from '@/stores/preferences';
import { renderApp } from '../render';

type SeenRequest = { path: string; user: string | null };

const seen: SeenRequest[] = [];
const recordRequest = ({ request }: { request: Request }) => {
  seen.push({ path: new URL(request.url).pathname, user: request.headers.get('x-mitra-user') });
};

afterEach(() => {
  server.events.removeListener('request:start', recordRequest);
  seen.length = 0;
});

describe('choosing the demo user', () => {
  it('makes the next API requests speak for the chosen user', async () => {
    server.events.on('request:start', recordRequest);
    const { user, queryClient } = renderApp('/follow-ups');

    const select = await screen.findByRole('combobox', { name: 'Pengguna demo' });
    await waitFor(() => expect(select).toBeEnabled());
    expect(select).toHaveDisplayValue('Rina Wulandari (Staf)');
    await screen.findByRole('table', { name: 'Tindak lanjut (13)' });
    expect(await screen.findByRole('link', { name: 'Milik saya (0)' })).toBeInTheDocument();
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));

    const before = seen.splice(0);
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((r) => r.user === 'usr-rina')).toBe(true);

    await user.selectOptions(select, 'Budi Santoso (Petugas kerja sama)');

    expect(select).toHaveDisplayValue('Budi Santoso (Petugas kerja sama)');
    // What the page shows was answered for the previous user, so it is asked again.
    await waitFor(() => expect(seen.map((r) => r.path)).toContain('/api/follow-ups'));
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    expect(seen.every((r) => r.user === 'usr-budi')).toBe(true);
    // "Milik saya" now counts Budi's follow-ups.
    expect(screen.getByRole('link', { name: 'Milik saya (6)' })).toBeInTheDocument();

    // The API knows who is asking now.
    const session = await fetch(new URL('/api/session', window.location.origin), {
      headers: { 'x-mitra-user': usePreferences.getState().userId },
    });
    expect(((await session.json()) as { user: { name: string } }).user.name).toBe('Budi Santoso');
    expect(JSON.parse(window.localStorage.getItem('mitra.preferences') ?? '{}')).toMatchObject({
      state: { userId: 'usr-budi' },
    });
  });
});
