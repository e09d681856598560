/**
 * Writes a new browser demo database, holding the demo data, to the file named by the first
 * argument: made by the page's own code (mocks/demo-database.ts on SQLite in WebAssembly: the
 * migrations, then the seed), so the demo build can ship it ready-made
 * (scripts/vite-demo-database.ts) and a new visitor's page opens it instead of making it.
 *
 *   tsx scripts/demo-database-file.ts /tmp/demo.sqlite
 */
import { writeFileSync } from 'node:fs';
import { makeDemoDatabaseFile } from '../mocks/demo-database';

const out = process.argv[2];
if (!out) {
  console.error('usage: tsx scripts/demo-database-file.ts <file>');
  process.exit(2);
}
writeFileSync(out, await makeDemoDatabaseFile());
