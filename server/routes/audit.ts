import type { Hono } from 'hono';
import { z } from 'zod';
import { AUDITED_ENTITIES, type AuditEntry } from '../../src/domain/audit';
import { isoDate } from '../../src/domain/schemas/common';
import type { ApiDeps } from '../context';
import { json, offsetPagingShape, pageOf, parseWith, searchParamsToObject } from '../http';
import { auditMap, hydrate } from '../db/mappers';
import { addDays } from '../../src/domain/dates';
import { sql } from 'kysely';
import { problems } from '../problem';
import { auditIn, type HomeScope } from '../db/scope';
import { chunkedStream, csvRows, EXPORT_CHUNK_ROWS, toCsv } from './exports';

const historyQuery = z.strictObject({
  entity: z.enum(AUDITED_ENTITIES, { error: 'invalidOption' }),
  entityId: z.string().min(1, { error: 'required' }).max(80),
  ...offsetPagingShape,
});

const auditQuery = z.strictObject({
  entity: z.enum(AUDITED_ENTITIES, { error: 'invalidOption' }).optional(),
  entityId: z.string().max(80).optional(),
  actorId: z.string().max(80).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  ...offsetPagingShape,
});

/**
 * GET /history?entity=partnership&entityId=…: one resource's audit entries, newest first, for
 * the history panels (anyone signed in who can read the resource).
 * GET /audit and /audit/export.csv: the whole trail, filtered, for administrators only.
 */
export function registerAudit(app: Hono, deps: ApiDeps): void {
  const { store } = deps;

  type Filter = {
    entity?: string | undefined;
    entityId?: string | undefined;
    actorId?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
    /** The home governments the reader covers (server/db/scope.ts). */
    homeRegionIds?: HomeScope;
  };

  /** Newest first; dates are days in UTC on the instant `at`, `to` includes its whole day. */
  function entries(q: Filter) {
    let query = store.db.selectFrom('audit');
    if (q.entity) query = query.where('entity', '=', q.entity);
    if (q.entityId) query = query.where('entity_id', '=', q.entityId);
    if (q.actorId) query = query.where('actor_id', '=', q.actorId);
    if (q.from) query = query.where('at', '>=', `${q.from}T00:00:00.000Z`);
    if (q.to) query = query.where('at', '<', `${addDays(q.to, 1)}T00:00:00.000Z`);
    for (const condition of auditIn(q.homeRegionIds)) query = query.where(condition);
    return query;
  }

  async function page(q: Filter, limit: number, offset: number) {
    const [rows, count] = await Promise.all([
      entries(q).selectAll().orderBy('seq', 'desc').limit(limit).offset(offset).execute(),
      entries(q).select(sql<number>`count(*)`.as('n')).executeTakeFirst(),
    ]);
    const total = Number(count?.n ?? 0);
    const items = await hydrate(store.db, auditMap, rows as Array<Record<string, unknown>>);
    // The offset cursor of the lists built in memory, over the database's own order: pageOf
    // needs only a length past this page to tell whether another follows (never `total` slots).
    const shown = pageOf(new Array<AuditEntry | undefined>(Math.min(total, offset + limit + 1)), limit, offset);
    return { items, total, nextCursor: shown.nextCursor };
  }

  app.get('/history', async (c) => {
    const actor = await deps.actor(c.req.raw);
    const query = parseWith(historyQuery, searchParamsToObject(new URL(c.req.url), []));
    // A user's history holds e-mail and role changes and password resets: administrators only,
    // as the whole trail is.
    if (query.entity === 'user' && actor.role !== 'admin') throw problems.forbidden('Only administrators read the history of users.');
    // Another home government's record has no history for this user (an empty one, as an unknown id).
    return json(await page({ entity: query.entity, entityId: query.entityId, homeRegionIds: await deps.scope(c.req.raw) }, query.limit, query.cursor ?? 0));
  });

  async function auditFilter(request: Request) {
    const actor = await deps.actor(request);
    if (actor.role !== 'admin') throw problems.forbidden('Only administrators read the whole audit trail.');
    return { ...parseWith(auditQuery, searchParamsToObject(new URL(request.url), [])), homeRegionIds: await deps.scope(request) };
  }

  app.get('/audit', async (c) => {
    const q = await auditFilter(c.req.raw);
    return json(await page(q, q.limit, q.cursor ?? 0));
  });

  /**
   * The filtered trail as CSV, newest first, streamed EXPORT_CHUNK_ROWS entries at a time (each
   * chunk after the last one's position, through the primary key): the trail only grows, and
   * the answer never holds it whole.
   */
  app.get('/audit/export.csv', async (c) => {
    const q = await auditFilter(c.req.raw);
    const users = new Map(
      (await store.db.selectFrom('users').select(['id', 'name']).execute()).map((u) => [u.id, u.name]),
    );
    const header = ['at', 'actorId', 'actor', 'action', 'entity', 'entityId', 'version', 'field', 'before', 'after', 'note'];
    const cell = (value: unknown) => (value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value));
    const rowsOf = (e: AuditEntry): string[][] => {
      const base = [e.at, e.actorId, users.get(e.actorId) ?? e.actorId, e.action, e.entity, e.entityId, String(e.version)];
      // One row per changed field, so a spreadsheet can filter by field; a create or a note
      // without field changes still gets its row.
      const changes = e.action === 'create' ? [] : e.changes;
      if (changes.length === 0) return [[...base, '', '', '', e.note ?? '']];
      return changes.map((change) => [...base, change.field, cell(change.before), cell(change.after), e.note ?? '']);
    };
    let before: number | undefined;
    let done = false;
    const next = async (): Promise<AuditEntry[] | undefined> => {
      if (done) return undefined;
      let query = entries(q).selectAll();
      if (before !== undefined) query = query.where('seq', '<', before);
      const rows = (await query.orderBy('seq', 'desc').limit(EXPORT_CHUNK_ROWS).execute()) as Array<Record<string, unknown>>;
      if (rows.length < EXPORT_CHUNK_ROWS) done = true;
      if (rows.length === 0) return undefined;
      before = Number(rows[rows.length - 1]!.seq);
      return hydrate(store.db, auditMap, rows);
    };
    return new Response(chunkedStream(next, toCsv(header, []), (chunk) => csvRows(chunk.flatMap(rowsOf))), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="mitra-audit.csv"',
      },
    });
  });
}
