import type { HttpBindings } from '@hono/node-server';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { MAX_BODY_BYTES } from '../http';
import { authProblems } from '../auth/problems';
import { PROBLEM_TYPES, problemResponse, problems } from '../problem';
import { createLane } from './lane';
import { createStaticFiles } from './static';

type FetchHandler = { fetch(request: Request): Response | Promise<Response> };

export type NodeAppOptions = {
  /** The Mitra API (createApi): it answers every /api/* request. */
  api: FetchHandler;
  /** The built SPA (`vite build` output). */
  distDir: string;
  /** Whether the first-run setup is open: /setup answers 404 once it is not. */
  setupOpen?: () => boolean | Promise<boolean>;
  /**
   * Trust `X-Forwarded-Proto` from a reverse proxy that terminates TLS (only behind one: anyone
   * can send the header). HSTS is sent only for requests that arrived over HTTPS.
   */
  trustProxy?: boolean;
  /** The slow lane for sign-in and setup (./lane): how many go per event-loop turn, how many may wait. */
  lane?: { perTurn?: number; maxWaiting?: number };
};

/**
 * The content security policy. No inline script anywhere (Vite's production index.html has
 * none). Styles: only our stylesheet; React sets `style={…}` props through the CSSOM
 * (element.style), which CSP does not govern, so neither Recharts nor the virtualised tables
 * need 'unsafe-inline' (checked in Chromium: no violation on any page, see the bench script).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * The production web server: /api/* goes to the API (bodies over MAX_BODY_BYTES refused before
 * they are read), everything else is the built SPA, with index.html for client routes. Every
 * response carries the security headers; no response carries a stack trace.
 */
export function createNodeApp({ api, distDir, trustProxy = false, setupOpen = () => false, lane: laneOptions }: NodeAppOptions): Hono {
  const files = createStaticFiles(distDir);
  const app = new Hono();

  app.onError((error, c) => {
    console.error('[server] unexpected error', error);
    return isApi(c)
      ? problemResponse({ type: PROBLEM_TYPES.internal, title: 'Something went wrong on our side. Nothing was changed.', status: 500 })
      : c.text('Internal Server Error', 500);
  });
  app.notFound((c) =>
    isApi(c)
      ? problemResponse({ type: PROBLEM_TYPES.notFound, title: 'There is no such API endpoint.', status: 404 })
      : c.text('Not Found', 404),
  );

  // Behind a reverse proxy that is not trusted, every client has the proxy's address: the
  // sign-in throttle would treat the whole office as one client. Said once, at the first sign.
  let warnedForwarded = false;
  app.use('*', async (c, next) => {
    if (!trustProxy && !warnedForwarded && c.req.header('x-forwarded-for')) {
      warnedForwarded = true;
      console.warn(
        'Requests carry X-Forwarded-For, but MITRA_TRUST_PROXY is not set: every client counts as the proxy\'s address ' +
          '(sign-in throttling, HSTS). Behind your own TLS reverse proxy, start with MITRA_TRUST_PROXY=1.',
      );
    }
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
    if (isHttps(c, trustProxy)) c.res.headers.set('strict-transport-security', HSTS);
  });
  // Sign-in and first-run setup, which anyone can send and which may hash a password, wait in a
  // slow lane (./lane): a burst of them takes turns with signed-in work, not ahead of it.
  const lane = createLane(laneOptions);
  const slowLane: MiddlewareHandler = async (_c, next) => {
    const turn = lane.enter();
    if (!turn) {
      const { problem } = authProblems.busy(1);
      return problemResponse(problem, { 'retry-after': '1' });
    }
    await turn;
    await next();
  };
  app.post('/api/auth/sign-in', slowLane);
  app.post('/api/setup', slowLane);

  // API answers are compressed as they go; the SPA's files were compressed by the build (./static).
  app.use('/api/*', compress());

  // Checks Content-Length first; a chunked body is counted as it streams and cut off at the limit.
  app.use(
    '/api/*',
    bodyLimit({ maxSize: MAX_BODY_BYTES, onError: () => problemResponse(problems.payloadTooLarge(MAX_BODY_BYTES).problem) }),
  );
  const toApi = (c: Context) => {
    addresses.set(c.req.raw, peerAddress(c, trustProxy));
    return api.fetch(c.req.raw);
  };
  app.all('/api/*', toApi);
  app.all('/api', toApi);

  app.on(['GET', 'HEAD'], '*', async (c, next) => (await files.file(c)) ?? next());

  // The first-run page exists only while no administrator can sign in.
  app.get('/setup', async (c, next) => ((await setupOpen()) ? next() : c.notFound()));

  // A client route (/follow-ups/fu-1) gets the SPA; a missing file (/assets/gone.js, a .map) a 404.
  app.on(['GET', 'HEAD'], '*', (c) => {
    if (/\.[a-z0-9]+$/i.test(c.req.path)) return c.notFound();
    return files.page(c) ?? c.text('The app is not built: run `npm run build`.', 503);
  });
  return app;
}

const addresses = new WeakMap<Request, string>();

/**
 * The client's address for a request the Node app handed to the API (a Request alone does not
 * carry it): for sign-in throttling, e.g. `createAuth({ clientIp: clientAddress, … })`.
 */
export function clientAddress(request: Request): string {
  return addresses.get(request) ?? 'unknown';
}

/** The socket's peer; behind a trusted proxy, the address that proxy saw (the last X-Forwarded-For hop). */
function peerAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  return (c.env as Partial<HttpBindings> | undefined)?.incoming?.socket.remoteAddress ?? 'unknown';
}

function isApi(c: Context): boolean {
  return c.req.path === '/api' || c.req.path.startsWith('/api/');
}

function isHttps(c: Context, trustProxy: boolean): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return trustProxy && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}
