import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createDbAuthStore } from '../../server/auth/db-store';
import { issueSetupSecret } from '../../server/auth/setup-secret';
import { backupDatabase } from '../../server/db/backup';
import { openMitraDatabase } from '../../server/db/open';
import { emptySnapshot } from '../../server/seed/seeds';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mitra-files-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const mode = (path: string) => statSync(path).mode & 0o777;

it('creates the database, its WAL and a backup readable by their owner only (0600)', async () => {
  const path = join(dir, 'data', 'mitra.sqlite');
  const previous = process.umask(0o022); // the usual umask, which makes files 0644
  try {
    mkdirSync(join(dir, 'data'));
    const database = await openMitraDatabase({ sqlitePath: path, seed: emptySnapshot });
    expect(mode(path)).toBe(0o600);
    expect(mode(`${path}-wal`)).toBe(0o600);
    const backup = join(dir, 'backups', 'copy.sqlite');
    await backupDatabase(path, backup);
    expect(mode(backup)).toBe(0o600);
    await database.close();
  } finally {
    process.umask(previous);
  }
});

it('a backup carries no session: restoring it ends every session', async () => {
  const path = join(dir, 'mitra.sqlite');
  const database = await openMitraDatabase({ sqlitePath: path, seed: emptySnapshot });
  const auth = createDbAuthStore(database);
  await auth.createSession({ idHash: 'h1', userId: 'usr-sari', createdAt: 1, lastSeenAt: 1 });
  await issueSetupSecret(auth);
  await auth.ensureSetting('device-key', 'the-device-key');
  const backup = join(dir, 'copy.sqlite');
  await backupDatabase(path, backup);
  // The live database keeps its sessions and setup secret...
  expect(await auth.getSession('h1')).toBeDefined();
  expect(await auth.getSetting('setup-secret')).toBeDefined();
  await database.close();
  // ...the copy has neither (the device-cookie key it keeps: devices stay known).
  const copy = new Database(backup, { readonly: true });
  expect(copy.prepare('SELECT COUNT(*) FROM auth_sessions').pluck().get()).toBe(0);
  expect(copy.prepare("SELECT key FROM meta WHERE key LIKE 'auth:%'").pluck().all()).toEqual(['auth:device-key']);
  copy.close();
});
