import { request as httpRequest } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDS } from '../../mocks/demo-data';
import { createApi } from '../../server/app';
import { MAX_BODY_BYTES } from '../../server/http';
import { clientAddress, createNodeApp } from '../../server/node/app';
import { openMitraDatabase } from '../../server/db/open';
import { demoSnapshot } from '../../server/seed/demo-data';

let dist: string;
let app: ReturnType<typeof createNodeApp>;
let server: ServerType;
let port: number;
let closeDb: () => Promise<void>;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'mitra-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Mitra</title><script type="module" src="/assets/index-abc123.js"></script>');
  writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log("app")');
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  const database = await openMitraDatabase({ sqlitePath: ':memory:', seed: demoSnapshot });
  closeDb = () => database.close();
  app = createNodeApp({ api: createApi({ database }), distDir: dist, trustProxy: true });
  await new Promise<void>((ready) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
      port = info.port;
      ready();
    });
  });
});
afterAll(async () => {
  await new Promise((done) => server.close(done));
  await closeDb();
  rmSync(dist, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers: { 'x-mitra-user': IDS.staff, ...headers } });

function expectSecurityHeaders(response: Response): void {
  const csp = response.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
}

describe('the Node server', () => {
  it('serves the SPA for / and for client routes, never cached, with the security headers', async () => {
    for (const path of ['/', '/follow-ups', `/meetings/${IDS.visit}`, '/partners/x/y']) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toContain('<title>Mitra</title>');
      expectSecurityHeaders(response);
    }
  });

  it('serves hashed assets for a year, other files for an hour, a missing file as 404', async () => {
    const asset = await get('/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expectSecurityHeaders(asset);
    expect((await get('/favicon.svg')).headers.get('cache-control')).toBe('public, max-age=3600');
    const missing = await get('/assets/gone-123.js');
    expect(missing.status).toBe(404);
    expectSecurityHeaders(missing);
    expect((await get('/../package.json')).status).not.toBe(200);
  });

  it('hands /api/* to the API, with the security headers', async () => {
    const response = await get('/api/sectors');
    expect(response.status).toBe(200);
    expect(((await response.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);
    expectSecurityHeaders(response);
    const unknown = await get('/api/nothing-here');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toBe('application/problem+json');
  });

  it('compresses API answers of 1 KiB or more, and sends smaller ones (problems, refusals) as they are', async () => {
    const big = await get('/api/follow-ups?limit=100', { 'accept-encoding': 'gzip' });
    expect(big.status).toBe(200);
    expect(big.headers.get('content-encoding')).toBe('gzip');
    const small = await get('/api/nothing-here', { 'accept-encoding': 'gzip' });
    expect(small.status).toBe(404);
    expect(small.headers.get('content-encoding')).toBeNull();
    const body = await small.arrayBuffer();
    expect(small.headers.get('content-length')).toBe(String(body.byteLength));
    expect(body.byteLength).toBeLessThan(1024);
  });

  it('sends HSTS only for HTTPS (here: a trusted proxy says so)', async () => {
    expect((await get('/')).headers.get('strict-transport-security')).toBeNull();
    expect((await get('/', { 'x-forwarded-proto': 'https' })).headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    const untrusting = createNodeApp({ api: { fetch: () => new Response('{}') }, distDir: dist });
    expect((await untrusting.request('/', { headers: { 'x-forwarded-proto': 'https' } })).headers.get('strict-transport-security')).toBeNull();
  });

  it('answers a failure without a stack trace, API or not', async () => {
    const broken = createNodeApp({
      api: {
        fetch: () => {
          throw new Error('secret detail at Object.<anonymous> (/srv/x.ts:1:1)');
        },
      },
      distDir: dist,
    });
    const response = await broken.request('/api/sectors');
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const text = await response.text();
    expect(text).not.toMatch(/secret|\.ts:|at Object/);
    expectSecurityHeaders(response);
  });

  it('refuses a body over the limit by its Content-Length, before reading it', async () => {
    const response = await send({ 'content-length': String(MAX_BODY_BYTES + 1) }, 'x'.repeat(10));
    expect(response.status).toBe(413);
    expect(response.type).toBe('application/problem+json');
  });

  it("tells the API the client's address (the socket's, or a trusted proxy's X-Forwarded-For)", async () => {
    const seen: string[] = [];
    const recorder = { fetch: (request: Request) => (seen.push(clientAddress(request)), new Response('{}')) };
    for (const trustProxy of [false, true]) {
      let node: ServerType | undefined;
      const nodePort = await new Promise<number>((ready) => {
        node = serve({ fetch: createNodeApp({ api: recorder, distDir: dist, trustProxy }).fetch, port: 0, hostname: '127.0.0.1' }, (info) => ready(info.port));
      });
      await (await fetch(`http://127.0.0.1:${nodePort}/api/x`, { headers: { 'x-forwarded-for': '203.0.113.9, 198.51.100.7' } })).text();
      (node as unknown as { closeAllConnections(): void }).closeAllConnections();
      await new Promise((done) => node!.close(done));
    }
    expect(seen).toEqual(['127.0.0.1', '198.51.100.7']);
  });

  it('cuts off a chunked body at the limit as it streams', async () => {
    const response = await send({ 'transfer-encoding': 'chunked' }, 'x'.repeat(MAX_BODY_BYTES + 10_000));
    expect(response.status).toBe(413);
    expect(response.type).toBe('application/problem+json');
    // A chunked body under the limit still gets through to the API (which then validates it).
    const small = await send({ 'transfer-encoding': 'chunked' }, JSON.stringify({ name: '' }));
    expect(small.status).toBe(400);
  });
});

/** A raw HTTP POST to /api/organizations, headers as given. */
function send(headers: Record<string, string>, body: string): Promise<{ status: number; type: string | undefined }> {
  return new Promise((done, fail) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        agent: false, // a fresh connection each: a refused body leaves its connection unusable
        method: 'POST',
        path: '/api/organizations',
        headers: { 'content-type': 'application/json', 'x-mitra-user': IDS.admin, ...headers },
      },
      (res) => {
        res.resume();
        res.on('end', () => done({ status: res.statusCode ?? 0, type: res.headers['content-type'] }));
      },
    );
    req.on('error', (error) => {
      // The server may answer 413 and close before the whole body is sent.
      if ((error as NodeJS.ErrnoException).code === 'EPIPE' || (error as NodeJS.ErrnoException).code === 'ECONNRESET') return;
      fail(error);
    });
    if (headers['content-length']) req.end(body.slice(0, 10));
    else {
      for (let i = 0; i < body.length; i += 64_000) req.write(body.slice(i, i + 64_000));
      req.end();
    }
  });
}
