#!/usr/bin/env node
/**
 * Benchmark (prints figures; not a test): the dashboard with 50,000 follow-ups and 5,000 meetings.
 * Builds the demo bundle (the production bundle plus MSW; --no-build to reuse dist-demo/), serves
 * it, opens /?dataset=load&year=2024 in headless Chromium several times and prints the time from
 * navigation start to every chart painted; then the stats endpoints' times in the API alone.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const PORT = 4181;
const RUNS = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 6);
const noBuild = process.argv.includes('--no-build');
const profile = mkdtempSync(join(os.tmpdir(), 'mitra-bench-dashboard-'));
const say = (m) => console.log(`[bench] ${m}`);

if (!noBuild) {
  say('building the demo bundle');
  execFileSync('npm', ['run', 'build:demo', '--', '--logLevel', 'warn'], { stdio: 'inherit' });
}
const preview = spawn('node_modules/.bin/vite', ['preview', '--outDir', 'dist-demo', '--port', String(PORT), '--strictPort'], {
  stdio: 'ignore',
});
const stop = () => {
  try {
    preview.kill();
  } catch {
    /* already gone */
  }
  rmSync(profile, { recursive: true, force: true });
};
process.on('exit', stop);

const percentile = (xs, p) => xs[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
try {
  for (let i = 0; i < 50; i += 1) {
    try {
      if ((await fetch(`http://localhost:${PORT}/`)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
  });
  const times = [];
  for (let run = 0; run <= RUNS; run += 1) {
    const page = await context.newPage();
    await page.goto(`http://localhost:${PORT}/?dataset=load&year=2024`);
    // Every chart card has drawn its chart (an svg with bars) and nothing is loading any more.
    const painted = await page.waitForFunction(
      () => {
        const cards = [...document.querySelectorAll('.chart-card')];
        const done = cards.length === 6 && cards.every((c) => c.querySelector('svg.recharts-surface .chart-bar'));
        const loading = document.querySelector('.state--loading');
        return done && !loading ? new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now()))) : false;
      },
      undefined,
      { timeout: 60_000, polling: 'raf' },
    );
    const ms = await painted.jsonValue();
    if (run > 0) times.push(ms); // the first run warms the browser's caches
    say(`run ${run}${run === 0 ? ' (warm-up, not counted)' : ''}: all charts painted ${ms.toFixed(0)} ms after navigation start`);
    await page.close();
  }
  await context.close();
  times.sort((a, b) => a - b);
  console.log(`\n=== Dashboard at scale ===`);
  console.log(`Data: 50,000 generated follow-ups + 5,000 meetings (seed 922) in the browser's API (MSW, no added latency), year 2024.`);
  console.log(`Machine: Node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(2)}.`);
  console.log(`Navigation → all 6 charts painted (n=${times.length}, includes generating the data in the page): p50 ${percentile(times, 50).toFixed(0)} ms, p95 ${percentile(times, 95).toFixed(0)} ms\n`);
  stop();
  say('stats endpoints in the API alone:');
  execFileSync('npx', ['tsx', 'scripts/bench-api.ts'], { stdio: 'inherit' });
} catch (error) {
  console.error(error);
  stop();
  process.exit(1);
}
