import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../render';

describe('global search', () => {
  it('opens with Ctrl+K, matches local-script names, moves by arrows and opens with Enter', async () => {
    const { user, router } = renderApp('/meetings');
    await screen.findByRole('heading', { level: 1 });
    await user.keyboard('{Control>}k{/Control}');
    const dialog = await screen.findByRole('dialog');
    const box = within(dialog).getByRole('combobox');
    await waitFor(() => expect(box).toHaveFocus());
    await user.type(box, 'Binzhou');
    let options = await within(await within(dialog).findByRole('listbox')).findAllByRole('option');
    expect(options.length).toBeGreaterThan(1);
    // The first option is active; the box says so to assistive technology.
    expect(box.getAttribute('aria-activedescendant')).toBe(options[0]?.id);
    await user.keyboard('{ArrowDown}');
    expect(box.getAttribute('aria-activedescendant')).toBe(options[1]?.id);
    await user.keyboard('{ArrowUp}');
    expect(box.getAttribute('aria-activedescendant')).toBe(options[0]?.id);

    // The local-script name finds the same partner first.
    await user.clear(box);
    await user.type(box, '滨州');
    await waitFor(async () => {
      options = within(within(dialog).getByRole('listbox')).getAllByRole('option');
      expect(options[0]).toHaveTextContent('Binzhou');
      expect(box.getAttribute('aria-activedescendant')).toBe(options[0]?.id);
    });
    await user.keyboard('{Enter}');
    await waitFor(() => expect(router.state.location.pathname).toBe('/partners/pts-tangerang-binzhou'));
  });

  it('groups results by kind and says when nothing matches', async () => {
    const { user } = renderApp('/meetings');
    await screen.findByRole('heading', { level: 1 });
    await user.click(screen.getByRole('button', { name: /Cari/ }));
    const dialog = await screen.findByRole('dialog');
    const box = within(dialog).getByRole('combobox');
    await user.type(box, 'Binzhou');
    const listbox = await within(dialog).findByRole('listbox');
    const groups = await within(listbox).findAllByRole('group');
    expect(groups.map((g) => g.getAttribute('aria-label') ?? g.textContent?.slice(0, 20)).length).toBeGreaterThanOrEqual(2);
    await user.clear(box);
    await user.type(box, 'zzzqqq');
    expect(await within(dialog).findByText('Tidak ada yang cocok dengan “zzzqqq”.')).toBeInTheDocument();
  });
});
