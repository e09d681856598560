import type { Hono } from 'hono';
import { z } from 'zod';
import { AUDITED_ENTITIES, type AuditEntry } from '../../src/domain/audit';
import { isoDate } from '../../src/domain/schemas/common';
import type { ApiDeps } from '../context';
import { json, pageOf, pagingShape, parseWith, searchParamsToObject } from '../http';
import { problems } from '../problem';
import { toCsv } from './exports';

/** Entries by entity id, newest first; rebuilt when the trail grows (its array changes). */
const byEntity = new WeakMap<readonly AuditEntry[], Map<string, AuditEntry[]>>();

function entriesOf(all: readonly AuditEntry[], entityId: string): AuditEntry[] {
  let index = byEntity.get(all);
  if (!index) {
    index = new Map();
    for (let i = all.length - 1; i >= 0; i -= 1) {
      const entry = all[i] as AuditEntry;
      const list = index.get(entry.entityId);
      if (list) list.push(entry);
      else index.set(entry.entityId, [entry]);
    }
    byEntity.set(all, index);
  }
  return index.get(entityId) ?? [];
}

const historyQuery = z.strictObject({
  entity: z.enum(AUDITED_ENTITIES, { error: 'invalidOption' }),
  entityId: z.string().min(1, { error: 'required' }).max(80),
  limit: pagingShape.limit,
  cursor: pagingShape.cursor,
});

const auditQuery = z.strictObject({
  entity: z.enum(AUDITED_ENTITIES, { error: 'invalidOption' }).optional(),
  entityId: z.string().max(80).optional(),
  actorId: z.string().max(80).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: pagingShape.limit,
  cursor: pagingShape.cursor,
});

/**
 * GET /history?entity=partnership&entityId=…: one resource's audit entries, newest first, for
 * the history panels (anyone signed in who can read the resource).
 * GET /audit and /audit/export.csv: the whole trail, filtered, for administrators only.
 */
export function registerAudit(app: Hono, deps: ApiDeps): void {
  const { store } = deps;

  app.get('/history', async (c) => {
    const actor = await deps.actor(c.req.raw);
    const query = parseWith(historyQuery, searchParamsToObject(new URL(c.req.url), []));
    // A user's history holds e-mail and role changes and password resets: administrators only,
    // as the whole trail is.
    if (query.entity === 'user' && actor.role !== 'admin') throw problems.forbidden('Only administrators read the history of users.');
    const items = entriesOf(store.audit.all(), query.entityId).filter((e) => e.entity === query.entity);
    return json(pageOf(items, query.limit, query.cursor ?? 0));
  });

  async function selectAudit(request: Request): Promise<AuditEntry[]> {
    const actor = await deps.actor(request);
    if (actor.role !== 'admin') throw problems.forbidden('Only administrators read the whole audit trail.');
    const q = parseWith(auditQuery, searchParamsToObject(new URL(request.url), []));
    const all = q.entityId ? entriesOf(store.audit.all(), q.entityId) : [...store.audit.all()].reverse();
    // Dates are days in UTC on the instant `at`; `to` includes its whole day.
    return all.filter(
      (e) =>
        (!q.entity || e.entity === q.entity) &&
        (!q.actorId || e.actorId === q.actorId) &&
        (!q.from || e.at.slice(0, 10) >= q.from) &&
        (!q.to || e.at.slice(0, 10) <= q.to),
    );
  }

  app.get('/audit', async (c) => {
    const items = await selectAudit(c.req.raw);
    const q = parseWith(auditQuery, searchParamsToObject(new URL(c.req.url), []));
    return json(pageOf(items, q.limit, q.cursor ?? 0));
  });

  app.get('/audit/export.csv', async (c) => {
    const items = await selectAudit(c.req.raw);
    const users = new Map(store.users.all().map((u) => [u.id, u.name]));
    const header = ['at', 'actorId', 'actor', 'action', 'entity', 'entityId', 'version', 'field', 'before', 'after', 'note'];
    const cell = (value: unknown) => (value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value));
    const rows: string[][] = [];
    for (const e of items) {
      const base = [e.at, e.actorId, users.get(e.actorId) ?? e.actorId, e.action, e.entity, e.entityId, String(e.version)];
      // One row per changed field, so a spreadsheet can filter by field; a create or a note
      // without field changes still gets its row.
      const changes = e.action === 'create' ? [] : e.changes;
      if (changes.length === 0) rows.push([...base, '', '', '', e.note ?? '']);
      for (const change of changes) rows.push([...base, change.field, cell(change.before), cell(change.after), e.note ?? '']);
    }
    return new Response(toCsv(header, rows), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="mitra-audit.csv"',
      },
    });
  });
}
