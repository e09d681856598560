import { screen, waitFor } from '@testing-library/react';
import { expect, it } from 'vitest';
import { renderApp } from '../render';

it('explore', async () => {
  renderApp('/follow-ups');
  const table = await screen.findByRole('table');
  await waitFor(() => expect(table.querySelectorAll('[role=row]').length).toBeGreaterThan(5));
  const rows = table.querySelectorAll('[role=row]');
  console.log('rows', rows.length, [...rows].map((r) => r.getAttribute('aria-rowindex')).join(','));
});
