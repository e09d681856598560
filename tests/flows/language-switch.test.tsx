import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { usePreferences } from '@/stores/preferences';
import { renderApp } from '../render';

const STORAGE_KEY = 'mitra.preferences';

describe('choosing the language', () => {
  it('turns the app into English, sets the document language and keeps the choice for the next visit', async () => {
    const first = renderApp('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Dasbor' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('id');

    await first.user.selectOptions(screen.getByRole('combobox', { name: 'Bahasa' }), 'English');

    expect(await screen.findByRole('heading', { level: 1, name: 'Dashboard' })).toBeInTheDocument();
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Follow-ups by sector and status' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Main navigation' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Skip to main content' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Language' })).toHaveDisplayValue('English');
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toBe('Dashboard — Mitra');

    // Moving on within the app keeps the language.
    await first.user.click(screen.getByRole('link', { name: 'Follow-ups' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Follow-ups' }),
    ).toBeInTheDocument();

    // The choice is saved in the browser...
    const saved = window.localStorage.getItem(STORAGE_KEY);
    expect(JSON.parse(saved ?? '{}')).toMatchObject({ state: { locale: 'en' } });
    // ...and in the cookie that tells the server which language's strings to preload.
    expect(document.cookie).toContain('mitra.lang=en');
    // (Back to Bahasa Indonesia, the default, the cookie goes: the server preloads it without one.)
    usePreferences.getState().setLocale('id');
    expect(document.cookie).not.toContain('mitra.lang');
    usePreferences.getState().setLocale('en');
    first.unmount();

    // ...and a fresh page, which starts in Indonesian until it reads the saved preference, opens in English.
    usePreferences.setState({ locale: 'id' });
    window.localStorage.setItem(STORAGE_KEY, saved ?? '');
    await usePreferences.persist.rehydrate();
    expect(usePreferences.getState().locale).toBe('en');

    renderApp('/', { locale: usePreferences.getState().locale });
    expect(await screen.findByRole('heading', { level: 1, name: 'Dashboard' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
  });

  it('switches back to Bahasa Indonesia', async () => {
    const { user } = renderApp('/follow-ups', { locale: 'en' });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Follow-ups' }),
    ).toBeInTheDocument();

    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Language' }),
      'Bahasa Indonesia',
    );

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Tindak lanjut' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveDisplayValue('Semua');
    expect(document.documentElement.lang).toBe('id');
  });
});
