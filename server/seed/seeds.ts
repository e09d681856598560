/** What a new database starts with: the demo data (server/seed), or the least the app runs on. */
import { demoSnapshot, demoSnapshotWithSecondGovernment } from './demo-data';
import type { Snapshot } from '../store';

export { demoSnapshot };

/**
 * The demo data a new database starts with (`npm start`, the browser demo): the Regency's records
 * and the second, illustrative home government's (issue 15), so the separation can be seen.
 */
export const demoSeed: () => Snapshot = demoSnapshotWithSecondGovernment;

/**
 * The least the app runs on: the sectors (every form and chart lists them), the home region (a
 * meeting with a new partner creates its partnership from it) and the users (until sign-in
 * lands, requests name their user in `x-mitra-user`, so without users nobody can write; once
 * auth creates the first admin, users can go from here).
 */
export function emptySnapshot(): Snapshot {
  const demo = demoSnapshot();
  return {
    sequence: 0,
    sectors: demo.sectors,
    regions: demo.regions.filter((region) => region.role === 'home'),
    organizations: [],
    people: [],
    users: demo.users,
    partnerships: [],
    meetings: [],
    followUps: [],
    audit: [],
  };
}
