import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoSnapshot, IDS } from '../../mocks/demo-data';
import { createApi } from '../../server/app';
import { migrate } from '../../server/sqlite/migrate';
import { openSqliteStore } from '../../server/sqlite/store';
import type { Snapshot } from '../../server/store';
import { validFollowUpDraft, validMeeting } from '../api/fixtures';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mitra-sqlite-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const withoutSequence = ({ sequence: _sequence, ...rest }: Snapshot): Omit<Snapshot, 'sequence'> => rest;

/** What the memory side of the store serves, in snapshot form. */
function served(store: ReturnType<typeof openSqliteStore>['store']): Omit<Snapshot, 'sequence'> {
  return {
    sectors: [...store.sectors.all()],
    regions: [...store.regions.all()],
    organizations: [...store.organizations.all()],
    people: [...store.people.all()],
    users: [...store.users.all()],
    partnerships: [...store.partnerships.all()],
    meetings: [...store.meetings.all()],
    followUps: [...store.followUps.all()],
    audit: [...store.audit.all()],
  };
}

describe('SQLite store transactions', () => {
  it('a throw in the middle of a transaction leaves both memory and SQLite unchanged', () => {
    const { store, close } = openSqliteStore(join(dir, 'a.sqlite'));
    const before = store.snapshot();
    const meeting = { ...demoSnapshot().meetings[0]!, id: store.nextId('mtg') };
    const afterId = store.snapshot().sequence;
    expect(() =>
      store.transaction(() => {
        store.meetings.insert({ ...meeting, id: store.nextId('mtg') });
        store.followUps.insert({ ...demoSnapshot().followUps[0]!, id: store.nextId('fu') });
        const visit = store.meetings.get(IDS.visit)!;
        store.meetings.replace({ ...visit, title: 'changed', version: visit.version + 1 });
        throw new Error('the work fails halfway');
      }),
    ).toThrow('the work fails halfway');
    const after = store.snapshot();
    expect({ ...after, sequence: 0 }).toEqual({ ...before, sequence: 0 });
    // The id drawn outside the failed transaction stays drawn; those inside are given back.
    expect(after.sequence).toBe(afterId);
    expect(served(store)).toEqual(withoutSequence(after));
    close();
  });

  it('a write SQLite refuses is taken back from memory too', () => {
    const { store, close } = openSqliteStore(':memory:');
    const before = store.snapshot();
    // A value JSON cannot hold: the write-through throws after the memory insert.
    const broken = { ...demoSnapshot().organizations[0]!, id: 'org-broken', extra: 10n };
    expect(() => store.organizations.insert(broken as never)).toThrow();
    expect(store.organizations.get('org-broken')).toBeUndefined();
    expect(store.snapshot()).toEqual(before);
    expect(served(store)).toEqual(withoutSequence(before));
    close();
  });

  it('keeps what the API wrote across a close and reopen, in the same order', async () => {
    const path = join(dir, 'b.sqlite');
    const first = openSqliteStore(path);
    const api = createApi({ store: first.store });
    const response = await api.fetch(
      new Request('http://mitra.test/api/meetings', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-mitra-user': IDS.staff, 'idempotency-key': 'reopen-test-1' },
        body: JSON.stringify(validMeeting({ followUps: [validFollowUpDraft()] })),
      }),
    );
    expect(response.status).toBe(201);
    const written = first.store.snapshot();
    expect(served(first.store)).toEqual(withoutSequence(written));
    first.close();

    const second = openSqliteStore(path, { seed: 'empty' });
    expect(second.store.snapshot()).toEqual(written);
    expect(served(second.store)).toEqual(withoutSequence(written));
    // The idempotency record survived the restart too.
    expect(second.store.idempotency.get(`${IDS.staff} /api/meetings reopen-test-1`)?.status).toBe(201);
    // Ids go on from where they were, never reused.
    const next = second.store.nextId('x');
    expect(Number.parseInt(next.slice(2), 36)).toBe(written.sequence + 1);
    second.close();
  });

  it("an empty database holds the reference data only, and the API works on it", async () => {
    const { store, close } = openSqliteStore(':memory:', { seed: 'empty' });
    const snapshot = store.snapshot();
    expect(snapshot.sectors.length).toBeGreaterThan(5);
    expect(snapshot.regions.map((r) => r.role)).toEqual(['home']);
    expect(snapshot.users.length).toBeGreaterThan(0);
    expect([snapshot.partnerships, snapshot.meetings, snapshot.followUps, snapshot.people, snapshot.organizations, snapshot.audit]).toEqual([[], [], [], [], [], []]);
    const api = createApi({ store });
    const { partnershipId: _p, ...meeting } = validMeeting({
      newPartnership: { region: { name: 'Yantai', localName: '烟台市', level: 'city', countryCode: 'CN', strengths: ['fisheries'] }, type: 'cooperation' },
      hostLeadId: undefined,
      delegationLeadId: undefined,
      participants: [{ side: 'guest', description: 'Delegasi Yantai' }],
      facilitatorIds: [],
      statements: [],
      followUps: [validFollowUpDraft()],
    });
    const response = await api.fetch(
      new Request('http://mitra.test/api/meetings', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-mitra-user': IDS.staff },
        body: JSON.stringify(meeting),
      }),
    );
    expect(response.status, await response.clone().text()).toBe(201);
    expect(store.snapshot().partnerships).toHaveLength(1);
    expect(store.snapshot().followUps).toHaveLength(1);
    close();
  });
});

describe('migrate', () => {
  it('applies each migration once, in order, and records it', () => {
    const db = new Database(':memory:');
    const order: string[] = [];
    const list = [
      { name: 't/001', up: 'CREATE TABLE a (x INTEGER)' },
      { name: 't/002', up: () => order.push('002') },
    ];
    expect(migrate(db, list)).toEqual(['t/001', 't/002']);
    expect(migrate(db, list)).toEqual([]);
    expect(order).toEqual(['002']);
    expect(migrate(db, [...list, { name: 't/003', up: 'ALTER TABLE a ADD COLUMN y TEXT' }])).toEqual(['t/003']);
    expect(db.prepare('SELECT name FROM schema_migrations ORDER BY name').pluck().all()).toEqual(['t/001', 't/002', 't/003']);
    db.close();
  });

  it('keeps none of a run when one migration fails', () => {
    const db = new Database(':memory:');
    expect(() =>
      migrate(db, [
        { name: 'u/001', up: 'CREATE TABLE b (x INTEGER)' },
        { name: 'u/002', up: 'THIS IS NOT SQL' },
      ]),
    ).toThrow();
    expect(db.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'b'`).pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(0);
    db.close();
  });

  it('refuses a list that names a migration twice', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, [{ name: 'v', up: '' }, { name: 'v', up: '' }])).toThrow(/twice/);
    db.close();
  });
});
