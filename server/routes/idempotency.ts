import type { ApiDeps } from '../context';
import { claimKey, forgetKey, storeAnswer, type StoredAnswer } from '../db/idempotency';
import { json, readJson } from '../http';
import { problems } from '../problem';
import type { Tx, WriteContext } from '../store';
import { rescopedReplay } from './scope';

const KEY = /^[\w.:-]{8,200}$/;

/** An answer a create gives: stored under its Idempotency-Key with the data it reports. */
export type Answer = { status: number; body: unknown; headers: Record<string, string> };

export const answer = (body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Answer => ({
  status: init.status ?? 200,
  body,
  headers: { 'content-type': 'application/json; charset=utf-8', ...init.headers },
});

/** Runs a create's transaction: with a key, the key is claimed first and the answer stored with the data. */
export type Write = (context: WriteContext, work: (tx: Tx) => Promise<Answer>) => Promise<Response>;

const toResponse = (a: Answer, replayed = false) =>
  new Response(JSON.stringify(a.body), { status: a.status, headers: { ...a.headers, ...(replayed ? { 'idempotent-replayed': 'true' } : {}) } });

/** Thrown inside the transaction to leave it (nothing written) with a stored answer. */
class Replay {
  constructor(readonly answer: StoredAnswer) {}
}

/**
 * Runs a create at most once per Idempotency-Key: a retry or a double click with the same key and
 * body gets the first answer again (marked Idempotent-Replayed), never a second resource. The key
 * is a unique row claimed in the create's own transaction (server/db/idempotency.ts), so this
 * holds across processes: ten parallel POSTs with one key make one resource.
 */
export async function withIdempotency(
  deps: ApiDeps,
  request: Request,
  create: (body: unknown, write: Write) => Promise<Response>,
): Promise<Response> {
  // Who asks comes first: a key replays only the same user's request, never someone else's.
  const actor = await deps.actor(request);
  const key = request.headers.get('idempotency-key');
  const { value, text } = await readJson(request);
  if (key !== null && !KEY.test(key)) {
    throw problems.validation([
      { path: 'Idempotency-Key', code: 'invalidFormat', message: 'This value is not in the expected format.' },
    ]);
  }
  const scope = key === null ? undefined : `${actor.id} ${new URL(request.url).pathname} ${key}`;
  const write: Write = async (context, work) => {
    try {
      const result = await deps.store.transaction(async (tx) => {
        if (scope) {
          const claim = await claimKey(tx.db, scope, text, deps.now().toISOString());
          if (claim.outcome === 'replay') throw new Replay(claim.answer);
          if (claim.outcome === 'mismatch') throw problems.idempotencyMismatch();
          if (claim.outcome === 'pending') throw problems.idempotencyPending();
        }
        const given = await work(tx);
        if (scope && given.status < 300) await storeAnswer(tx.db, scope, given);
        return given;
      }, context);
      return toResponse(result);
    } catch (error) {
      // Scoped again: the user may have left the government of what the answer reports.
      if (error instanceof Replay) return toResponse(await rescopedReplay(deps, request, error.answer), true);
      throw error;
    }
  };
  return create(value, write);
}

/**
 * For writes made of several transactions (bulk changes): the key is claimed in a transaction of
 * its own, the work runs, and its answer is stored afterwards. A request with the same key
 * meanwhile gets 409 (in progress, retry); if the work fails, the claim is given back.
 */
export async function withIdempotentBatch(
  deps: ApiDeps,
  request: Request,
  run: (body: unknown) => Promise<Answer>,
): Promise<Response> {
  const actor = await deps.actor(request);
  const key = request.headers.get('idempotency-key');
  const { value, text } = await readJson(request);
  if (key === null) return toResponse(await run(value));
  if (!KEY.test(key)) {
    throw problems.validation([
      { path: 'Idempotency-Key', code: 'invalidFormat', message: 'This value is not in the expected format.' },
    ]);
  }
  const scope = `${actor.id} ${new URL(request.url).pathname} ${key}`;
  const claim = await deps.store.transaction((tx) => claimKey(tx.db, scope, text, deps.now().toISOString()), { actorId: actor.id });
  if (claim.outcome === 'replay') return toResponse(await rescopedReplay(deps, request, claim.answer), true);
  if (claim.outcome === 'mismatch') throw problems.idempotencyMismatch();
  if (claim.outcome === 'pending') throw problems.idempotencyPending();
  let given: Answer;
  try {
    given = await run(value);
  } catch (error) {
    await deps.store.transaction((tx) => forgetKey(tx.db, scope), { actorId: actor.id });
    throw error;
  }
  await deps.store.transaction((tx) => (given.status < 300 ? storeAnswer(tx.db, scope, given) : forgetKey(tx.db, scope)), { actorId: actor.id });
  return toResponse(given);
}

export { json };
