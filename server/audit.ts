import { diffFields, type AuditedEntity, type AuditEntry } from '../src/domain/audit';
import type { Collection, Collections, Store, WriteContext } from './store';

const ENTITY: Record<Exclude<keyof Collections, 'audit'>, AuditedEntity> = {
  sectors: 'sector',
  regions: 'region',
  organizations: 'organization',
  people: 'person',
  users: 'user',
  partnerships: 'partnership',
  meetings: 'meeting',
  followUps: 'followUp',
};

/** Who is writing now: set for the (synchronous) length of one transaction. */
type Current = { context: WriteContext } | undefined;

/**
 * The store the API writes through: every insert and replace also appends an audit entry with
 * the transaction's actor and the fields that changed, in the same transaction (so a rolled-back
 * write leaves no entry, and no write goes unrecorded). Routes cannot forget it.
 */
export function auditedStore(inner: Store, now: () => Date): Store {
  let current: Current;

  function record<T extends { id: string; version?: number }>(
    entity: AuditedEntity,
    action: AuditEntry['action'],
    before: T | undefined,
    after: T,
  ): void {
    const context = current?.context ?? { actorId: 'system' };
    const changes = diffFields(before, after);
    if (action === 'update' && changes.length === 0 && !context.note) return;
    const entry: AuditEntry = {
      id: inner.nextId('aud'),
      at: now().toISOString(),
      actorId: context.actorId,
      action,
      entity,
      entityId: after.id,
      version: typeof after.version === 'number' ? after.version : 1,
      changes,
    };
    if (context.note) entry.note = context.note;
    inner.audit.insert(entry);
  }

  function wrap<T extends { id: string; version?: number }>(collection: Collection<T>, entity: AuditedEntity): Collection<T> {
    return {
      get: (id) => collection.get(id),
      all: () => collection.all(),
      count: () => collection.count(),
      insert(item) {
        collection.insert(item);
        record(entity, 'create', undefined, item);
      },
      replace(item) {
        const before = collection.get(item.id);
        collection.replace(item);
        record(entity, 'update', before, item);
      },
    };
  }

  return {
    sectors: wrap(inner.sectors, ENTITY.sectors),
    regions: wrap(inner.regions, ENTITY.regions),
    organizations: wrap(inner.organizations, ENTITY.organizations),
    people: wrap(inner.people, ENTITY.people),
    users: wrap(inner.users, ENTITY.users),
    partnerships: wrap(inner.partnerships, ENTITY.partnerships),
    meetings: wrap(inner.meetings, ENTITY.meetings),
    followUps: wrap(inner.followUps, ENTITY.followUps),
    audit: {
      get: (id) => inner.audit.get(id),
      all: () => inner.audit.all(),
      count: () => inner.audit.count(),
      insert: () => {
        throw new Error('the audit trail is written by the store, not by routes');
      },
      replace: () => {
        throw new Error('the audit trail is append-only');
      },
    },
    nextId: (prefix) => inner.nextId(prefix),
    idempotency: inner.idempotency,
    transaction(work, context) {
      if (current) return inner.transaction(work, context); // nested: the outer context stands
      current = { context: context ?? { actorId: 'system' } };
      try {
        return inner.transaction(work, context);
      } finally {
        current = undefined;
      }
    },
  };
}
