import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeApp } from '../../server/node/app';
import type { Preloads } from '../../server/node/preloads';
import { chooseEncoding } from '../../server/node/static';

/**
 * The SPA's files as the Node server sends them, over a dist/ laid out as the build lays it out
 * (scripts/vite-first-load.ts): .br and .gz copies beside the files, .vite/preloads.json.
 */
let dist: string;
let app: ReturnType<typeof createNodeApp>;
const SCRIPT = `console.log(${JSON.stringify('Mitra '.repeat(200))});\n`;
const INDEX = [
  '<!doctype html>',
  '<html lang="id">',
  '  <head>',
  '    <title>Mitra</title>',
  '    <script type="module" crossorigin src="/assets/index-abc123.js"></script>',
  '    <link rel="modulepreload" crossorigin href="/assets/id-1.js" data-first-load>',
  '    <link rel="modulepreload" crossorigin href="/assets/dashboard-1.js" data-first-load>',
  '  </head>',
  '  <body><div id="root"></div></body>',
  '</html>',
  '',
].join('\n');
const PRELOADS: Preloads = {
  pages: [
    { path: '/', files: ['assets/dashboard-1.js'], parts: [] },
    {
      path: '/follow-ups',
      files: ['assets/follow-ups-1.js', 'assets/table-1.js'],
      parts: ['lists'],
    },
    { path: '/meetings/new', files: ['assets/log-visit-1.js'], parts: ['forms'] },
    { path: '/meetings/:id', files: ['assets/meeting-1.js'], parts: [] },
    { path: '/sign-in', files: ['assets/sign-in-1.js'], parts: ['admin'], outsideShell: true },
  ],
  shell: { files: ['assets/shell-1.js'], parts: ['admin'] },
  locales: {
    id: {
      core: 'assets/id-1.js',
      lists: 'assets/lists.id-1.js',
      forms: 'assets/forms.id-1.js',
      admin: 'assets/admin.id-1.js',
    },
    en: {
      core: 'assets/en-1.js',
      lists: 'assets/lists.en-1.js',
      forms: 'assets/forms.en-1.js',
      admin: 'assets/admin.en-1.js',
    },
  },
  defaultLocale: 'id',
};

beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), 'mitra-static-'));
  mkdirSync(join(dist, 'assets'));
  mkdirSync(join(dist, '.vite'));
  writeFileSync(join(dist, 'index.html'), INDEX);
  writeFileSync(join(dist, '.vite', 'preloads.json'), JSON.stringify(PRELOADS));
  writeFileSync(join(dist, '.vite', 'manifest.json'), '{}');
  const script = join(dist, 'assets', 'index-abc123.js');
  writeFileSync(script, SCRIPT);
  writeFileSync(`${script}.br`, brotliCompressSync(SCRIPT));
  writeFileSync(`${script}.gz`, gzipSync(SCRIPT));
  writeFileSync(`${script}.map`, '{"version":3}');
  writeFileSync(join(dist, 'assets', 'tiny-1.js'), 'x'); // too small to compress: no copies
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  app = createNodeApp({ api: { fetch: () => new Response('{}') }, distDir: dist });
});
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });
const bytes = async (response: Response) => Buffer.from(await response.arrayBuffer());
const preloadsOf = (html: string) =>
  [...html.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)" data-first-load>/g)].map(
    (m) => m[1],
  );

describe('chooseEncoding', () => {
  it('takes the highest q-value the client accepts, brotli first on a tie, identity when none', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd', ['br', 'gzip'])).toBe('br');
    expect(chooseEncoding('gzip, deflate', ['br', 'gzip'])).toBe('gzip');
    expect(chooseEncoding('br;q=0.5, gzip;q=0.8', ['br', 'gzip'])).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip', ['br', 'gzip'])).toBe('gzip');
    expect(chooseEncoding('*', ['br', 'gzip'])).toBe('br');
    expect(chooseEncoding('identity', ['br', 'gzip'])).toBeUndefined();
    expect(chooseEncoding(undefined, ['br', 'gzip'])).toBeUndefined();
    expect(chooseEncoding('br', ['gzip'])).toBeUndefined();
  });
});

describe('the precompressed assets', () => {
  it.each([
    ['br', 'br', brotliDecompressSync],
    ['gzip, deflate', 'gzip', gunzipSync],
    ['gzip, deflate, br, zstd', 'br', brotliDecompressSync],
  ] as const)(
    'Accept-Encoding %s gets the %s copy, which decompresses to the file',
    async (accept, encoding, decompress) => {
      const response = await get('/assets/index-abc123.js', { 'accept-encoding': accept });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-encoding')).toBe(encoding);
      expect(response.headers.get('vary')).toBe('Accept-Encoding');
      expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const body = await bytes(response);
      expect(Number(response.headers.get('content-length'))).toBe(body.length);
      expect(body.length).toBeLessThan(SCRIPT.length);
      expect(decompress(body).toString()).toBe(SCRIPT);
    },
  );

  it('sends the file itself to a client that takes no compression, still saying it varies', async () => {
    const response = await get('/assets/index-abc123.js', { 'accept-encoding': 'identity' });
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
    expect((await bytes(response)).toString()).toBe(SCRIPT);
    // A file without compressed copies is sent as it is, and its answer does not vary.
    const tiny = await get('/assets/tiny-1.js', { 'accept-encoding': 'br' });
    expect(tiny.headers.get('content-encoding')).toBeNull();
    expect(tiny.headers.get('vary')).toBeNull();
    expect(await tiny.text()).toBe('x');
  });

  it('answers 304 to a request that holds the ETag of the same encoding', async () => {
    const first = await get('/assets/index-abc123.js', { 'accept-encoding': 'br' });
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    const again = await get('/assets/index-abc123.js', {
      'accept-encoding': 'br',
      'if-none-match': etag,
    });
    expect(again.status).toBe(304);
    expect(again.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await again.text()).toBe('');
    // The gzip copy is another representation: another ETag.
    const gzip = await get('/assets/index-abc123.js', {
      'accept-encoding': 'gzip',
      'if-none-match': etag,
    });
    expect(gzip.status).toBe(200);
    expect(gzip.headers.get('etag')).not.toBe(etag);
  });

  it('answers HEAD with the headers and no body', async () => {
    const response = await app.request('/assets/index-abc123.js', {
      method: 'HEAD',
      headers: { 'accept-encoding': 'br' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(await response.text()).toBe('');
  });

  it('never sends a source map, a compressed copy by its own name or a hidden folder', async () => {
    for (const path of [
      '/assets/index-abc123.js.map',
      '/assets/index-abc123.js.br',
      '/assets/index-abc123.js.gz',
      '/.vite/manifest.json',
      '/.vite/preloads.json',
      '/assets/%2e%2e/index.html',
    ]) {
      const response = await get(path, { 'accept-encoding': 'br, gzip' });
      expect(response.status, path).toBe(404);
    }
  });

  it('caches files outside assets/ for an hour', async () => {
    const response = await get('/favicon.svg');
    expect(response.headers.get('cache-control')).toBe('public, max-age=3600');
    expect(response.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
  });
});

describe('the pages', () => {
  it('are index.html, compressed, revalidated on every use (no-cache with an ETag, 304 when unchanged)', async () => {
    for (const [accept, decompress] of [
      ['br', brotliDecompressSync],
      ['gzip', gunzipSync],
    ] as const) {
      const response = await get('/', { 'accept-encoding': accept });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-encoding')).toBe(accept);
      expect(response.headers.get('vary')).toBe('Accept-Encoding, Cookie');
      const html = decompress(await bytes(response)).toString();
      expect(html).toContain('<title>Mitra</title>');
      const etag = response.headers.get('etag')!;
      const again = await get('/', { 'accept-encoding': accept, 'if-none-match': etag });
      expect(again.status).toBe(304);
      expect(again.headers.get('cache-control')).toBe('no-cache');
    }
    // /index.html by name is the same page, not a file with a year of cache.
    expect((await get('/index.html')).status).toBe(404);
  });

  it("preload the page's route chunks and strings in the default language", async () => {
    const html = await (await get('/follow-ups')).text();
    expect(preloadsOf(html)).toEqual([
      '/assets/id-1.js',
      '/assets/follow-ups-1.js',
      '/assets/table-1.js',
      '/assets/shell-1.js',
      '/assets/lists.id-1.js',
      '/assets/admin.id-1.js',
    ]);
    // The build's links for / are replaced, not kept beside the page's own.
    expect(html).not.toContain('dashboard-1.js');
    expect(html.indexOf('data-first-load')).toBeGreaterThan(html.indexOf('index-abc123.js'));
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(preloadsOf(await (await get('/')).text())).toEqual([
      '/assets/id-1.js',
      '/assets/dashboard-1.js',
      '/assets/shell-1.js',
      '/assets/admin.id-1.js',
    ]);
  });

  it('matches detail pages by pattern, static segments first, and leaves the shell out of sign-in', async () => {
    expect(preloadsOf(await (await get('/meetings/mtg-1')).text())).toContain(
      '/assets/meeting-1.js',
    );
    const form = preloadsOf(await (await get('/meetings/new')).text());
    expect(form).toContain('/assets/log-visit-1.js');
    expect(form).not.toContain('/assets/meeting-1.js');
    expect(preloadsOf(await (await get('/sign-in')).text())).toEqual([
      '/assets/id-1.js',
      '/assets/sign-in-1.js',
      '/assets/admin.id-1.js',
    ]);
    // A page no route knows gets the strings and the shell.
    expect(preloadsOf(await (await get('/no/such/page')).text())).toEqual([
      '/assets/id-1.js',
      '/assets/shell-1.js',
      '/assets/admin.id-1.js',
    ]);
  });

  it('preload the language of the mitra.lang cookie, and the default one for an unknown value', async () => {
    const en = preloadsOf(
      await (await get('/follow-ups', { cookie: 'mitra.session=x; mitra.lang=en' })).text(),
    );
    expect(en).toEqual([
      '/assets/en-1.js',
      '/assets/follow-ups-1.js',
      '/assets/table-1.js',
      '/assets/shell-1.js',
      '/assets/lists.en-1.js',
      '/assets/admin.en-1.js',
    ]);
    const odd = preloadsOf(await (await get('/follow-ups', { cookie: 'mitra.lang=xx' })).text());
    expect(odd[0]).toBe('/assets/id-1.js');
    // Two languages, two different pages: different ETags.
    const [a, b] = await Promise.all([get('/', { cookie: 'mitra.lang=en' }), get('/')]);
    expect(a.headers.get('etag')).not.toBe(b.headers.get('etag'));
  });
});
