import type { ApiDeps } from '../context';
import { json, readJson } from '../http';
import { problems } from '../problem';

const KEY = /^[\w.:-]{8,200}$/;

/** Builds a JSON answer like `json` and, under an Idempotency-Key, stores it at once. */
export type Respond = (body: unknown, init?: { status?: number; headers?: Record<string, string> }) => Response;

/**
 * Runs a create at most once per Idempotency-Key: a retry or a double click with the same key and
 * body gets the first answer again (marked Idempotent-Replayed), never a second resource.
 */
export async function withIdempotency(
  deps: ApiDeps,
  request: Request,
  create: (body: unknown, respond: Respond) => Promise<Response> | Response,
): Promise<Response> {
  // Who asks comes first: a key replays only the same user's request, never someone else's.
  const actor = await deps.actor(request);
  const key = request.headers.get('idempotency-key');
  const { value, text } = await readJson(request);
  if (key === null) return create(value, json);
  if (!KEY.test(key)) {
    throw problems.validation([
      { path: 'Idempotency-Key', code: 'invalidFormat', message: 'This value is not in the expected format.' },
    ]);
  }
  const scope = `${actor.id} ${new URL(request.url).pathname} ${key}`;
  const requestHash = text;
  // A double click sends the same request twice at once: the second waits for the first to finish
  // (its answer is only stored after an await), then replays it instead of creating again.
  const pending = inFlightFor(deps.store);
  for (let running = pending.get(scope); running; running = pending.get(scope)) {
    await running.catch(() => undefined);
  }
  const earlier = deps.store.idempotency.get(scope);
  if (earlier) {
    if (earlier.requestHash !== requestHash) throw problems.idempotencyMismatch();
    return new Response(JSON.stringify(earlier.body), {
      status: earlier.status,
      headers: { ...earlier.headers, 'idempotent-replayed': 'true' },
    });
  }
  let recorded = false;
  // Called inside the create's transaction: the answer is stored with the data it reports, so a
  // crash can never keep the one without the other (a retry would otherwise create it twice).
  const respond: Respond = (body, init = {}) => {
    const response = json(body, init);
    if (response.ok) {
      const headers: Record<string, string> = {};
      response.headers.forEach((v, k) => {
        headers[k] = v;
      });
      deps.store.idempotency.put(scope, { requestHash, status: response.status, body, headers });
      recorded = true;
    }
    return response;
  };
  const attempt = (async () => {
    const response = await create(value, respond);
    // Writes made of several transactions (bulk) answer without `respond`: stored afterwards.
    if (response.ok && !recorded) {
      const headers: Record<string, string> = {};
      response.headers.forEach((v, k) => {
        headers[k] = v;
      });
      deps.store.idempotency.put(scope, {
        requestHash,
        status: response.status,
        body: await response.clone().json(),
        headers,
      });
    }
    return response;
  })();
  pending.set(scope, attempt);
  try {
    return await attempt;
  } finally {
    if (pending.get(scope) === attempt) pending.delete(scope);
  }
}

const inFlight = new WeakMap<object, Map<string, Promise<Response>>>();

function inFlightFor(store: object): Map<string, Promise<Response>> {
  let map = inFlight.get(store);
  if (!map) {
    map = new Map();
    inFlight.set(store, map);
  }
  return map;
}
