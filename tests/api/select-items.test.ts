import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateSnapshot } from '../../mocks/generator';
import { createDeps } from '../../server/context';
import { sortItems } from '../../server/http';
import { createMemoryStore } from '../../server/memory-store';
import { selectItems } from '../../server/routes/crud';
import { followUpListing } from '../../server/routes/follow-ups';
import { FOLLOW_UP_STATUSES } from '../../src/domain/follow-up';
import { NOW } from './helpers';

describe('selectItems', () => {
  it('gives exactly the sorted view filtered, whatever the filters and the sort', () => {
    const snapshot = generateSnapshot({ seed: 7, followUps: 3000, meetings: 300, partnerships: 12 });
    const deps = createDeps({ store: createMemoryStore(snapshot), now: () => NOW });
    const listing = followUpListing(deps);
    const sectors = [...new Set(snapshot.followUps.flatMap((f) => f.sectorIds))];
    const owners = [...new Set(snapshot.followUps.map((f) => f.ownerId))];
    const sorts = Object.keys(listing.sorts).flatMap((k) => [k, `-${k}`]);
    fc.assert(
      fc.property(
        fc.record(
          {
            status: fc.subarray([...FOLLOW_UP_STATUSES], { minLength: 1 }),
            sectorId: fc.constantFrom(...sectors),
            ownerId: fc.constantFrom(...owners),
            due: fc.constantFrom('overdue', 'this-week', 'this-month', 'none'),
            q: fc.constantFrom('a', 'pe', 'kerja'),
          },
          { requiredKeys: [] },
        ),
        fc.constantFrom(...sorts),
        (filters, sort) => {
          const query = { ...filters, sort } as never;
          const matches = listing.filter?.(query as never);
          const expected = sortItems([...snapshot.followUps], sort, listing.sorts as never).filter((f) => {
            const text = (filters.q ?? '').toLowerCase();
            return (!matches || matches(f)) && (!text || `${f.title} ${f.description ?? ''}`.toLowerCase().includes(text));
          });
          expect(selectItems(listing as never, query).map((f) => f.id)).toEqual(expected.map((f) => f.id));
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);
});
