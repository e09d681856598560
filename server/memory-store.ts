import { COLLECTIONS, type Collection, type Snapshot, type Store, type StoredResponse } from './store';

type Undo = () => void;

function createCollection<T extends { id: string }>(items: readonly T[], journal: () => Undo[] | undefined): Collection<T> {
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
    },
  };
}

export type MemoryStore = Store & {
  snapshot(): Snapshot;
  /** Called after every committed write, for the browser to persist the store. */
  onCommit(listener: () => void): () => void;
};


export function createMemoryStore(seed: Snapshot): MemoryStore {
  let journal: Undo[] | undefined;
  let sequence = seed.sequence;
  const listeners = new Set<() => void>();
  const idempotency = new Map<string, StoredResponse>();
  const getJournal = () => journal;

  const collections = {
    sectors: createCollection(seed.sectors, getJournal),
    regions: createCollection(seed.regions, getJournal),
    organizations: createCollection(seed.organizations, getJournal),
    people: createCollection(seed.people, getJournal),
    users: createCollection(seed.users, getJournal),
    partnerships: createCollection(seed.partnerships, getJournal),
    meetings: createCollection(seed.meetings, getJournal),
    followUps: createCollection(seed.followUps, getJournal),
    audit: createCollection(seed.audit ?? [], getJournal),
  };

  return {
    ...collections,
    nextId(prefix) {
      sequence += 1;
      const value = sequence;
      journal?.push(() => {
        sequence = value - 1;
      });
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
