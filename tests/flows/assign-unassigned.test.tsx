import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { FollowUp } from '@/domain/follow-up';
import { DEFAULT_USER_ID, usePreferences } from '@/stores/preferences';
import { currentStore, server } from '../../mocks/node';
import { renderApp } from '../render';

/**
 * Issue 15, item 2: an item of a back-logged visit nobody owns yet ("not yet assigned") gets its
 * owner and its due date later. The rule (src/domain/value-lists.ts) wants both or neither on an
 * open item, so the API takes them in one request: the change form of the follow-ups list (the
 * bulk bar, for one selected item too) must send them together, in one save.
 */

const EXCHANGE = { id: 'fu-binzhou-exchange', title: 'Mengusulkan program pertukaran pelajar' };

beforeEach(() => {
  usePreferences.setState({ userId: DEFAULT_USER_ID });
  // The list is virtualized; jsdom cannot scroll.
  vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
});

async function stored(id: string): Promise<FollowUp> {
  const item = await currentStore().followUps.get(id);
  if (!item) throw new Error(`no follow-up ${id}`);
  return item;
}

/** The demo item as a back-logged visit would have left it: open, no owner, no due date. */
async function makeUnassigned(id: string): Promise<void> {
  const current = await stored(id);
  const { ownerId: _owner, dueDate: _due, ...rest } = current;
  await currentStore().followUps.replace({ ...rest, version: current.version + 1 });
}

/** The write requests the app sends (method, path, body), from the moment this is called. */
function recordWrites() {
  const writes: Array<{ method: string; path: string; body: unknown }> = [];
  const record = ({ request }: { request: Request }) => {
    if (request.method === 'GET') return;
    const entry = { method: request.method, path: new URL(request.url).pathname, body: undefined as unknown };
    writes.push(entry);
    void request
      .clone()
      .json()
      .then((body: unknown) => {
        entry.body = body;
      });
  };
  server.events.on('request:start', record);
  onTestFinished(() => {
    server.events.removeListener('request:start', record);
  });
  return writes;
}

const COPY = {
  id: {
    select: `Pilih ${EXCHANGE.title}`,
    bar: '1 dipilih — Ubah yang dipilih',
    owner: 'Penanggung jawab',
    due: 'Tenggat (TTTT-BB-HH)',
    apply: 'Terapkan ke 1 item',
    result: '1 diubah, 0 gagal.',
    unassigned: 'Belum ditugaskan',
  },
  en: {
    select: `Select ${EXCHANGE.title}`,
    bar: '1 selected — Change the selected',
    owner: 'Owner',
    due: 'Due (YYYY-MM-DD)',
    apply: 'Apply to 1 items',
    result: '1 changed, 0 failed.',
    unassigned: 'Not yet assigned',
  },
} as const;

describe('a follow-up not yet assigned', () => {
  for (const locale of ['id', 'en'] as const) {
    it(`gets its owner and due date in one save from the change form (${locale})`, async () => {
      const c = COPY[locale];
      await makeUnassigned(EXCHANGE.id);
      const writes = recordWrites();
      const { user } = renderApp('/follow-ups?assigned=no', { locale });
      const link = await screen.findByRole('link', { name: EXCHANGE.title });
      const row = link.closest<HTMLElement>('[role="row"]');
      expect(row).toHaveTextContent(c.unassigned);

      await user.click(screen.getByRole('checkbox', { name: c.select }));
      const bar = await screen.findByRole('form', { name: c.bar });
      await user.selectOptions(within(bar).getByRole('combobox', { name: c.owner }), 'Budi Santoso');
      await user.type(within(bar).getByRole('textbox', { name: c.due }), '2027-01-15');
      await user.click(within(bar).getByRole('button', { name: c.apply }));

      await screen.findByText(c.result);
      expect(writes).toEqual([
        {
          method: 'POST',
          path: '/api/follow-ups/bulk',
          body: { items: [{ id: EXCHANGE.id, version: expect.any(Number) as unknown }], changes: { ownerId: 'usr-budi', dueDate: '2027-01-15' } },
        },
      ]);
      await waitFor(async () => expect(await stored(EXCHANGE.id)).toMatchObject({ ownerId: 'usr-budi', dueDate: '2027-01-15', status: 'open' }));
    });
  }
});

describe('the page of a follow-up not yet assigned', () => {
  it('names its owner as not yet assigned, not a bare dash', async () => {
    await makeUnassigned(EXCHANGE.id);
    renderApp(`/follow-ups/${EXCHANGE.id}`);
    await screen.findByRole('heading', { level: 1, name: EXCHANGE.title });
    const owner = screen.getByText('Penanggung jawab', { selector: 'dt' });
    expect(owner.nextElementSibling).toHaveTextContent(/^Belum ditugaskan$/);
  });
});
