import { screen } from '@testing-library/react';
import { it } from 'vitest';
import { renderApp } from '../render';
it('probe', async () => {
  renderApp('/meetings/new');
  await screen.findByRole('heading', { level: 1, name: 'Catat kunjungan' });
  await new Promise((r) => setTimeout(r, 1500));
  console.log(document.title);
  console.log(document.body.innerHTML.slice(0, 3000));
});
