import { Hono } from 'hono';
import { createDeps, type ApiOptions } from './context';
import { PROBLEM_TYPES, problemResponse, ProblemError } from './problem';
import { registerAudit } from './routes/audit';
import { registerBulk } from './routes/bulk';
import { registerExports } from './routes/exports';
import { registerFollowUps } from './routes/follow-ups';
import { registerMeetings } from './routes/meetings';
import { registerPartnerships } from './routes/partnerships';
import { registerReference } from './routes/reference';
import { registerSearch } from './routes/search';
import { registerStats } from './routes/stats';

export type { ApiOptions } from './context';

/**
 * The whole Mitra API as one web-standard fetch handler: `app.fetch(request) → response`.
 * MSW hands it requests in the browser and in tests; a Node server will hand it real ones.
 */
export function createApi(options: ApiOptions): Hono {
  const deps = createDeps(options);
  const app = new Hono().basePath('/api');

  app.onError((error) => {
    if (error instanceof ProblemError) return problemResponse(error.problem);
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

  registerReference(app, deps);
  registerPartnerships(app, deps);
  registerMeetings(app, deps);
  // Before the follow-ups: /follow-ups/export.csv must not be taken for /follow-ups/:id.
  registerExports(app, deps);
  registerBulk(app, deps);
  registerFollowUps(app, deps);
  registerStats(app, deps);
  registerSearch(app, deps);
  registerAudit(app, deps);
  return app;
}
