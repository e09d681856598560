import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { demoSnapshot, IDS } from '../../mocks/demo-data';
import { generateSnapshot } from '../../mocks/generator';
import { createApi } from '../../server/app';
import { backupDatabase, backupFileName } from '../../server/db/backup';
import { openSqlite } from '../../server/db/engine';
import { inspect } from '../../server/db/inspect';
import { openMitraDatabase } from '../../server/db/open';
import { readSnapshot } from '../../server/db/snapshot';
import { validFollowUpDraft, validMeeting } from '../api/fixtures';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mitra-backup-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

it('names a backup by its UTC time', () => {
  expect(backupFileName(new Date('2026-11-27T22:15:03.456Z'))).toBe('mitra-20261127-221503.sqlite');
});

it('copies a live database while meetings are being written, at a consistent point', async () => {
  const path = join(dir, 'live.sqlite');
  // Enough data that the copy takes a while (several MB).
  const seed = { ...generateSnapshot({ seed: 5, followUps: 5_000, meetings: 500, partnerships: 10 }), users: demoSnapshot().users };
  const database = await openMitraDatabase({ sqlitePath: path, seed: () => seed });
  const api = createApi({ database });
  const store = inspect(database);
  const base = { meetings: await store.meetings.count(), followUps: await store.followUps.count() };

  let written = 0;
  let running = true;
  const writer = (async () => {
    while (running) {
      const response = await api.fetch(
        new Request('http://mitra.test/api/meetings', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-mitra-user': IDS.staff },
          body: JSON.stringify(
            validMeeting({
              partnershipId: seed.partnerships[0]!.id,
              hostLeadId: undefined,
              delegationLeadId: undefined,
              participants: [],
              facilitatorIds: [],
              statements: [],
              followUps: [validFollowUpDraft(), validFollowUpDraft({ title: 'Kedua' })],
            }),
          ),
        }),
      );
      expect(response.status, await response.clone().text()).toBe(201);
      written += 1;
      await new Promise((next) => setImmediate(next));
    }
  })();

  while (written < 5) await new Promise((next) => setTimeout(next, 1));
  const before = written;
  const result = await backupDatabase(path, join(dir, 'backups', 'copy.sqlite'));
  const during = written - before;
  while (written < before + during + 5) await new Promise((next) => setTimeout(next, 1));
  running = false;
  await writer;
  await database.close();

  expect(result.integrity).toBe('ok');
  // Writes went on around the backup; the copy holds a whole number of meeting requests.
  expect(written).toBeGreaterThan(before + during);
  const copied = openSqlite({ path: result.path });
  try {
    expect(copied.sqlite?.pragma('integrity_check', { simple: true })).toBe('ok');
    const snapshot = await readSnapshot(copied.db, 'sqlite');
    const meetings = snapshot.meetings.length - base.meetings;
    expect(meetings).toBeGreaterThanOrEqual(before);
    expect(meetings).toBeLessThan(written);
    expect(snapshot.followUps.length - base.followUps).toBe(2 * meetings);
    // Each request wrote a meeting, two follow-ups and an audit entry for each.
    expect(snapshot.audit ?? []).toHaveLength(3 * meetings);
    const ids = new Set(snapshot.meetings.map((m) => m.id));
    for (const followUp of snapshot.followUps) if (followUp.meetingId) expect(ids.has(followUp.meetingId)).toBe(true);
    expect(result.counts.meetings).toBe(snapshot.meetings.length);
  } finally {
    await copied.close();
  }
}, 60_000);
