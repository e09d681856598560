import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDS } from '../../mocks/demo-data';
import { createApi } from '../../server/app';
import type { Database } from '../../server/db/engine';
import { writeSnapshot } from '../../server/db/snapshot';
import * as stats from '../../server/db/stats';
import { apiGet, dataSet, fingerprint, NOW, readGolden, searchParams, STAT_NAMES, STATS_DATA, TODAY, type StatName, type StatsGolden } from '../support/golden-queries';
import { ENGINE, engineAvailable, openTestDatabase } from './harness';

/**
 * The dashboard's figures computed in SQL are what the previous release's API answered (its
 * JavaScript aggregation over the in-memory store), body for body, for any period and filter.
 * Those bodies were recorded once, for a fixed set of periods, in tests/fixtures/golden/stats.json
 * (tests/support/make-golden.mts).
 */
const golden = readGolden<StatsGolden>('stats.json');
const data = dataSet(STATS_DATA);

let database: Database;
beforeAll(async () => {
  if (!engineAvailable) return;
  database = await openTestDatabase();
  await database.db.transaction().execute((trx) => writeSnapshot(trx, database.engine, data));
});
afterAll(async () => {
  await database?.close();
});

function computed(name: StatName, p: stats.Period) {
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
  }
}

/**
 * A recorded body as this release answers it: since issue 15 meetings-by-quarter also counts
 * "kind not stated" in each quarter, a kind the previous release did not have; the data set has no
 * such meeting (checked below), so its count is 0 and every other number is as recorded.
 */
function asNow(name: StatName, body: unknown): unknown {
  if (name !== 'meetings-by-quarter') return body;
  const { items, ...rest } = body as { items: Array<{ counts: Record<string, number> }> };
  return { ...rest, items: items.map((item) => ({ ...item, counts: { ...item.counts, 'not-stated': 0 } })) };
}

describe('the recorded answers', () => {
  it('were made from data without a meeting of kind "not stated"', () => {
    expect(data.meetings.filter((m) => m.kind === 'not-stated')).toEqual([]);
  });

  it('were made from this data set, for every figure', () => {
    expect(golden.data.params).toEqual(STATS_DATA);
    expect(fingerprint(data), 'the generator changed: record the answers again (tests/fixtures/golden/README.md)').toBe(golden.data.sha256);
    expect(golden.now.slice(0, 10)).toBe(TODAY);
    for (const name of STAT_NAMES) {
      const cases = golden.cases.filter((c) => c.name === name);
      expect(cases.length, name).toBeGreaterThan(40);
      // Most periods must find something (a positive count anywhere, or a listed partnership),
      // or the comparison proves little.
      const nonZero = cases.filter((c) => /":[1-9]|"partnershipId":"/.test(JSON.stringify(c.body))).length;
      expect(nonZero, name).toBeGreaterThan(cases.length * 0.4);
    }
  });
});

describe.runIf(engineAvailable)(`the dashboard's figures in SQL on ${ENGINE}`, () => {
  it.each(STAT_NAMES)('%s answers exactly what the previous release answered, for every recorded period and filter', async (name) => {
    for (const { period, body } of golden.cases.filter((c) => c.name === name)) {
      expect.soft(await computed(name, period), JSON.stringify(period)).toEqual(asNow(name, body));
    }
  }, 60_000);

  it('GET /api/stats/<figure> serves those bodies unchanged', async () => {
    const api = createApi({ database, now: () => NOW });
    for (const { name, period, body } of golden.cases) {
      expect.soft(await apiGet(api, `stats/${name}`, searchParams(period), IDS.manager), `${name} ${JSON.stringify(period)}`).toEqual(asNow(name, body));
    }
  }, 120_000);
});
