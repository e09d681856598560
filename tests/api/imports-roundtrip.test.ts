import { describe, expect, it } from 'vitest';
import { demoSnapshot } from '../../mocks/demo-data';
import type { FollowUp } from '../../src/domain/follow-up';
import { importApi } from './import-helpers';

/**
 * What Mitra exports as CSV imports back unchanged: export → import into a database without
 * those records → the same records. Follow-ups are the resource Mitra exports as CSV today
 * (server/routes/exports.ts); the export's columns are what the import reads.
 */

const EXPORTED: ReadonlyArray<keyof FollowUp> = ['title', 'status', 'priority', 'partnershipId', 'ownerId', 'dueDate', 'sectorIds'];

const pick = (f: FollowUp) => Object.fromEntries(EXPORTED.map((key) => [key, f[key]]));
const sorted = (items: FollowUp[]) => items.map(pick).sort((a, b) => `${a.title}|${a.dueDate}`.localeCompare(`${b.title}|${b.dueDate}`));

describe('round trip: export → import into an empty database → the same records', () => {
  for (const lang of ['id', 'en'] as const) {
    it(`follow-ups (${lang})`, async () => {
      const source = await importApi();
      const exported = await source.request('GET', `/follow-ups/export.csv?lang=${lang}`);
      expect(exported.status).toBe(200);
      const original = await source.store.followUps.all();
      expect(original.length).toBeGreaterThan(5);

      const data = demoSnapshot();
      const target = await importApi({ ...data, followUps: [], audit: [] });
      const uploaded = await target.upload('follow-ups', exported.text, { name: `follow-ups-${lang}.csv` });
      expect(uploaded.status, uploaded.text).toBe(201);
      expect(uploaded.body.errors, JSON.stringify(uploaded.body.errors.slice(0, 5))).toEqual([]);
      expect(uploaded.body.mappingProblems).toEqual([]);
      const committed = await target.request('POST', `/imports/${uploaded.body.id}/commit`, { body: {} });
      expect(committed.body).toMatchObject({ created: original.length, updated: 0, unchanged: 0, skipped: 0 });
      expect(sorted(await target.store.followUps.all())).toEqual(sorted(original));

      // And the same export imported into the database it came from changes nothing.
      const again = await source.upload('follow-ups', exported.text);
      expect(again.body.preview.every((r: { outcome: string }) => r.outcome === 'unchanged')).toBe(true);
    });
  }
});
