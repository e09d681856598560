import { Hono } from 'hono';
import { registerAuth } from './auth/routes';
import { enforceRules } from './auth/rules';
import { API_BASE, createDeps, type ApiOptions } from './context';
import { classifyDbError } from './db/dialect';
import { databaseProblem, PROBLEM_TYPES, problemResponse, ProblemError, RETRY_AFTER_SECONDS } from './problem';
import { registerAudit } from './routes/audit';
import { registerBulk } from './routes/bulk';
import { registerExports } from './routes/exports';
import { registerRecordExports } from './routes/record-exports';
import { registerFollowUps } from './routes/follow-ups';
import { registerImports } from './routes/imports';
import { registerMeetings } from './routes/meetings';
import { registerPartnerships } from './routes/partnerships';
import { registerReference } from './routes/reference';
import { registerScopeGuard } from './routes/scope';
import { registerSearch } from './routes/search';
import { registerStats } from './routes/stats';
import { registerTimeline } from './routes/timeline';

export type { ApiOptions } from './context';

/**
 * The whole Mitra API as one web-standard fetch handler: `app.fetch(request) → response`.
 * MSW hands it requests in the browser and in tests; a Node server will hand it real ones.
 */
export function createApi(options: ApiOptions): Hono {
  const deps = createDeps(options);
  const app = new Hono().basePath(API_BASE);

  app.onError((error) => {
    if (error instanceof ProblemError) return problemResponse(error.problem);
    const failure = classifyDbError(error);
    if (failure) {
      console.warn('[api] database', failure, error instanceof Error ? error.message : error);
      const problem = databaseProblem(failure);
      return problemResponse(problem, problem.status === 503 ? { 'retry-after': String(RETRY_AFTER_SECONDS) } : {});
    }
    // Never leak a stack trace; the message stays on the server side.
    console.error('[api] unexpected error', error);
    return problemResponse({
      type: PROBLEM_TYPES.internal,
      title: 'Something went wrong on our side. Nothing was changed.',
      status: 500,
    });
  });
  app.notFound(() =>
    problemResponse({ type: PROBLEM_TYPES.notFound, title: 'There is no such API endpoint.', status: 404 }),
  );

  // API answers carry names, e-mail addresses and exports: no cache (browser or proxy) keeps them.
  app.use('*', async (c, next) => {
    await next();
    if (!c.res.headers.has('cache-control')) c.res.headers.set('cache-control', 'no-store');
  });

  // No id holds U+0000 (PostgreSQL cannot store one): a path with one names nothing, on either
  // engine, before any handler asks the database for it.
  app.use('*', async (c, next) => {
    if (new URL(c.req.url).pathname.includes('%00')) {
      return problemResponse({ type: PROBLEM_TYPES.notFound, title: 'There is no such API endpoint.', status: 404 });
    }
    return next();
  });

  // Deny by default: before any handler, a write must hit a route that declared its rule and
  // the actor must satisfy it (server/auth/rules.ts). With sign-in on, the Origin is checked
  // first (CSRF) and every read needs a signed-in user too.
  app.use('*', async (c, next) => {
    if (deps.auth) deps.auth.checkOrigin(c.req.raw);
    return next();
  });
  app.use('*', enforceRules({ rules: deps.rules, actor: deps.actor, readsNeedUser: deps.auth !== undefined }));

  // Another home government's record answers 404, read or write (server/routes/scope.ts).
  registerScopeGuard(app, deps);

  registerAuth(app, deps);
  // Before the resources: /people/export.csv must not be taken for /people/:id.
  registerRecordExports(app, deps);
  registerReference(app, deps);
  registerTimeline(app, deps);
  registerPartnerships(app, deps);
  registerMeetings(app, deps);
  // Before the follow-ups: /follow-ups/export.csv must not be taken for /follow-ups/:id.
  registerExports(app, deps);
  registerBulk(app, deps);
  registerFollowUps(app, deps);
  registerStats(app, deps);
  registerSearch(app, deps);
  registerAudit(app, deps);
  registerImports(app, deps);
  return app;
}
