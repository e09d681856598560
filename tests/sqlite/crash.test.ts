import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoSnapshot, IDS } from '../../mocks/demo-data';
import { openSqlite } from '../../server/db/engine';
import { readSnapshot } from '../../server/db/snapshot';
import { validFollowUpDraft, validMeeting } from '../api/fixtures';

const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));
const TITLE = 'Rapat yang terputus di tengah penyimpanan';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mitra-crash-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the child on a new database file; returns how it ended and what it printed. */
function runChild(mode: 'during' | 'after') {
  const path = join(dir, 'mitra.sqlite');
  const bodyFile = join(dir, 'body.json');
  const body = validMeeting({
    title: TITLE,
    followUps: [validFollowUpDraft({ title: 'Tindak lanjut satu' }), validFollowUpDraft({ title: 'Tindak lanjut dua', ownerId: IDS.officer2 })],
  });
  writeFileSync(bodyFile, JSON.stringify(body));
  const env: NodeJS.ProcessEnv = { ...process.env };
  const child = spawnSync(process.execPath, ['--import', 'tsx', CHILD, path, bodyFile, mode], {
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { path, signal: child.signal, stdout: child.stdout, stderr: child.stderr };
}

describe('a meeting and its follow-ups survive a crash all or nothing', () => {
  it('a process killed after the meeting row is written, before COMMIT, leaves no trace of the request', async () => {
    const child = runChild('during');
    expect(child.signal, child.stderr).toBe('SIGKILL');
    // It got as far as the write (the database was opened and seeded), but never answered.
    expect(child.stdout).toBe('opened\n');

    const opened = openSqlite({ path: child.path });
    try {
      expect(opened.sqlite?.pragma('integrity_check', { simple: true })).toBe('ok');
      const snapshot = await readSnapshot(opened.db, 'sqlite');
      const demo = demoSnapshot();
      expect(snapshot.meetings.map((m) => m.id)).toEqual(demo.meetings.map((m) => m.id));
      expect(snapshot.meetings.some((m) => m.title === TITLE)).toBe(false);
      expect(snapshot.followUps.map((f) => f.id)).toEqual(demo.followUps.map((f) => f.id));
      expect(snapshot.audit).toEqual([]);
      expect(snapshot.sequence).toBe(demo.sequence);
    } finally {
      await opened.close();
    }
  }, 60_000);

  it('a process killed right after the API answered keeps the meeting, its follow-ups and their audit entries', async () => {
    const child = runChild('after');
    expect(child.signal, child.stderr).toBe('SIGKILL');
    const answer = JSON.parse(child.stdout.split('\n')[1]!) as { status: number; body: { id: string } };
    expect(answer.status).toBe(201);

    const opened = openSqlite({ path: child.path });
    try {
      expect(opened.sqlite?.pragma('integrity_check', { simple: true })).toBe('ok');
      const snapshot = await readSnapshot(opened.db, 'sqlite');
      expect(snapshot.meetings.find((m) => m.id === answer.body.id)?.title).toBe(TITLE);
      const followUps = snapshot.followUps.filter((f) => f.meetingId === answer.body.id);
      expect(followUps.map((f) => f.title).sort()).toEqual(['Tindak lanjut dua', 'Tindak lanjut satu']);
      const audited = new Set((snapshot.audit ?? []).map((entry) => entry.entityId));
      expect(audited.has(answer.body.id)).toBe(true);
      for (const followUp of followUps) expect(audited.has(followUp.id)).toBe(true);
    } finally {
      await opened.close();
    }
  }, 60_000);
});
