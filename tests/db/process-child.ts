/**
 * One "server process" for tests/db/processes.test.ts: opens the database given on the command
 * line, waits for the start signal (stdin), then tries a versioned update and prints whether it won.
 */
import { openDatabase } from '../../server/db/engine';
import { followUpMap, loadResource, replaceResource } from '../../server/db/mappers';

const [target, id, version, title] = process.argv.slice(2) as [string, string, string, string];
const database = openDatabase(target.startsWith('postgres') ? { url: target, sqlitePath: '' } : { sqlitePath: target });
const item = await loadResource(database.db, followUpMap, id);
if (!item) throw new Error(`no follow-up ${id}`);
process.stdout.write('ready\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
const won = await database.db
  .transaction()
  .execute((trx) => replaceResource(trx, followUpMap, { ...item, title, version: Number(version) + 1 }, Number(version)));
process.stdout.write(`${won ? 'won' : 'lost'}\n`);
await database.close();
