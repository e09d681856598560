/**
 * The built SPA as the Node server sends it (the build makes it so: scripts/vite-first-load.ts).
 *
 * - Files are sent as the build wrote them: the brotli (`.br`) or gzip (`.gz`) copy when the
 *   request's Accept-Encoding takes it (by q-value; brotli first), with Content-Encoding,
 *   `Vary: Accept-Encoding`, the type of the original file, an ETag (304 on If-None-Match).
 *   Nothing is compressed per request.
 * - Cache: hashed files under assets/ for a year (immutable); other files an hour.
 * - Never sent: source maps, the compressed copies by their own names, hidden folders (.vite/).
 * - A page (/, /follow-ups/fu-1, …) is index.html with `<link rel="modulepreload">`s for what
 *   that page loads before it paints — its route's chunks and its strings in the reader's
 *   language (the `mitra.lang` cookie the SPA keeps; Bahasa Indonesia without one) — so they
 *   load beside the entry, not after it. Never cached without revalidation (`no-cache` + ETag).
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync, type Stats } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { getMimeType } from 'hono/utils/mime';
import { preloadFiles, type Preloads } from './preloads';

/** Vite puts a content hash in every file name under assets/: they never change. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
const OTHER_FILES = 'public, max-age=3600';
/** The SPA's language preference, mirrored by the client (src/stores/preferences.ts). */
export const LANGUAGE_COOKIE = 'mitra.lang';

type Encoding = 'br' | 'gzip';
const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' };

/**
 * The encoding to send of those available, by the client's Accept-Encoding (RFC 9110 §12.5.3):
 * the highest q-value wins, brotli before gzip on a tie; none (identity) when neither is taken.
 */
export function chooseEncoding(
  acceptEncoding: string | undefined,
  available: readonly Encoding[],
): Encoding | undefined {
  const q = new Map<string, number>();
  for (const item of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = item.trim().toLowerCase().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  let best: Encoding | undefined;
  let bestQ = 0;
  for (const encoding of available) {
    const value = q.get(encoding) ?? q.get('*') ?? 0;
    if (value > bestQ) {
      best = encoding;
      bestQ = value;
    }
  }
  return best;
}

function stat(path: string): Stats | undefined {
  try {
    const s = statSync(path);
    return s.isFile() ? s : undefined;
  } catch {
    return undefined;
  }
}

/** Sends 304 when the request already holds this ETag. */
function notModified(c: Context, etag: string): boolean {
  const header = c.req.header('if-none-match');
  if (!header) return false;
  return header === '*' || header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

export type StaticFiles = {
  /** A file of dist/ (not index.html's pages): the response, or undefined when there is none to send. */
  file(c: Context): Promise<Response | undefined>;
  /** The SPA page for the request's path: undefined when the app is not built. */
  page(c: Context): Response | undefined;
};

export function createStaticFiles(distDir: string): StaticFiles {
  const root = resolve(distDir);
  const assetsDir = join(root, 'assets') + sep;

  async function file(c: Context): Promise<Response | undefined> {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return undefined;
    let path: string;
    try {
      path = decodeURIComponent(c.req.path);
    } catch {
      return undefined;
    }
    const segments = path.split('/').slice(1);
    // No hidden files or folders (.vite/manifest.json), no climbing out, no odd separators.
    if (
      path.includes('\\') ||
      path.includes('\0') ||
      segments.some((s) => s === '' || s.startsWith('.'))
    )
      return undefined;
    // Source maps and the compressed copies are not files of the site.
    if (/\.(?:map|br|gz)$/i.test(path)) return undefined;
    const full = resolve(root, ...segments);
    if (!full.startsWith(root + sep) || full === join(root, 'index.html')) return undefined;
    const original = stat(full);
    if (!original) return undefined;

    const variants = (Object.keys(SUFFIX) as Encoding[]).filter((e) => stat(full + SUFFIX[e]));
    const encoding = chooseEncoding(c.req.header('accept-encoding'), variants);
    const sent = encoding ? full + SUFFIX[encoding] : full;
    const sentStat = encoding ? stat(sent)! : original;
    const etag = `"${original.size.toString(36)}-${Math.trunc(original.mtimeMs).toString(36)}${encoding ? `-${encoding}` : ''}"`;
    const headers: Record<string, string> = {
      'content-type': getMimeType(full) ?? 'application/octet-stream',
      'cache-control': full.startsWith(assetsDir) ? IMMUTABLE : OTHER_FILES,
      etag,
      'last-modified': original.mtime.toUTCString(),
    };
    if (variants.length > 0) headers.vary = 'Accept-Encoding';
    if (encoding) headers['content-encoding'] = encoding;
    if (notModified(c, etag)) return new Response(null, { status: 304, headers });
    headers['content-length'] = String(sentStat.size);
    return new Response(c.req.method === 'HEAD' ? null : new Uint8Array(await readFile(sent)), {
      status: 200,
      headers,
    });
  }

  type Rendered = { raw: Buffer; br: Buffer; gzip: Buffer; etag: string };
  let source: { key: string; html: string; preloads: Preloads | undefined } | undefined;
  const rendered = new Map<string, Rendered>();

  /** index.html and preloads.json, read again when either changes (a new build). */
  function load(): typeof source {
    const indexPath = join(root, 'index.html');
    const preloadsPath = join(root, '.vite', 'preloads.json');
    const index = stat(indexPath);
    if (!index) return undefined;
    const preloadStat = stat(preloadsPath);
    const key = `${index.mtimeMs}:${index.size}:${preloadStat?.mtimeMs}:${preloadStat?.size}`;
    if (source?.key !== key) {
      rendered.clear();
      source = {
        key,
        html: readFileSync(indexPath, 'utf8'),
        preloads: preloadStat
          ? (JSON.parse(readFileSync(preloadsPath, 'utf8')) as Preloads)
          : undefined,
      };
    }
    return source;
  }

  function render(
    html: string,
    preloads: Preloads | undefined,
    path: string,
    locale: string,
  ): Rendered {
    let out = html;
    if (preloads) {
      const links = preloadFiles(preloads, path, locale)
        .map((f) => `    <link rel="modulepreload" crossorigin href="/${f}" data-first-load>\n`)
        .join('');
      // The build's links are those of / in the default language: this page's replace them.
      out = out
        .replace(/[ \t]*<link [^>]*data-first-load[^>]*>\r?\n?/g, '')
        .replace(/[ \t]*<\/head>/, `${links}  </head>`);
    }
    const raw = Buffer.from(out);
    return {
      raw,
      br: brotliCompressSync(raw, {
        params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
      }),
      gzip: gzipSync(raw, { level: constants.Z_BEST_COMPRESSION }),
      etag: `"${createHash('sha256').update(raw).digest('base64url').slice(0, 22)}"`,
    };
  }

  function page(c: Context): Response | undefined {
    const loaded = load();
    if (!loaded) return undefined;
    const { html, preloads } = loaded;
    const wanted = getCookie(c, LANGUAGE_COOKIE);
    const locale =
      preloads && wanted && wanted in preloads.locales ? wanted : (preloads?.defaultLocale ?? '');
    // Pages that preload the same files share one rendering (a detail page's id does not matter).
    const files = preloads ? preloadFiles(preloads, c.req.path, locale) : [];
    const key = files.join(' ');
    let variant = rendered.get(key);
    if (!variant) {
      variant = render(html, preloads, c.req.path, locale);
      rendered.set(key, variant);
    }
    const encoding = chooseEncoding(c.req.header('accept-encoding'), ['br', 'gzip']);
    const etag = encoding ? `${variant.etag.slice(0, -1)}-${encoding}"` : variant.etag;
    const headers: Record<string, string> = {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-cache',
      // The links depend on the language cookie.
      vary: 'Accept-Encoding, Cookie',
      etag,
    };
    if (encoding) headers['content-encoding'] = encoding;
    if (notModified(c, etag)) return new Response(null, { status: 304, headers });
    const body = encoding ? variant[encoding] : variant.raw;
    headers['content-length'] = String(body.length);
    return new Response(c.req.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers,
    });
  }

  return { file, page };
}
