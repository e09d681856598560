/**
 * `npm run bench:start`: how long the production server takes to start, built (dist-server/,
 * what `npm start` runs) against the same sources under tsx (what `npm start` ran before), in
 * the same run, turn about. A benchmark, not a test: it prints figures and exits 0.
 *
 * Each start: spawn → the first 200 from `/` (the SPA root), wall time and the process's own CPU
 * time at that moment (user + system, from /proc; far steadier than wall time on a loaded
 * machine). Medians over the runs, the ratio tsx ÷ built, and the load average before and after.
 *
 * Options: --runs N (5), --db FILE (a SQLite file to start on; default a new one with the demo
 * data, made by the first start and reused), --dist DIR (dist).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildServerIfStale } from './build-server.mjs';
import { fmt, freePort, printTable } from './lighthouse';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    db: { type: 'string' },
    dist: { type: 'string', default: 'dist' },
  },
});

const VARIANTS: Array<{ name: string; args: string[] }> = [
  { name: 'tsx server/node/main.ts (before)', args: ['--import', 'tsx', 'server/node/main.ts'] },
  { name: 'node dist-server/main.mjs (built)', args: ['dist-server/main.mjs'] },
  { name: 'node scripts/start.mjs (npm start)', args: ['scripts/start.mjs'] },
];

/** The process's own CPU time so far, in milliseconds (user + system; /proc counts in 1/100 s). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function startOnce(args: string[], env: Record<string, string>): Promise<{ wall: number; cpu: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: 'ignore' });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited (${child.exitCode})`);
      try {
        if ((await fetch(`http://127.0.0.1:${port}/`)).ok) break;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    return { wall: performance.now() - started, cpu: cpuMs(child.pid!) };
  } finally {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  }
}

async function main(): Promise<void> {
  await buildServerIfStale('dist-server');
  const work = mkdtempSync(join(tmpdir(), 'mitra-bench-start-'));
  let dist = values.dist;
  if (!existsSync(join(dist, 'index.html'))) {
    // No SPA built: a one-line page stands in (the figure is the server's start, not the SPA's).
    dist = join(work, 'dist');
    mkdirSync(dist);
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Mitra</title>');
  }
  const env = { MITRA_DB: values.db ?? join(work, 'mitra.sqlite'), MITRA_DIST: dist };
  try {
    // The first start makes and seeds the database: not counted.
    await startOnce(VARIANTS[1]!.args, env);
    const load = loadavg()[0]!;
    const runs = Number(values.runs);
    const results = new Map<string, Array<{ wall: number; cpu: number }>>(VARIANTS.map((v) => [v.name, []]));
    for (let i = 0; i < runs; i += 1) {
      for (const variant of VARIANTS) results.get(variant.name)!.push(await startOnce(variant.args, env));
    }
    const loadAfter = loadavg()[0]!;
    const before = results.get(VARIANTS[0]!.name)!;
    const rows = VARIANTS.map((variant) => {
      const r = results.get(variant.name)!;
      const wall = median(r.map((x) => x.wall));
      const cpu = median(r.map((x) => x.cpu));
      return [
        variant.name,
        fmt(wall),
        fmt(cpu),
        `${fmt(median(before.map((x) => x.wall)) / wall, 1)}×`,
        `${fmt(median(before.map((x) => x.cpu)) / cpu, 1)}×`,
        r.map((x) => fmt(x.wall)).join(' '),
      ];
    });
    console.log(`\nServer start, spawn → first answer from /, median of ${runs} runs each, turn about (ms); load average ${fmt(load, 1)} → ${fmt(loadAfter, 1)}\n`);
    printTable(['start', 'wall ms', 'CPU ms', 'wall: before ÷ this', 'CPU: before ÷ this', 'each run (wall ms)'], rows);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
