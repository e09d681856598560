import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDS } from '../../mocks/demo-data';
import { createApi } from '../../server/app';
import { openMitraDatabase } from '../../server/db/open';
import { demoSnapshot } from '../../server/seed/demo-data';
import { inspect } from '../../server/db/inspect';
import { validMeeting } from '../api/fixtures';

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

describe('Idempotency-Key on the SQLite file', () => {
  it('replays after a restart instead of creating a second meeting', async () => {
    const path = join(dir, 'm.sqlite');
    const first = await openMitraDatabase({ sqlitePath: path, seed: demoSnapshot });
    const created = await post(createApi({ database: first }), '/meetings', validMeeting(), 'key-restart-0001');
    expect(created.status).toBe(201);
    const body = (await created.json()) as { id: string };
    const meetings = await inspect(first).meetings.count();
    await first.close();

    const again = await openMitraDatabase({ sqlitePath: path, seed: demoSnapshot });
    const retry = await post(createApi({ database: again }), '/meetings', validMeeting(), 'key-restart-0001');
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(((await retry.json()) as { id: string }).id).toBe(body.id);
    expect(await inspect(again).meetings.count()).toBe(meetings);
    await again.close();
  });
});
