import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../render';

describe('the app shell', () => {
  it('opens the dashboard in Bahasa Indonesia by default', async () => {
    renderApp('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Dasbor' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Navigasi utama' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('id');
  });

  it('offers a skip link to the main content and marks the current page in the navigation', async () => {
    renderApp('/meetings');
    expect(await screen.findByRole('heading', { level: 1, name: 'Pertemuan' })).toBeInTheDocument();

    expect(screen.getByRole('link', { name: 'Langsung ke isi utama' })).toHaveAttribute(
      'href',
      '#main',
    );
    expect(screen.getByRole('main')).toHaveAttribute('id', 'main');
    expect(screen.getByRole('link', { name: 'Pertemuan' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'Dasbor' })).not.toHaveAttribute('aria-current');
    expect(screen.getByRole('combobox', { name: 'Bahasa' })).toHaveDisplayValue('Bahasa Indonesia');
    expect(screen.getByRole('combobox', { name: 'Pengguna demo' })).toBeInTheDocument();
  });

  it('moves focus to the new page after navigating, so screen readers announce it', async () => {
    const { user } = renderApp('/');
    await screen.findByRole('heading', { level: 1, name: 'Dasbor' });

    await user.click(screen.getByRole('link', { name: 'Tindak lanjut' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Tindak lanjut' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveFocus();
    expect(document.title).toBe('Tindak lanjut — Mitra');
  });
});
