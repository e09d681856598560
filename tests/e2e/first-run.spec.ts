import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { axeViolations } from './fixtures';
import { FIRST_RUN_PORT } from './ports';

/**
 * The first run, as a newcomer meets it: a fresh database, `npm start`'s own script with none of
 * the MITRA_ADMIN_* variables, the one line it prints, the link in it → the setup page → signed in
 * on the dashboard with the demo data; the same link again is refused. The `server` project only
 * (playwright.config.ts): it starts its own server, on its own port, over its own database.
 */
// Its own `npm start`, on a port none of the suite's servers use (tests/e2e/ports.ts).
const PORT = FIRST_RUN_PORT;
const PASSPHRASE = 'tiga kucing oranye di pasar lama';

let server: ChildProcess | undefined;
let dir: string;
let output = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dir = mkdtempSync(join(tmpdir(), 'mitra-first-run-'));
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('MITRA_')));
  server = spawn(process.execPath, ['scripts/start.mjs'], {
    env: { ...env, MITRA_DB: join(dir, 'mitra.sqlite'), PORT: String(PORT), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const started = Date.now();
  while (!/\/setup#/.test(output)) {
    if (Date.now() - started > 110_000) throw new Error(`npm start printed no setup link:\n${output}`);
    if (server.exitCode !== null) throw new Error(`npm start stopped:\n${output}`);
    await new Promise((next) => setTimeout(next, 100));
  }
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const stopped = new Promise((done) => server!.once('exit', done));
    server.kill('SIGTERM');
    await stopped;
  }
  rmSync(dir, { recursive: true, force: true });
});

function setupLink(): string {
  const lines = output.split('\n').filter((line) => line.includes('/setup#'));
  expect(lines, output).toHaveLength(1);
  const link = /(http:\/\/\S+\/setup#[A-Za-z0-9_-]+)/.exec(lines[0]!)?.[1];
  expect(link, lines[0]).toBeDefined();
  return link!;
}

test('npm start prints one setup link; it makes the first administrator, signed in on the dashboard with the Binzhou visit', async ({ page }) => {
  const link = setupLink();
  expect(new URL(link).port).toBe(String(PORT));
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'Siapkan Mitra' })).toBeVisible();
  await expect(page).toHaveTitle('Siapkan Mitra — Mitra');
  expect(await axeViolations(page)).toEqual([]);

  // GOV.UK errors first: nothing filled in.
  await page.getByRole('button', { name: 'Buat administrator dan masuk' }).click();
  const summary = page.getByRole('alert', { name: 'Ada masalah' });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText(['Masukkan nama lengkap Anda', 'Masukkan alamat email Anda', 'Frasa sandi paling sedikit 15 karakter']);
  await expect(page).toHaveTitle('Galat: Siapkan Mitra — Mitra');
  expect(await axeViolations(page)).toEqual([]);

  await page.getByLabel('Nama lengkap').fill('Sari Puspita');
  await page.getByLabel('Alamat email').fill('sari.puspita@example.org');
  await page.getByLabel('Frasa sandi').fill('aaaaaaaaaaaaaaaa');
  await expect(page.getByText('Panjangnya cukup.', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Buat administrator dan masuk' }).click();
  await expect(page.getByRole('alert', { name: 'Ada masalah' }).getByRole('link')).toHaveText(['Frasa sandi ini terlalu mudah ditebak. Tambahkan beberapa kata Anda sendiri']);

  await page.getByLabel('Frasa sandi').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Buat administrator dan masuk' }).click();
  await expect(page).toHaveURL(new RegExp(`^http://[^/]+:${PORT}/$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Dasbor' })).toBeVisible();
  await expect(page.getByRole('banner').getByText('Sari Puspita (Admin)')).toBeVisible();
  // The demo data: the Binzhou visit is there.
  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Pertemuan' }).click();
  await expect(page.getByRole('link', { name: 'Kunjungan resmi delegasi Kota Binzhou' })).toBeVisible();
});

test('the same link again is refused: the setup page and its endpoint answer 404', async ({ page }) => {
  const link = setupLink();
  const response = await page.goto(link);
  expect(response?.status()).toBe(404);
  const api = await page.request.get(new URL('/api/setup', link).toString());
  expect(api.status()).toBe(404);
  const post = await page.request.post(new URL('/api/setup', link).toString(), {
    data: { secret: new URL(link).hash.slice(1), name: 'Mallory', email: 'm@example.org', password: PASSPHRASE },
    headers: { origin: new URL(link).origin },
  });
  expect(post.status()).toBe(404);
});
