import type { Hono } from 'hono';
import type { FollowUp } from '../../src/domain/follow-up';
import { followUpBulkChange, type BulkFailure } from '../../src/domain/schemas';
import type { ApiDeps } from '../context';
import { parseWith } from '../http';
import { PROBLEM_TYPES, problems, ProblemError, type Problem } from '../problem';
import { checkChangeRefs, commitFollowUpChange, FOLLOW_UP_WRITES } from './follow-up-change';
import { answer, withIdempotentBatch } from './idempotency';
import { outsideScope } from '../db/scope';

const INTERNAL: Problem = {
  type: PROBLEM_TYPES.internal,
  title: 'Something went wrong on our side. This item was not changed.',
  status: 500,
};

/**
 * POST /follow-ups/bulk: one change (status, owner, due date, with a comment) applied to many
 * follow-ups. Each item is applied on its own, in its own transaction, exactly as PATCH would
 * apply it (same rules, same history): the ones that fail (404 unknown, 412 stale, 400 rules)
 * are reported with their problem and left untouched, the others are saved.
 *
 * The answer is 200 `{ updated, failed }` even when every item failed; a 4xx means the request
 * itself was refused (no user, malformed or invalid body) and nothing was changed.
 */
export function registerBulk(app: Hono, deps: ApiDeps): void {
  // Each item is checked as PATCH checks it; an item the user may not change fails with 403.
  deps.rules.declare('POST', '/follow-ups/bulk', { anyOf: FOLLOW_UP_WRITES });
  app.post('/follow-ups/bulk', async (c) => {
    const actor = await deps.actor(c.req.raw);
    return withIdempotentBatch(deps, c.req.raw, async (body) => {
      const { items, changes } = parseWith(followUpBulkChange, body);
      const updated: FollowUp[] = [];
      const failed: BulkFailure[] = [];
      // One change, the same references for every item: checked once (a name that is not there
      // fails every item with the 400 PATCH would give it, before anything else about the item).
      const refsProblem = await checkChangeRefs(deps.store, changes).then(
        () => undefined,
        (error: unknown) => error,
      );
      const scope = await deps.scope(c.req.raw);
      for (const { id, version } of items) {
        try {
          if (refsProblem !== undefined) throw refsProblem;
          // Another home government's follow-up fails as an unknown one (server/db/scope.ts).
          if (await outsideScope(deps.store.db, scope, 'followUp', id)) throw problems.notFound('Follow-up');
          const item = await commitFollowUpChange(
            deps,
            actor,
            id,
            (current) => {
              if (current.version !== version) throw problems.stale(current);
            },
            changes,
          );
          updated.push(item);
        } catch (error) {
          // An unexpected error fails this item only: items saved before it stay saved (each is
          // its own write), so a 500 for the whole request would wrongly say nothing changed.
          if (!(error instanceof ProblemError))
            console.error('[api] bulk change failed for', id, error);
          const { status, type, title, errors, current } =
            error instanceof ProblemError ? error.problem : INTERNAL;
          failed.push({
            id,
            status,
            type,
            title,
            ...(errors ? { errors } : {}),
            ...(current !== undefined ? { current: current as FollowUp } : {}),
          });
        }
      }
      return answer({ updated, failed });
    });
  });
}
