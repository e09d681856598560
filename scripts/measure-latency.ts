/**
 * npm run measure:latency -- [--requests 200] [--follow-ups 21000]
 *
 * Measurement, not a test: how a signed-in user's `GET /api/follow-ups?limit=100` fares while
 * the server is under the two loads of issue 13 — a burst of wrong passwords (waves of 100 in
 * parallel) and a 20,000-row calendar export (downloaded again and again) — against the same
 * request on an idle server. The production composition (`createMitraServer`: SQLite, sign-in at
 * the production scrypt cost, compression, security headers) on a temporary database; the
 * requests go through real sockets, and both the measured requests and the load come from other
 * processes (as a user's and an attacker's would), so no client's own work counts against the
 * server. Prints p50, p99 and max for each phase, and p99 ÷ idle p99.
 *
 * Options: --requests N, --follow-ups N, --no-nice (the load process at the server's own CPU
 * priority; by default it runs at nice 19, as a load from another machine costs this one nothing).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { serve } from '@hono/node-server';
import { demoSnapshot, IDS } from '../mocks/demo-data';
import { generateSnapshot } from '../mocks/generator';
import { createMitraServer } from '../server/node/server';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}
const REQUESTS = option('--requests', 200);
const FOLLOW_UPS = option('--follow-ups', 21_000);
/** --no-nice: the load competes with the server for the CPU at the same priority. */
const NICE = !process.argv.includes('--no-nice');
const PASSWORD = 'pengukuran latensi di kantor kerja sama';

const dir = mkdtempSync(join(tmpdir(), 'mitra-latency-'));
const snapshot = { ...generateSnapshot({ seed: 13, followUps: FOLLOW_UPS, meetings: 500, partnerships: 20 }), users: demoSnapshot().users };
const dated = snapshot.followUps.filter((f) => f.dueDate !== undefined).length;
const mitra = await createMitraServer({ dbPath: join(dir, 'mitra.sqlite'), seed: () => snapshot, distDir: dir });
await mitra.auth.setPassword(IDS.staff, PASSWORD);
const staffEmail = snapshot.users.find((u) => u.id === IDS.staff)!.email;
const adminEmail = snapshot.users.find((u) => u.id === IDS.admin)!.email;

const server = serve({ fetch: mitra.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise((ready) => server.once('listening', ready));
const address = server.address();
const port = typeof address === 'object' && address ? address.port : 0;
const base = `http://127.0.0.1:${port}`;

const signIn = (email: string, password: string): Promise<Response> =>
  fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email, password }),
  });

const signedIn = await signIn(staffEmail, PASSWORD);
if (signedIn.status !== 200) throw new Error(`sign-in failed: ${signedIn.status}`);
const cookie = signedIn.headers.getSetCookie().find((c) => c.startsWith('mitra_session='))!.split(';')[0]!;

/**
 * The server's own event loop (this process) is watched while each phase measures: its longest
 * stall says whether the server blocked, apart from how busy the machine was.
 */
let loopDelay = monitorEventLoopDelay({ resolution: 5 });

/**
 * `count` list requests one after another, their times in milliseconds, sent from a process of
 * their own (as a user's browser is on another machine): in this one, the client's own turns of
 * the event loop would queue behind the server's work and count against it.
 */
async function listTimes(count: number): Promise<number[]> {
  loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  const script = `
    const [url, cookie, count] = process.argv.slice(1);
    const times = [];
    for (let i = 0; i < Number(count); i += 1) {
      const started = performance.now();
      const response = await fetch(url, { headers: { cookie, 'accept-encoding': 'gzip' } });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error('list answered ' + response.status);
      times.push(performance.now() - started);
    }
    process.stdout.write(JSON.stringify(times));
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script, `${base}/api/follow-ups?limit=100`, cookie, String(count)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((done) => child.once('exit', done));
  loopDelay.disable();
  if (code !== 0) throw new Error(`the list client exited with ${code}`);
  return JSON.parse(out) as number[];
}

/** The event loop's p99 and longest stall in the last phase, in milliseconds. */
const loopStalls = () => ({ loopP99: loopDelay.percentile(99) / 1e6, loopMax: loopDelay.max / 1e6 });

function stats(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { p50: at(0.5), p99: at(0.99), max: sorted.at(-1)! };
}

/**
 * A load in another process: `code` (an async function body with `base`, `cookie` and
 * `adminEmail` in scope) runs again and again until this process says stop; each run's result
 * comes back as one JSON line.
 */
async function during(code: string, measure: () => Promise<number[]>): Promise<{ times: number[]; loads: unknown[] }> {
  const script = `
    const [base, cookie, adminEmail] = process.argv.slice(1);
    let running = true;
    process.stdin.on('data', () => { running = false; });
    process.stdin.resume();
    const run = async () => { ${code} };
    while (running) process.stdout.write(JSON.stringify(await run()) + '\\n');
    process.exit(0);
  `;
  // At the lowest CPU priority: an attacker's or a downloader's own work runs on their machine,
  // not the server's; on this one machine it should take what the server leaves, not compete
  // with it. The server still answers every request it sends (the waves and answers printed).
  const command = NICE ? 'nice' : process.execPath;
  const args = ['--input-type=module', '-e', script, base, cookie, adminEmail];
  const child = spawn(command, NICE ? ['-n', '19', process.execPath, ...args] : args, { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise((done) => child.once('exit', done));
  // Let the load get going first.
  await new Promise((next) => setTimeout(next, 500));
  const times = await measure();
  child.stdin.write('stop\n');
  await exited;
  const loads = out.split('\n').filter(Boolean).map((line) => JSON.parse(line) as unknown);
  return { times, loads };
}

const results: Array<{ phase: string; p50: number; p99: number; max: number; loopP99: number; loopMax: number; note: string }> = [];

await listTimes(20); // warm-up
const idle = await listTimes(REQUESTS);
results.push({ phase: 'idle', ...stats(idle), ...loopStalls(), note: '' });

const burst = await during(
  `
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => fetch(base + '/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ email: adminEmail, password: 'wrong password number ' + i }),
    })));
    const counts = {};
    for (const a of answers) { await a.arrayBuffer(); counts[a.status] = (counts[a.status] ?? 0) + 1; }
    return counts;
  `,
  () => listTimes(REQUESTS),
);
const statuses: Record<string, number> = {};
for (const counts of burst.loads as Array<Record<string, number>>) for (const [status, n] of Object.entries(counts)) statuses[status] = (statuses[status] ?? 0) + n;
results.push({ phase: 'during 100-wrong-password bursts', ...stats(burst.times), ...loopStalls(), note: `${burst.loads.length} waves; answers ${JSON.stringify(statuses)}` });

const exporting = await during(
  `
    const started = performance.now();
    const response = await fetch(base + '/api/follow-ups/export.ics', { headers: { cookie, 'accept-encoding': 'gzip' } });
    const text = await response.text();
    if (response.status !== 200) throw new Error('export answered ' + response.status);
    return { ms: performance.now() - started, events: text.split('BEGIN:VEVENT').length - 1, bytes: text.length };
  `,
  () => listTimes(REQUESTS),
);
const last = exporting.loads.at(-1) as { ms: number; events: number; bytes: number } | undefined;
results.push({
  phase: `during ${dated}-row ICS exports`,
  ...stats(exporting.times),
  ...loopStalls(),
  note: `${exporting.loads.length} exports, ${last?.events ?? 0} events, ${((last?.bytes ?? 0) / 1e6).toFixed(1)} MB, ${Math.round(last?.ms ?? 0)} ms each`,
});

const idleP99 = results[0]!.p99;
console.log(
  `GET /api/follow-ups?limit=100, signed in, ${REQUESTS} requests per phase (${FOLLOW_UPS} follow-ups); ` +
    `the load from another process${NICE ? ' at nice 19' : ', same priority'}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`,
);
console.log('phase | p50 ms | p99 ms | max ms | p99 / idle p99 | server event-loop delay p99 / max ms | load');
for (const r of results) {
  console.log(
    `${r.phase} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.max.toFixed(1)} | ${(r.p99 / idleP99).toFixed(2)} | ${r.loopP99.toFixed(1)} / ${r.loopMax.toFixed(1)} | ${r.note}`,
  );
}

(server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
server.close();
await mitra.close();
rmSync(dir, { recursive: true, force: true });
