/**
 * Child process for crash.test.ts: `node --import tsx crash-child.ts <db> <body.json> <mode>`.
 * Opens the file database, creates a meeting (with follow-ups) through the API, prints the answer.
 * mode 'during': the parent sets MITRA_TEST_CRASH_AFTER_INSERT=meetings, so the store SIGKILLs
 * this process right after the meeting row is written, before the transaction commits.
 * mode 'after': the process SIGKILLs itself right after the API has answered (the commit is done).
 */
import { readFileSync } from 'node:fs';
import { createApi } from '../../server/app';
import { openSqliteStore } from '../../server/sqlite/store';

const [path, bodyFile, mode] = process.argv.slice(2);
if (!path || !bodyFile || !mode) throw new Error('usage: crash-child.ts <db> <body.json> <during|after>');

const { store } = openSqliteStore(path);
const api = createApi({ store });
process.stdout.write('opened\n');
const response = await api.fetch(
  new Request('http://mitra.test/api/meetings', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-mitra-user': 'usr-rina' },
    body: readFileSync(bodyFile, 'utf8'),
  }),
);
process.stdout.write(`${JSON.stringify({ status: response.status, body: await response.json() })}\n`);
if (mode === 'after') process.kill(process.pid, 'SIGKILL');
