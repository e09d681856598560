/**
 * Records the previous release's list and stats answers as golden files (tests/fixtures/golden),
 * which tests/db/follow-up-list, listings and stats compare the SQL lists and figures with.
 *
 * The previous release (commit 1c49944, the last with the in-memory store and the JavaScript list
 * engine) must be checked out beside this one, with its node_modules:
 *
 *   git worktree add /tmp/mitra-1c49944 1c49944 && cp -a node_modules /tmp/mitra-1c49944/
 *   npx tsx tests/support/make-golden.mts /tmp/mitra-1c49944
 *   git worktree remove /tmp/mitra-1c49944
 *
 * The data sets and queries come from tests/support/golden-queries.ts (this checkout); the
 * answers from that release's API (createApi over createMemoryStore, the same clock), called as a
 * browser calls it, every page followed.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { IDS } from '../../mocks/demo-data';
import {
  apiGet,
  apiListIds,
  dataSet,
  digestIds,
  fingerprint,
  FOLLOW_UP_DATA,
  followUpGoldenQueries,
  LISTINGS_DATA,
  listingGoldenQueries,
  NOW,
  searchParams,
  STAT_NAMES,
  STATS_DATA,
  statsGoldenPeriods,
  type FetchApi,
  type FollowUpGolden,
  type GoldenHeader,
  type ListingGolden,
  type Snapshot,
  type StatsGolden,
} from './golden-queries';

const release = process.argv[2];
if (!release) {
  console.error('usage: npx tsx tests/support/make-golden.mts <checkout of the previous release, e.g. 1c49944>');
  process.exit(2);
}
const releaseDir = resolve(release);
const commit = execFileSync('git', ['-C', releaseDir, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'golden');

type Api = FetchApi;
const { createApi } = (await import(pathToFileURL(join(releaseDir, 'server/app.ts')).href)) as { createApi(options: unknown): Api };
const { createMemoryStore } = (await import(pathToFileURL(join(releaseDir, 'server/memory-store.ts')).href)) as { createMemoryStore(data: Snapshot): unknown };

const apiOver = (data: Snapshot): Api => createApi({ store: createMemoryStore(data), now: () => NOW });

const header = (params: Record<string, number>, data: Snapshot): GoldenHeader => ({
  release: commit,
  made: 'tests/support/make-golden.mts',
  data: { params, sha256: fingerprint(data) },
  now: NOW.toISOString(),
});

/** Every id the list answers, page by page; the previous release's pages all gave that total. */
async function listIds(api: Api, path: string, query: Record<string, unknown>): Promise<string[]> {
  const { ids, totals } = await apiListIds(api, path, query, IDS.admin);
  if (totals.length !== 1 || totals[0] !== ids.length) throw new Error(`${path}: totals ${totals.join(', ')}, listed ${ids.length}`);
  return ids;
}

function write(name: string, golden: unknown): void {
  mkdirSync(out, { recursive: true });
  // One recorded case a line: small, and a changed answer is a one-line diff.
  const { cases, ...rest } = golden as { cases: unknown[] };
  const head = JSON.stringify(rest, null, 1).replace(/\n}$/, '');
  const text = `${head},\n "cases": [\n${cases.map((c) => `  ${JSON.stringify(c)}`).join(',\n')}\n ]\n}\n`;
  writeFileSync(join(out, name), text);
  console.log(`${name}: ${(text.length / 1024).toFixed(0)} KiB`);
}

{
  const data = dataSet(FOLLOW_UP_DATA);
  const api = apiOver(data);
  const cases: FollowUpGolden['cases'] = [];
  for (const { query, limit } of followUpGoldenQueries(data)) cases.push({ query, limit, ...digestIds(await listIds(api, 'follow-ups', query)) });
  write('follow-up-list.json', { ...header(FOLLOW_UP_DATA, data), cases } satisfies FollowUpGolden);
}

{
  const data = dataSet(LISTINGS_DATA);
  const api = apiOver(data);
  const cases: ListingGolden['cases'] = [];
  for (const c of listingGoldenQueries(data)) cases.push({ ...c, ...digestIds(await listIds(api, c.path, c.query)) });
  write('listings.json', { ...header(LISTINGS_DATA, data), cases } satisfies ListingGolden);
}

{
  const data = dataSet(STATS_DATA);
  const api = apiOver(data);
  const cases: StatsGolden['cases'] = [];
  for (const period of statsGoldenPeriods(data))
    for (const name of STAT_NAMES) cases.push({ name, period, body: await apiGet(api, `stats/${name}`, searchParams(period), IDS.manager) });
  write('stats.json', { ...header(STATS_DATA, data), cases } satisfies StatsGolden);
}
