import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDS } from '../../mocks/demo-data';
import { createApi } from '../../server/app';
import { openSqliteStore } from '../../server/sqlite/store';
import { validFollowUp, validMeeting } from '../api/fixtures';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mitra-idem-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const post = (api: ReturnType<typeof createApi>, path: string, body: unknown, key: string) =>
  api.fetch(
    new Request(`http://mitra.test/api${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-mitra-user': IDS.staff, 'idempotency-key': key },
      body: JSON.stringify(body),
    }),
  );

describe('Idempotency-Key on the SQLite store', () => {
  it('stores the answer inside the transaction that creates the resource', async () => {
    const { store, db, close } = openSqliteStore(join(dir, 'm.sqlite'));
    const inTransaction: boolean[] = [];
    const put = store.idempotency.put.bind(store.idempotency);
    store.idempotency.put = (key, response) => {
      inTransaction.push(db.inTransaction);
      put(key, response);
    };
    const api = createApi({ store });
    expect((await post(api, '/meetings', validMeeting(), 'key-meeting-0001')).status).toBe(201);
    expect((await post(api, '/follow-ups', validFollowUp(), 'key-follow-up-001')).status).toBe(201);
    // Both answers were stored while their data was still uncommitted: one commit holds both.
    expect(inTransaction).toEqual([true, true]);
    close();
  });

  it('replays after a restart instead of creating a second meeting', async () => {
    const path = join(dir, 'm.sqlite');
    const first = openSqliteStore(path);
    const created = await post(createApi({ store: first.store }), '/meetings', validMeeting(), 'key-restart-0001');
    const body = (await created.json()) as { id: string };
    const meetings = first.store.meetings.count();
    first.close();

    const again = openSqliteStore(path);
    const retry = await post(createApi({ store: again.store }), '/meetings', validMeeting(), 'key-restart-0001');
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(((await retry.json()) as { id: string }).id).toBe(body.id);
    expect(again.store.meetings.count()).toBe(meetings);
    again.close();
  });
});
