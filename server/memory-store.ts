import { COLLECTIONS, type Collection, type CollectionName, type Snapshot, type Store, type StoredResponse } from './store';

type Undo = () => void;

/**
 * Called after each change has been made in memory and journalled, inside the transaction: a
 * durable store (SQLite) writes the same change through here. If a hook throws, the
 * transaction's undo journal takes the memory change back like any other failure.
 */
export type WriteThrough = {
  insert(collection: CollectionName, item: { id: string }): void;
  replace(collection: CollectionName, item: { id: string }): void;
  sequence(value: number): void;
};

function createCollection<T extends { id: string }>(
  name: CollectionName,
  items: readonly T[],
  journal: () => Undo[] | undefined,
  writeThrough: WriteThrough | undefined,
): Collection<T> {
  const byId = new Map(items.map((item) => [item.id, item]));
  let ordered: T[] | undefined;
  const touch = () => {
    ordered = undefined;
  };
  return {
    get: (id) => byId.get(id),
    all: () => (ordered ??= [...byId.values()]),
    count: () => byId.size,
    insert(item) {
      if (byId.has(item.id)) throw new Error(`duplicate id ${item.id}`);
      byId.set(item.id, item);
      touch();
      journal()?.push(() => {
        byId.delete(item.id);
        touch();
      });
      writeThrough?.insert(name, item);
    },
    replace(item) {
      const previous = byId.get(item.id);
      if (!previous) throw new Error(`missing id ${item.id}`);
      byId.set(item.id, item);
      touch();
      journal()?.push(() => {
        byId.set(item.id, previous);
        touch();
      });
      writeThrough?.replace(name, item);
    },
  };
}

export type MemoryStore = Store & {
  snapshot(): Snapshot;
  /** Called after every committed write, for the browser to persist the store. */
  onCommit(listener: () => void): () => void;
};

/** `writeThrough` (optional) sees every change as it is made; see WriteThrough. */
export function createMemoryStore(seed: Snapshot, writeThrough?: WriteThrough): MemoryStore {
  let journal: Undo[] | undefined;
  let sequence = seed.sequence;
  const listeners = new Set<() => void>();
  const idempotency = new Map<string, StoredResponse>();
  const getJournal = () => journal;

  const collections = {
    sectors: createCollection('sectors', seed.sectors, getJournal, writeThrough),
    regions: createCollection('regions', seed.regions, getJournal, writeThrough),
    organizations: createCollection('organizations', seed.organizations, getJournal, writeThrough),
    people: createCollection('people', seed.people, getJournal, writeThrough),
    users: createCollection('users', seed.users, getJournal, writeThrough),
    partnerships: createCollection('partnerships', seed.partnerships, getJournal, writeThrough),
    meetings: createCollection('meetings', seed.meetings, getJournal, writeThrough),
    followUps: createCollection('followUps', seed.followUps, getJournal, writeThrough),
    audit: createCollection('audit', seed.audit ?? [], getJournal, writeThrough),
  };

  return {
    ...collections,
    nextId(prefix) {
      sequence += 1;
      const value = sequence;
      journal?.push(() => {
        sequence = value - 1;
      });
      writeThrough?.sequence(value);
      return `${prefix}-${value.toString(36).padStart(5, '0')}`;
    },
    idempotency: {
      get: (key) => idempotency.get(key),
      put: (key, response) => {
        idempotency.set(key, response);
      },
    },
    transaction(work) {
      if (journal) return work(); // nested: the outer transaction owns the undo log
      journal = [];
      try {
        const result = work();
        journal = undefined;
        for (const listener of listeners) listener();
        return result;
      } catch (error) {
        const undo = journal ?? [];
        journal = undefined;
        for (let i = undo.length - 1; i >= 0; i -= 1) undo[i]?.();
        throw error;
      }
    },
    snapshot() {
      const out = { sequence } as Snapshot;
      for (const name of COLLECTIONS) {
        (out as Record<string, unknown>)[name] = [...collections[name].all()];
      }
      return out;
    },
    onCommit(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
