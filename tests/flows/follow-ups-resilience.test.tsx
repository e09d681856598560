import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FOLLOW_UP_STATUSES, type FollowUpStatus } from '@/domain/follow-up';
import { DEFAULT_USER_ID, usePreferences } from '@/stores/preferences';
import { currentStore, setWriteFailureRate } from '../../mocks/node';
import { renderApp } from '../render';

const LABELS: Record<FollowUpStatus, string> = {
  open: 'Terbuka',
  'in-progress': 'Sedang berjalan',
  blocked: 'Terhambat',
  done: 'Selesai',
  cancelled: 'Dibatalkan',
};

beforeEach(() => {
  usePreferences.setState({ userId: DEFAULT_USER_ID });
  // The list is virtualized; jsdom cannot scroll, and the demo's 13 rows all fit anyway.
  vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
});
afterEach(() => {
  setWriteFailureRate(0);
  vi.restoreAllMocks();
});

function table(): HTMLElement {
  return screen.getByRole('table', { name: 'Tindak lanjut (13)' });
}

function rowOf(title: string): HTMLElement {
  const row = within(table())
    .getByRole('link', { name: title })
    .closest<HTMLElement>('[role="row"]');
  if (!row) throw new Error(`no row for ${title}`);
  return row;
}

/** Every row as shown: its follow-up's id (from the link) and the status on its tag. */
function shownStatuses(): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const link of within(table()).getAllByRole('link')) {
    const id = decodeURIComponent(link.getAttribute('href')?.split('/').at(-1) ?? '');
    const cell = within(link.closest<HTMLElement>('[role="row"]')!).getAllByRole('cell').at(-1);
    shown[id] = Array.from(cell?.childNodes ?? [])
      .filter((node) => !(node instanceof HTMLButtonElement))
      .map((node) => node.textContent)
      .join('')
      .trim();
  }
  return shown;
}

/** What the API holds, in the words the list uses. */
async function storedStatuses(): Promise<Record<string, string>> {
  return Object.fromEntries((await currentStore().followUps.all()).map((item) => [item.id, LABELS[item.status]]));
}

async function titleOf(id: string): Promise<string> {
  const item = (await currentStore().followUps.get(id));
  if (!item) throw new Error(`no follow-up ${id}`);
  return item.title;
}

/** The next status after the one shown, so that every change is a real one. */
function nextStatus(shown: string): FollowUpStatus {
  const index = FOLLOW_UP_STATUSES.findIndex((status) => LABELS[status] === shown);
  return FOLLOW_UP_STATUSES[(index + 1) % FOLLOW_UP_STATUSES.length]!;
}

async function changeStatus(
  user: ReturnType<typeof renderApp>['user'],
  title: string,
  status: FollowUpStatus,
) {
  await user.click(within(rowOf(title)).getByRole('button', { name: `Ubah status: ${title}` }));
  const dialog = await screen.findByRole('dialog', { name: `Ubah status: ${title}` });
  await user.click(within(dialog).getByRole('radio', { name: LABELS[status] }));
  if (status === 'blocked')
    await user.type(
      within(dialog).getByRole('textbox', { name: 'Alasan terhambat' }),
      'Menunggu jawaban mitra',
    );
  await user.click(within(dialog).getByRole('button', { name: 'Simpan' }));
}

async function openPage() {
  const view = renderApp('/follow-ups');
  await screen.findByRole('table', { name: 'Tindak lanjut (13)' });
  await waitFor(async () => expect(shownStatuses()).toEqual(await storedStatuses()));
  return view;
}

// Fifteen changes through the dialog take a few seconds in jsdom.
describe('with 30% of the writes failing', { timeout: 20_000 }, () => {
  it('rolls each failed change back, and ends up showing exactly what the API holds', async () => {
    const { user, queryClient } = await openPage();
    setWriteFailureRate(0.3, 2025);
    const ids = (await currentStore().followUps.all()).map((item) => item.id);
    let saved = 0;
    let failed = 0;

    for (let step = 0; step < 15; step += 1) {
      const id = ids[(step * 5) % ids.length]!;
      const title = await titleOf(id);
      const before = shownStatuses()[id]!;
      const status = nextStatus(before);
      await changeStatus(user, title, status);

      const done = `Status “${title}” diubah menjadi ${LABELS[status]}.`;
      const outcome = await waitFor(() => {
        const found = screen.queryByText(done) ?? screen.queryByRole('alert');
        expect(found).not.toBeNull();
        return found!;
      });
      if (outcome.getAttribute('role') === 'alert') {
        failed += 1;
        expect(outcome).toHaveTextContent(
          `Perubahan status “${title}” gagal: Terjadi kesalahan di server. Tidak ada yang diubah. Coba lagi sebentar lagi. Statusnya dikembalikan ke ${before}.`,
        );
        expect((await storedStatuses())[id]).toBe(before);
      } else {
        saved += 1;
        expect((await storedStatuses())[id]).toBe(LABELS[status]);
      }
      await waitFor(async () => expect(shownStatuses()).toEqual(await storedStatuses()));
    }

    // The seed makes some writes fail and others pass; both paths were taken.
    expect(failed).toBeGreaterThan(0);
    expect(saved).toBeGreaterThan(0);
    expect(saved + failed).toBe(15);
    await waitFor(() => {
      expect(queryClient.isMutating()).toBe(0);
      expect(queryClient.isFetching()).toBe(0);
    });
    expect(shownStatuses()).toEqual(await storedStatuses());
  });

  it('settles on what the API holds after changes made one after another without waiting', async () => {
    const { user, queryClient } = await openPage();
    setWriteFailureRate(0.3, 7);
    const before = await storedStatuses();
    const ids = (await currentStore().followUps.all()).map((item) => item.id);

    // Different items, so that no change is based on a version another one just replaced.
    for (const id of ids.slice(0, 12))
      await changeStatus(user, await titleOf(id), nextStatus(before[id]!));

    await waitFor(() => {
      expect(queryClient.isMutating()).toBe(0);
      expect(queryClient.isFetching()).toBe(0);
    });
    await waitFor(async () => expect(shownStatuses()).toEqual(await storedStatuses()));
    const after = await storedStatuses();
    const changed = ids.filter((id) => after[id] !== before[id]);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.length).toBeLessThan(12);
    expect(shownStatuses()).toEqual(await storedStatuses());
  });
});

describe('setWriteFailureRate', () => {
  it('fails writes with a 500 problem before they reach the API, reads never, and the same way for the same seed', async () => {
    const patch = async () => {
      const item = (await currentStore().followUps.get('fu-binzhou-exchange'))!;
      const response = await fetch(
        new URL('/api/follow-ups/fu-binzhou-exchange', window.location.origin),
        {
          method: 'PATCH',
          headers: {
            'content-type': 'application/json',
            'if-match': `"${item.version}"`,
            'x-mitra-user': item.ownerId!, // Dewi owns it: an officer changes their own items
          },
          body: JSON.stringify({ priority: item.priority === 'high' ? 'low' : 'high' }),
        },
      );
      return response;
    };
    const outcomes = async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 20; i += 1) statuses.push((await patch()).status);
      return statuses;
    };

    setWriteFailureRate(0.3, 42);
    const first = await outcomes();
    setWriteFailureRate(0.3, 42);
    const second = await outcomes();
    expect(second).toEqual(first);
    expect(new Set(first)).toEqual(new Set([200, 500]));
    const versionBefore = (await currentStore().followUps.get('fu-binzhou-exchange'))!.version;
    expect(versionBefore).toBe(1 + first.filter((s) => s === 200).length * 2);

    setWriteFailureRate(1);
    const refused = await patch();
    expect(refused.status).toBe(500);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(await refused.json()).toMatchObject({ type: '/problems/internal', status: 500 });
    expect((await currentStore().followUps.get('fu-binzhou-exchange'))!.version).toBe(versionBefore);
    expect(
      (await fetch(new URL('/api/follow-ups/fu-binzhou-exchange', window.location.origin))).status,
    ).toBe(200);

    setWriteFailureRate(0);
    expect((await patch()).status).toBe(200);
  });
});
