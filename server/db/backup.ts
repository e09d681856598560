import { closeSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { authSettingKey } from '../auth/db-store';
import { SETUP_SECRET_SETTING } from '../auth/setup-secret';
import { COLLECTIONS, type CollectionName } from '../store';
import { RESOURCE_MAPS } from './mappers';

type Counted = CollectionName | 'audit';

export type BackupResult = {
  path: string;
  bytes: number;
  integrity: string;
  counts: Record<Counted, number>;
};

/** `mitra-20261127-221503.sqlite` (UTC), the name `npm run backup` gives a copy. */
export function backupFileName(at: Date = new Date()): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `mitra-${stamp}.sqlite`;
}

/**
 * A consistent copy of a live database, with SQLite's online backup API, while the server goes
 * on writing. The pages are copied in one step, inside one read transaction: in WAL mode that
 * never blocks the writer, and no write can slip in halfway (a copy in several steps restarts
 * whenever another connection writes, and under steady writes might never finish). The copy is
 * written under a temporary name and renamed when whole and checked, so a file with the final
 * name is always a complete backup.
 */
export async function backupDatabase(sourcePath: string, destPath: string): Promise<BackupResult> {
  mkdirSync(dirname(destPath), { recursive: true, mode: 0o700 });
  const partial = `${destPath}.partial`;
  rmSync(partial, { force: true });
  // Readable by its owner only (0600), like the database: SQLite writes into the file as it is.
  closeSync(openSync(partial, 'w', 0o600));
  const source = new Database(sourcePath, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    await source.backup(partial, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  const copy = new Database(partial, { fileMustExist: true });
  let result: BackupResult;
  try {
    const integrity = String(copy.pragma('integrity_check', { simple: true }));
    const counts = Object.fromEntries(
      COLLECTIONS.map((name) => [name, copy.prepare<[], number>(`SELECT count(*) FROM ${RESOURCE_MAPS[name].table}`).pluck().get() ?? 0]),
    ) as Record<Counted, number>;
    const pageCount = Number(copy.pragma('page_count', { simple: true }));
    const pageSize = Number(copy.pragma('page_size', { simple: true }));
    // Sessions do not travel: a restored backup must not bring back sessions that had ended
    // since, so the copy has none (everyone signs in again after a restore). Nor does a
    // first-run setup secret.
    const has = (table: string) => copy.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
    if (has('auth_sessions')) copy.exec('DELETE FROM auth_sessions');
    if (has('meta')) copy.prepare('DELETE FROM meta WHERE key = ?').run(authSettingKey(SETUP_SECRET_SETTING));
    copy.exec('VACUUM');
    // A backup is one file: no WAL beside it.
    copy.pragma('journal_mode = DELETE');
    result = { path: destPath, bytes: pageCount * pageSize, integrity, counts };
  } finally {
    copy.close();
  }
  if (result.integrity !== 'ok') throw new Error(`the copy failed its integrity check: ${result.integrity} (kept as ${partial})`);
  renameSync(partial, destPath);
  return result;
}
