/**
 * One "server process" for tests/db/auth-processes.test.ts: sign-in over the database given on the
 * command line. Once started (stdin), it checks the session cookie it was given, then sends 25
 * wrong passwords for one account at once, and prints what it saw as one JSON line.
 */
import { createAuth } from '../../server/auth/auth';
import { createDbAuthStore } from '../../server/auth/db-store';
import { openDatabase } from '../../server/db/engine';
import type { User } from '../../src/domain/user';

const [target, userJson, cookie, now] = process.argv.slice(2) as [string, string, string, string];
const user = JSON.parse(userJson) as User;
const database = openDatabase(target.startsWith('postgres') ? { url: target, sqlitePath: '' } : { sqlitePath: target });
const auth = createAuth({
  store: createDbAuthStore(database),
  now: () => new Date(Number(now)),
  passwordCost: 10,
  maxConcurrentHashes: 25,
  clientIp: () => '192.0.2.50',
});
process.stdout.write('ready\n');
await new Promise((resolve) => process.stdin.once('data', resolve));

const request = (headers: Record<string, string> = {}) => new Request('http://mitra.test/api/auth/sign-in', { method: 'POST', headers });
const session = await auth.sessionUser(request({ cookie }), async (id) => (id === user.id ? user : undefined));
const results = await Promise.all(
  Array.from({ length: 25 }, (_, i) => auth.signIn(request(), async (email) => (email === user.email ? user : undefined), user.email, `wrong ${process.pid} ${i}`)),
);
const checked = results.filter((r) => !r.ok && r.retryAfterSeconds === undefined).length;
const throttled = results.filter((r) => !r.ok && r.retryAfterSeconds !== undefined && !r.busy).length;
process.stdout.write(`${JSON.stringify({ session: session?.id ?? null, checked, throttled })}\n`);
await database.close();
