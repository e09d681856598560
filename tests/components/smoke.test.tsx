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
});
