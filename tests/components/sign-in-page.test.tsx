import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import type * as SessionApi from '@/session/session';
import { demoSnapshot, IDS } from '../../mocks/demo-data';
import { server } from '../../mocks/node';
import { renderApp } from '../render';
import { PASSWORD, useServerMode } from './auth-api';

// The production build talks to the Node server: a 401 from /api/session means "sign in".
vi.mock('@/session/session', async (importOriginal) => ({
  ...(await importOriginal<typeof SessionApi>()),
  DEMO_BACKEND: false,
}));

const EMAIL = demoSnapshot().users.find((u) => u.id === IDS.officer)!.email;

async function openSignIn(path = '/sign-in') {
  const view = renderApp(path);
  await screen.findByRole('heading', { level: 1, name: 'Masuk' });
  return view;
}

describe('the sign-in page', () => {
  it('names what is missing or malformed, in a focused summary and beside each field', async () => {
    await useServerMode({});
    const { user } = await openSignIn();
    await user.click(screen.getByRole('button', { name: 'Masuk' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('heading', { name: 'Ada masalah' })).toBeInTheDocument();
    expect(within(summary).getAllByRole('link').map((a) => a.textContent)).toEqual([
      'Masukkan alamat email Anda',
      'Masukkan kata sandi Anda',
    ]);
    await waitFor(() => expect(summary).toHaveFocus());
    expect(screen.getByLabelText('Alamat email')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Kata sandi')).toHaveAccessibleDescription(/Masukkan kata sandi Anda/);
    expect(document.title).toBe('Galat: Masuk — Mitra');

    await user.type(screen.getByLabelText('Alamat email'), 'budi@');
    await user.type(screen.getByLabelText('Kata sandi'), 'x');
    await user.click(screen.getByRole('button', { name: 'Masuk' }));
    expect(await screen.findByRole('link', { name: /format yang benar/ })).toBeInTheDocument();
    expect(screen.getByLabelText('Kata sandi')).not.toHaveAttribute('aria-invalid');
  });

  it('says the email or the password is wrong (401), the same for both', async () => {
    await useServerMode({ [IDS.officer]: PASSWORD });
    const { user } = await openSignIn();
    await user.type(screen.getByLabelText('Alamat email'), EMAIL);
    await user.type(screen.getByLabelText('Kata sandi'), 'bukan kata sandinya');
    await user.click(screen.getByRole('button', { name: 'Masuk' }));
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('Alamat email atau kata sandi salah');
    expect(screen.getByRole('heading', { level: 1, name: 'Masuk' })).toBeInTheDocument();
  });

  it('says how long to wait when the API slows sign-ins down (429)', async () => {
    server.use(
      http.post('/api/auth/sign-in', () =>
        HttpResponse.json(
          { type: '/problems/too-many-attempts', title: 'Too many failed sign-ins.', status: 429 },
          { status: 429, headers: { 'retry-after': '30', 'content-type': 'application/problem+json' } },
        ),
      ),
      http.get('/api/session', () =>
        HttpResponse.json({ type: '/problems/unauthenticated', title: 'Sign in first.', status: 401 }, { status: 401 }),
      ),
    );
    const { user } = await openSignIn();
    await user.type(screen.getByLabelText('Alamat email'), EMAIL);
    await user.type(screen.getByLabelText('Kata sandi'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Masuk' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 30 detik',
    );
  });

  it('sends a signed-out visitor to sign in, then back to the page they wanted; signing out ends the session', async () => {
    const api = await useServerMode({ [IDS.officer]: PASSWORD });
    const { user, router } = renderApp('/follow-ups?status=open');
    await screen.findByRole('heading', { level: 1, name: 'Masuk' });
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/follow-ups?status=open');

    await user.type(screen.getByLabelText('Alamat email'), EMAIL);
    await user.type(screen.getByLabelText('Kata sandi'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Masuk' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/follow-ups'));
    expect(router.state.location.search).toBe('?status=open');
    expect(await screen.findByText('Budi Santoso (Petugas kerja sama)')).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Pengguna demo' })).not.toBeInTheDocument();
    expect(api.cookie()).toMatch(/^mitra_session=/);
    expect((await api.sessions()).map((s) => s.userId)).toEqual([IDS.officer]);

    await user.click(screen.getByRole('button', { name: 'Keluar' }));
    await screen.findByRole('heading', { level: 1, name: 'Masuk' });
    expect(api.cookie()).toBe('');
    expect(await api.sessions()).toEqual([]); // ended on the server, not just forgotten by the browser
  });
});
