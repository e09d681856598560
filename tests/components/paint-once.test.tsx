import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { IDS } from '../../mocks/demo-data';
import { server } from '../../mocks/node';
import { renderApp } from '../render';

/**
 * No layout shift from late names or buttons (issue 17): the partner directory, a partnership and
 * the reference lists paint their content once, with the names that ids stand for and the
 * buttons the session allows, never with ids first (wider rows) or buttons later (pushing the page).
 */

/** Holds the answers at these paths until `release` is called (then the API answers them). */
function hold(paths: string[]) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const asked = new Set<string>();
  server.use(
    ...paths.map((path) =>
      http.get(path, async () => {
        asked.add(path);
        await gate;
        // Nothing returned: the request goes on to the API.
      }),
    ),
  );
  return { release, asked };
}

/** Lets the answers that are not held arrive and render. */
async function settle() {
  for (let i = 0; i < 5; i += 1) await new Promise((r) => setTimeout(r, 20));
}

describe('a page paints once, with its names and buttons', () => {
  it('the partner directory waits for the names, the activity and the session before its rows', async () => {
    const held = hold(['/api/regions', '/api/session', '/api/partnerships/activity']);
    renderApp('/partners', { userId: IDS.manager });
    await expect.poll(() => held.asked.size, { timeout: 10_000 }).toBe(3);
    await settle();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByText(IDS.binzhou)).toBeNull();
    held.release();
    const table = await screen.findByRole('table', undefined, { timeout: 5000 });
    expect(within(table).getByRole('link', { name: 'Kota Binzhou' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Tambah kemitraan' })).toBeInTheDocument();
  });

  it('a partnership waits for the organisations and the session before its profile and buttons', async () => {
    const held = hold(['/api/organizations', '/api/session']);
    renderApp(`/partners/${IDS.partnership}`, { userId: IDS.manager });
    await expect.poll(() => held.asked.size, { timeout: 10_000 }).toBe(2);
    await settle();
    expect(screen.queryByRole('heading', { level: 1, name: /Binzhou/ })).toBeNull();
    expect(screen.queryByText(IDS.icbc)).toBeNull();
    held.release();
    await screen.findByRole('heading', { level: 1, name: /Binzhou/ }, { timeout: 5000 });
    expect(screen.getByRole('button', { name: 'Ubah tahap' })).toBeInTheDocument();
    expect(screen.queryByText(IDS.icbc)).toBeNull();
  });

  it('the reference lists paint their three sections together', async () => {
    const held = hold(['/api/people']);
    renderApp('/reference', { userId: IDS.admin });
    await expect.poll(() => held.asked.size, { timeout: 10_000 }).toBe(1);
    await settle();
    expect(screen.queryByRole('table')).toBeNull();
    held.release();
    await screen.findAllByRole('table', undefined, { timeout: 5000 });
    expect(screen.getAllByRole('table')).toHaveLength(3);
  });

  it('a failed session does not hold the page: the rows paint without the buttons it would allow', async () => {
    server.use(
      http.get('/api/session', () =>
        HttpResponse.json({ type: '/problems/internal', title: 'Internal error', status: 500 }, { status: 500, headers: { 'content-type': 'application/problem+json' } }),
      ),
    );
    renderApp('/partners', { userId: IDS.manager });
    const table = await screen.findByRole('table', undefined, { timeout: 5000 });
    expect(within(table).getByRole('link', { name: 'Kota Binzhou' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Tambah kemitraan' })).toBeNull();
  });
});
