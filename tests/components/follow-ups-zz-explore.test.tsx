import { screen } from '@testing-library/react';
import { it } from 'vitest';
import { renderApp } from '../render';

it('explore', async () => {
  const { user, router } = renderApp('/follow-ups');
  await screen.findByRole('table', { name: 'Tindak lanjut (13)' });
  await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Terbuka');
  console.log('A', router.state.location.search, (screen.getByRole('combobox', { name: 'Status' }) as HTMLSelectElement).value);
  await user.selectOptions(screen.getByRole('combobox', { name: 'Kemitraan' }), 'pts-tangerang-binzhou');
  console.log('B', router.state.location.search);
  await new Promise((r) => setTimeout(r, 300));
  console.log('C', router.state.location.search);
});
