/**
 * Child process for crash.test.ts: `node --import tsx crash-child.ts <db> <body.json> <mode>`.
 * Opens the file database, creates a meeting (with follow-ups) through the API, prints the answer.
 * mode 'during': this process SIGKILLs itself right after the meeting row is written, before the
 * transaction commits (a Kysely plugin watching the statements: nothing in the server knows).
 * mode 'after': the process SIGKILLs itself right after the API has answered (the commit is done).
 */
import { readFileSync } from 'node:fs';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { createApi } from '../../server/app';
import { openMitraDatabase } from '../../server/db/open';
import { demoSnapshot } from '../../server/seed/demo-data';

const [path, bodyFile, mode] = process.argv.slice(2);
if (!path || !bodyFile || !mode) throw new Error('usage: crash-child.ts <db> <body.json> <during|after>');

const meetingInserts = new WeakSet<object>();
const killAfterMeetingInsert: KyselyPlugin = {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const node = args.node as { kind: string; into?: { table?: { identifier?: { name?: string } } } };
    if (node.kind === 'InsertQueryNode' && node.into?.table?.identifier?.name === 'meetings') meetingInserts.add(args.queryId);
    return args.node;
  },
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (mode === 'during' && meetingInserts.has(args.queryId)) process.kill(process.pid, 'SIGKILL');
    return args.result;
  },
};

const opened = await openMitraDatabase({ sqlitePath: path, seed: demoSnapshot });
const database = { ...opened, db: opened.db.withPlugin(killAfterMeetingInsert) };
const api = createApi({ database });
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
