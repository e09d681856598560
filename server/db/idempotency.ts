import { sql, type Kysely } from 'kysely';
import type { DB } from './schema';

/**
 * Idempotency keys as unique rows. A create claims its key as the first statement of its own
 * transaction (INSERT … ON CONFLICT DO NOTHING) and stores its answer in the same transaction:
 * - the first request inserts the row and goes on; its answer and its data commit together, so a
 *   crash keeps neither and a retry creates once;
 * - a second request with the same key at the same moment waits on the first's row lock
 *   (PostgreSQL) or for the write lock (SQLite's BEGIN IMMEDIATE), then finds the committed
 *   answer and replays it; if the first rolled back, the second proceeds as the first.
 * Ten parallel POSTs with one key make one meeting, on either engine, in one process or many.
 */
export type StoredAnswer = { status: number; body: unknown; headers: Record<string, string> };

export type Claim =
  | { outcome: 'claimed' }
  | { outcome: 'replay'; answer: StoredAnswer }
  | { outcome: 'mismatch' }
  /** Claimed by a request that has not finished (bulk changes store their answer afterwards). */
  | { outcome: 'pending' };

export async function claimKey(trx: Kysely<DB>, scope: string, requestHash: string, at: string): Promise<Claim> {
  const inserted = await trx
    .insertInto('idempotency')
    .values({ scope, request_hash: requestHash, status: null, body: null, headers: null, created_at: at })
    .onConflict((oc) => oc.column('scope').doNothing())
    .returning('scope')
    .executeTakeFirst();
  if (inserted) return { outcome: 'claimed' };
  const row = await trx.selectFrom('idempotency').selectAll().where('scope', '=', scope).executeTakeFirstOrThrow();
  if (row.request_hash !== requestHash) return { outcome: 'mismatch' };
  if (row.status === null || row.body === null) return { outcome: 'pending' };
  return {
    outcome: 'replay',
    answer: { status: Number(row.status), body: JSON.parse(row.body) as unknown, headers: JSON.parse(row.headers ?? '{}') as Record<string, string> },
  };
}

/** Stores the answer of a claimed key: call in the transaction that claimed it. */
export async function storeAnswer(trx: Kysely<DB>, scope: string, answer: StoredAnswer): Promise<void> {
  await trx
    .updateTable('idempotency')
    .set({ status: answer.status, body: JSON.stringify(answer.body), headers: JSON.stringify(answer.headers) })
    .where('scope', '=', scope)
    .execute();
}

/** Keys older than this are forgotten: a retry comes within minutes, not weeks. */
export async function forgetKeysBefore(db: Kysely<DB>, before: string): Promise<void> {
  await sql`delete from idempotency where created_at < ${before}`.execute(db);
}

/** Gives a claimed key back (the batch it guarded failed): a retry runs it afresh. */
export async function forgetKey(trx: Kysely<DB>, scope: string): Promise<void> {
  await trx.deleteFrom('idempotency').where('scope', '=', scope).execute();
}
