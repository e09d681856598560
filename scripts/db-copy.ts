/**
 * npm run db:copy -- --from data/mitra.sqlite --to postgres://user:password@host:5432/mitra
 *
 * Moves a SQLite database onto PostgreSQL (server/db/copy.ts): migrates the target, refuses one
 * that already holds rows, copies every table in one transaction, then compares row counts and a
 * SHA-256 per table on both sides and commits only when all match. The SQLite file is opened
 * read-only and never changed. Stop the server first: writes after the copy began are not carried.
 *   --from FILE     the SQLite database (default: MITRA_DB, else ./data/mitra.sqlite)
 *   --to URL        the PostgreSQL database (default: DATABASE_URL)
 *   --batch-size N  rows per INSERT (default 1000)
 * Exit codes: 0 copied and checked; 1 refused or a difference found (nothing written); 2 bad arguments.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { copySqliteToPostgres, CopyError, formatReport } from '../server/db/copy';
import { openPostgres } from '../server/db/engine';

function usage(message: string): never {
  console.error(`${message}\nusage: npm run db:copy -- --from data/mitra.sqlite --to postgres://user:password@host:5432/mitra`);
  process.exit(2);
}

let values: { from?: string; to?: string; 'batch-size'?: string };
try {
  ({ values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' }, 'batch-size': { type: 'string' } } }));
} catch (error) {
  usage((error as Error).message);
}
const from = resolve(values.from ?? process.env.MITRA_DB ?? './data/mitra.sqlite');
const to = values.to ?? process.env.DATABASE_URL;
const batchSize = Number(values['batch-size'] ?? 1000);
if (!to) usage('--to is required (or DATABASE_URL): the PostgreSQL database to copy into');
if (!/^postgres(ql)?:\/\//.test(to)) usage(`--to must be a postgres:// URL (got "${to.slice(0, 40)}")`);
if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 4000) usage('--batch-size must be a whole number from 1 to 4000');
if (!existsSync(from)) usage(`no SQLite database at ${from} (--from or MITRA_DB)`);

/** The URL without its password, for messages. */
const shown = (() => {
  const url = new URL(to);
  if (url.password) url.password = '***';
  return url.toString();
})();

const target = openPostgres({ url: to, poolSize: 2 });
let code = 0;
try {
  console.log(`copying ${from}\n     to ${shown}`);
  const report = await copySqliteToPostgres({ from, to: target, batchSize, log: (line) => console.log(`  ${line}`) });
  console.log(`\n${formatReport(report)}\n`);
  const rows = report.tables.reduce((n, t) => n + t.target.rows, 0);
  console.log(`copied ${rows} rows in ${report.tables.length} tables in ${report.millis} ms: every count and hash matches, committed.`);
} catch (error) {
  code = 1;
  if (error instanceof CopyError) {
    if (error.report) console.error(`\n${formatReport(error.report)}\n`);
    console.error(`db:copy: ${error.message}`);
  } else {
    console.error(`db:copy failed, no row written: ${(error as Error).message}`);
  }
} finally {
  await target.close();
}
process.exit(code);
