import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { STAGES } from '../../src/domain/partnership';
import type { Meeting } from '../../src/domain/meeting';
import type { Organization } from '../../src/domain/organization';
import type { Partnership } from '../../src/domain/partnership';
import type { Person } from '../../src/domain/person';
import type { Region } from '../../src/domain/region';
import type { Sector } from '../../src/domain/sector';
import type { User } from '../../src/domain/user';
import { normalizeText } from '../http';
import { matchesWords, type Engine, type SearchableTable } from './dialect';
import { inList, pageOfRows, rankOf, searchWords, type ListSpec, type Page } from './lists';
import { hydrate, meetingMap, organizationMap, partnershipMap, personMap, regionMap, sectorMap, userMap, type ResourceMap } from './mappers';
import type { DB } from './schema';
import { homeRegionIn, partnershipIn, personIn, type HomeScope } from './scope';

/**
 * The lists of every resource but follow-ups (server/db/follow-up-list.ts), as the API parses
 * their queries (server/routes/reference.ts, partnerships.ts, meetings.ts): the same filters,
 * text search and sorts, in SQL. A list's `q` matches every word anywhere in the resource's
 * search text (a partnership's: its partner region's or organisation's).
 */
type Query = Record<string, unknown> & {
  q?: string | undefined;
  id?: string[] | undefined;
  sort: string;
  /** The home governments the request covers (server/db/scope.ts); never from the URL. */
  homeRegionIds?: HomeScope;
};

type Listing<T extends { id: string }> = ListSpec & {
  map: ResourceMap<T>;
  search?: SearchableTable;
  conditions(query: Query, engine: Engine): Expression<SqlBool>[];
};

const text = (column: string) => sql`lower(${sql.ref(column)})`;
const str = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
const strs = (value: unknown) => (Array.isArray(value) && value.length > 0 ? (value as string[]) : undefined);
const eq = (column: string, value: unknown) => (str(value) ? [sql<SqlBool>`${sql.ref(column)} = ${value as string}`] : []);
const oneOf = (column: string, value: unknown) => (strs(value) ? [inList(column, strs(value)!)] : []);
const linked = (alias: string, table: string, column: string, value: unknown) =>
  str(value) ? [sql<SqlBool>`${sql.ref(`${alias}.id`)} in (select owner_id from ${sql.table(table)} where ${sql.ref(column)} = ${value as string})`] : [];
const flagIs = (column: string, value: unknown) => (typeof value === 'boolean' ? [sql<SqlBool>`${sql.ref(column)} = ${value ? 1 : 0}`] : []);

const SECTORS: Listing<Sector> = {
  table: 'sectors',
  alias: 's',
  map: sectorMap,
  search: 'sectors',
  sorts: {
    id: { expr: sql.ref('s.id'), nullable: false },
    'name.id': { expr: sql.ref('s.name_id'), nullable: false },
    'name.en': { expr: sql.ref('s.name_en'), nullable: false },
  },
  conditions: () => [],
};

const REGIONS: Listing<Region> = {
  table: 'regions',
  alias: 'r',
  map: regionMap,
  search: 'regions',
  sorts: {
    name: { expr: sql.ref('r.name'), nullable: false },
    countryCode: { expr: sql.ref('r.country_code'), nullable: false },
    updatedAt: { expr: sql.ref('r.updated_at'), nullable: false, kind: 'instant' },
  },
  conditions: (q) => [
    ...oneOf('r.role', q.role),
    ...oneOf('r.level', q.level),
    ...eq('r.country_code', q.countryCode),
    ...linked('r', 'region_strengths', 'sector_id', q.sectorId),
  ],
};

const ORGANIZATIONS: Listing<Organization> = {
  table: 'organizations',
  alias: 'o',
  map: organizationMap,
  search: 'organizations',
  sorts: {
    name: { expr: sql.ref('o.name'), nullable: false },
    updatedAt: { expr: sql.ref('o.updated_at'), nullable: false, kind: 'instant' },
  },
  conditions: (q) => oneOf('o.kind', q.kind),
};

const PEOPLE: Listing<Person> = {
  table: 'people',
  alias: 'p',
  map: personMap,
  search: 'people',
  sorts: {
    name: { expr: sql.ref('p.name'), nullable: false },
    updatedAt: { expr: sql.ref('p.updated_at'), nullable: false, kind: 'instant' },
  },
  conditions: (q) => [...eq('p.region_id', q.regionId), ...eq('p.organization_id', q.organizationId), ...personIn('p.region_id', q.homeRegionIds)],
};

const USERS: Listing<User> = {
  table: 'users',
  alias: 'u',
  map: userMap,
  search: 'users',
  sorts: {
    name: { expr: sql.ref('u.name'), nullable: false },
    role: { expr: sql.ref('u.role'), nullable: false },
  },
  conditions: (q) => [...oneOf('u.role', q.role), ...flagIs('u.active', q.active)],
};

/** A partnership's partner as the directory names it: the region (name, local name, province) or the organisation. */
const partnerName = sql`coalesce(
  (select r.name || ' ' || coalesce(r.local_name, '') || ' ' || coalesce(r.province, '') from regions r where r.id = x.partner_region_id),
  (select o.name || ' ' || coalesce(o.acronym, '') from organizations o where o.id = x.partner_organization_id),
  '')`;

const PARTNERSHIPS: Listing<Partnership> = {
  table: 'partnerships',
  alias: 'x',
  map: partnershipMap,
  sorts: {
    partner: { expr: sql`lower(${partnerName})`, nullable: false },
    stage: { expr: rankOf(sql.ref('x.stage'), STAGES), nullable: false, kind: 'number' },
    updatedAt: { expr: sql.ref('x.updated_at'), nullable: false, kind: 'instant' },
  },
  conditions: (q, engine) => {
    const words = searchWords(str(q.q), normalizeText);
    return [
      ...oneOf('x.stage', q.stage),
      ...oneOf('x.type', q.type),
      ...(str(q.countryCode) ? [sql<SqlBool>`x.partner_region_id in (select id from regions where country_code = ${q.countryCode as string})`] : []),
      ...linked('x', 'partnership_sectors', 'sector_id', q.sectorId),
      ...eq('x.home_region_id', q.homeRegionId),
      ...homeRegionIn('x.home_region_id', q.homeRegionIds),
      ...eq('x.partner_region_id', q.partnerRegionId),
      ...flagIs('x.illustrative', q.illustrative),
      ...(words.length > 0
        ? [
            sql<SqlBool>`(x.partner_region_id in (select r.id from regions r where ${matchesWords(engine, 'regions', 'r', words)})
              or x.partner_organization_id in (select o.id from organizations o where ${matchesWords(engine, 'organizations', 'o', words)}))`,
          ]
        : []),
    ];
  },
};

const MEETINGS: Listing<Meeting> = {
  table: 'meetings',
  alias: 'm',
  map: meetingMap,
  search: 'meetings',
  sorts: {
    date: { expr: sql.ref('m.date'), nullable: false, kind: 'day' },
    title: { expr: text('m.title'), nullable: false },
    updatedAt: { expr: sql.ref('m.updated_at'), nullable: false, kind: 'instant' },
  },
  conditions: (q) => [
    ...eq('m.partnership_id', q.partnershipId),
    ...partnershipIn('m.partnership_id', q.homeRegionIds),
    ...oneOf('m.kind', q.kind),
    ...linked('m', 'meeting_sectors', 'sector_id', q.sectorId),
    ...(typeof q.year === 'number' ? [sql<SqlBool>`m.date between ${`${q.year}-01-01`} and ${`${q.year}-12-31`}`] : []),
    ...(str(q.from) ? [sql<SqlBool>`m.date >= ${q.from as string}`] : []),
    ...(str(q.to) ? [sql<SqlBool>`m.date <= ${q.to as string}`] : []),
  ],
};

export const LISTINGS = {
  sectors: SECTORS,
  regions: REGIONS,
  organizations: ORGANIZATIONS,
  people: PEOPLE,
  users: USERS,
  partnerships: PARTNERSHIPS,
  meetings: MEETINGS,
} as const;

export type ListingName = keyof typeof LISTINGS;

/** One page of a resource list as GET /api/<resource> answers it. */
export async function listResources<T extends { id: string }>(
  db: Kysely<DB>,
  engine: Engine,
  name: ListingName,
  query: Query,
  /** `skipTotal`: after the first page of an export, the total is not counted again. */
  page: { limit: number; cursor?: string | undefined; skipTotal?: boolean },
): Promise<Page<T> | 'invalidCursor'> {
  const listing = LISTINGS[name] as unknown as Listing<T>;
  const words = searchWords(str(query.q), normalizeText);
  const where = [
    ...listing.conditions(query, engine),
    ...oneOf(`${listing.alias}.id`, query.id),
    ...(listing.search && words.length > 0 ? [matchesWords(engine, listing.search, listing.alias, words)] : []),
  ];
  const found = await pageOfRows(db, listing, where, query.sort, page);
  if (found === 'invalidCursor') return found;
  return { items: await hydrate(db, listing.map, found.rows), total: found.total, nextCursor: found.nextCursor };
}
