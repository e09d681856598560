/**
 * What a new database starts with. The demo data and the reference data live in mocks/ (the
 * browser demo and the tests use the same), so this module is the one place the server reads
 * them: plain data, no MSW. Moving sectors and the home region to a data module of their own
 * would let this import go.
 */
// eslint-disable-next-line no-restricted-imports -- seed data only (see above)
import { demoSnapshot } from '../../mocks/demo-data';
import type { Snapshot } from '../store';

export { demoSnapshot };

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
