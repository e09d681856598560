/**
 * `npm run backup`: a consistent copy of the live database, safe while the server runs.
 *   --db FILE   the database (default: MITRA_DB, else ./data/mitra.sqlite)
 *   --out PATH  a file, or a folder for mitra-YYYYMMDD-HHMMSS.sqlite (default: MITRA_BACKUP_DIR, else ./backups)
 * Restore: stop the server, copy the backup over MITRA_DB (and delete any -wal/-shm beside it), start.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { backupDatabase, backupFileName } from '../server/db/backup';

const { values } = parseArgs({ options: { db: { type: 'string' }, out: { type: 'string' } } });
const source = resolve(values.db ?? process.env.MITRA_DB ?? './data/mitra.sqlite');
const out = resolve(values.out ?? process.env.MITRA_BACKUP_DIR ?? './backups');
const dest = out.endsWith('.sqlite') || (existsSync(out) && statSync(out).isFile()) ? out : join(out, backupFileName());

if (!existsSync(source)) {
  console.error(`No database at ${source} (set MITRA_DB or --db).`);
  process.exit(1);
}
const started = performance.now();
const result = await backupDatabase(source, dest);
const rows = Object.entries(result.counts).map(([name, n]) => `${name} ${n}`).join(', ');
console.log(
  `Backed up ${source}\n      to ${result.path} (${(result.bytes / 1e6).toFixed(1)} MB, integrity ${result.integrity}, ` +
    `${Math.round(performance.now() - started)} ms)\n    rows: ${rows}`,
);
