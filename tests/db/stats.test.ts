import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDS } from '../../mocks/demo-data';
import { generateSnapshot } from '../../mocks/generator';
import { createApi } from '../../server/app';
import type { Database } from '../../server/db/engine';
import { writeSnapshot } from '../../server/db/snapshot';
import * as stats from '../../server/db/stats';
import { createMemoryStore } from '../../server/memory-store';
import { ENGINE, engineAvailable, openTestDatabase } from './harness';

const NOW = new Date('2025-11-01T03:00:00.000Z');
const TODAY = '2025-11-01';
const data = generateSnapshot({ seed: 57, followUps: 1500, meetings: 300, partnerships: 12 });
const api = createApi({ store: createMemoryStore(data), now: () => NOW });

let database: Database;
beforeAll(async () => {
  if (!engineAvailable) return;
  database = await openTestDatabase();
  await database.db.transaction().execute((trx) => writeSnapshot(trx, database.engine, data));
});
afterAll(async () => {
  await database?.close();
});

/** What GET /api/stats/<name> answers today (the JavaScript aggregation over the memory store). */
async function answered(name: string, p: stats.Period) {
  const query = new URLSearchParams(Object.entries(p).filter(([, v]) => v !== undefined) as Array<[string, string]>);
  const response = await api.fetch(new Request(`http://mitra.test/api/stats/${name}?${query}`, { headers: { 'x-mitra-user': IDS.manager } }));
  expect(response.status).toBe(200);
  return (await response.json()) as unknown;
}

function computed(name: string, p: stats.Period) {
  const { db, engine } = database;
  switch (name) {
    case 'follow-ups-by-sector':
      return stats.followUpsBySector(db, p);
    case 'meetings-by-quarter':
      return stats.meetingsByQuarter(db, engine, p);
    case 'partnerships-by-stage':
      return stats.partnershipsByStage(db, p);
    case 'kpis':
      return stats.kpis(db, p, TODAY);
    case 'overdue-by-sector':
      return stats.overdueBySector(db, p, TODAY);
    case 'overdue-by-owner':
      return stats.overdueByOwner(db, p, TODAY);
    case 'completion-by-month':
      return stats.completionByMonth(db, engine, p);
    case 'health':
      return stats.health(db, p, TODAY);
    default:
      throw new Error(name);
  }
}

const NAMES = ['follow-ups-by-sector', 'meetings-by-quarter', 'partnerships-by-stage', 'kpis', 'overdue-by-sector', 'overdue-by-owner', 'completion-by-month', 'health'];

const periodArbitrary = fc
  .record({
    from: fc.constantFrom('2021-01-01', '2022-03-15', '2024-01-01', '2025-01-01', '2025-10-31'),
    length: fc.constantFrom(0, 40, 365, 700, 2200),
    partnershipId: fc.option(fc.constantFrom(IDS.partnership, ...data.partnerships.map((x) => x.id)), { nil: undefined, freq: 3 }),
    sectorId: fc.option(fc.constantFrom(...data.sectors.map((s) => s.id)), { nil: undefined, freq: 3 }),
  })
  .map(({ from, length, partnershipId, sectorId }) => {
    const to = new Date(Date.parse(`${from}T00:00:00Z`) + length * 86_400_000).toISOString().slice(0, 10);
    return { from, to, ...(partnershipId ? { partnershipId } : {}), ...(sectorId ? { sectorId } : {}) } as stats.Period;
  });

describe.runIf(engineAvailable)(`the dashboard's figures in SQL on ${ENGINE}`, () => {
  it.each(NAMES)('%s answers exactly what the API answers, for any period and filter', async (name) => {
    let nonZero = 0;
    await fc.assert(
      fc.asyncProperty(periodArbitrary, async (p) => {
        const expected = await answered(name, p);
        const actual = await computed(name, p);
        expect(actual).toEqual(expected);
        // A positive count anywhere, or a listed partnership (health).
        if (/":[1-9]|"partnershipId":"/.test(JSON.stringify(expected))) nonZero += 1;
      }),
      { numRuns: 25, seed: 99 },
    );
    // Most periods must find something, or the comparison proves little.
    expect(nonZero).toBeGreaterThan(10);
  }, 60_000);
});
