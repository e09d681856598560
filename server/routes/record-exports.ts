import type { Hono } from 'hono';
import { fieldDef, type ImportResource } from '../../src/domain/import/fields';
import { optionLabel } from '../../src/domain/import/labels';
import { createReferenceMatcher, type Match } from '../../src/domain/import/reference';
import type { Meeting } from '../../src/domain/meeting';
import type { Partnership } from '../../src/domain/partnership';
import type { Person } from '../../src/domain/person';
import { regionLabel } from '../../src/domain/region';
import type { ApiDeps } from '../context';
import { loadReferenceData } from '../db/imports';
import { listResources, LISTINGS, type ListingName } from '../db/listings';
import { csvDownload, exportSelector, homeDate, type ExportLang, type ListExport } from './exports';
import { MEETING_ARRAY_KEYS, MEETING_FILTERS, type MeetingQuery } from './meetings';
import { PARTNERSHIP_ARRAY_KEYS, PARTNERSHIP_FILTERS, type PartnershipQuery } from './partnerships';
import { PEOPLE_FILTERS } from './reference';

/**
 * GET /partnerships/export.csv, /people/export.csv and /meetings/export.csv (issue 14): every
 * record the list finds for the same filters, in its order, streamed as the follow-up export is
 * (server/routes/exports.ts: same cap, chunks, byte order mark, formula neutralising, `lang`).
 *
 * The file is the import's own format, so that export → edit in Excel → import changes only
 * what was edited: the header of each column is the first name the import knows the field by
 * (src/domain/import/fields.ts), options are written with the import's first word
 * (labels.ts), lists are one cell separated by "; ", and a reference (a sector, a partner, an
 * owner) is written by the name the import matches — or by its Mitra id where that name would
 * be ambiguous (two people called "Li Wei") — so every row imports back as "unchanged".
 */

type Column<T> = readonly [field: string, value: (item: T) => string];

/** Names, once per request, as the import reads them back. */
async function names(deps: ApiDeps, lang: ExportLang) {
  const { db } = deps.store;
  const [data, provinces] = await Promise.all([
    loadReferenceData(db),
    db.selectFrom('regions').select(['id', 'province']).where('province', 'is not', null).execute(),
  ]);
  const match = createReferenceMatcher(data);
  const levelWord = (level: Parameters<typeof optionLabel<'level'>>[1]) => optionLabel('level', level, lang);
  const regionById = new Map((data.regions ?? []).map((r) => [r.id, r]));
  const organizationById = new Map((data.organizations ?? []).map((o) => [o.id, o]));
  const province = new Map(provinces.map((p) => [p.id, p.province ?? '']));
  const label = <K extends string>(pairs: ReadonlyArray<{ id: K }>, text: (item: never) => string) =>
    new Map(pairs.map((item) => [item.id, text(item as never)] as const));
  const userName = label(data.users ?? [], (u: { name: string }) => u.name);
  const personName = label(data.people ?? [], (p: { name: string }) => p.name);
  const sectorName = label(data.sectors ?? [], (s: { name: { id: string; en: string } }) => s.name[lang]);
  const regionName = (id: string) => {
    const region = regionById.get(id);
    return region ? regionLabel(region, levelWord, lang) : id;
  };
  const partnershipName = new Map(
    (data.partnerships ?? []).map((p) => {
      const region = p.partnerRegionId ? regionById.get(p.partnerRegionId) : undefined;
      const organization = p.partnerOrganizationId ? organizationById.get(p.partnerOrganizationId) : undefined;
      return [p.id, region ? regionLabel(region, levelWord, lang) : (organization?.name ?? p.id)] as const;
    }),
  );
  /** The name when the import finds this record by it, else the id (which it always finds). */
  const named = (find: (text: string) => Match, text: (id: string) => string | undefined) => (id: string | undefined) => {
    if (id === undefined) return '';
    const name = text(id);
    if (name === undefined) return id;
    const found = find(name);
    return 'id' in found && found.id === id ? name : id;
  };
  const organization = named(match.organization, (id) => organizationById.get(id)?.name);
  /**
   * One cell for a list, as the import splits it (src/domain/import/values.ts parseList): "; "
   * between items, and a lone item with a comma ends with ";" (else the comma would split it).
   */
  const list = (items: readonly string[]) => `${items.join('; ')}${items.length === 1 && items[0]!.includes(',') ? ';' : ''}`;
  return {
    lang,
    list,
    region: named(match.region, regionName),
    organization,
    organizations: (ids: readonly string[]) => list(ids.map(organization)),
    user: named(match.user, (id) => userName.get(id)),
    person: named(match.person, (id) => personName.get(id)),
    partnership: named(match.partnership, (id) => partnershipName.get(id)),
    sectors: (ids: readonly string[]) => list(ids.map(named(match.sector, (id) => sectorName.get(id)))),
    partnerRegion: (id: string) => regionById.get(id),
    province: (id: string) => province.get(id) ?? '',
    country: (code: string) => countryName(code, lang),
  };
}

type Names = Awaited<ReturnType<typeof names>>;

let displayNames: Partial<Record<ExportLang, Intl.DisplayNames | null>> = {};

/** "Tiongkok" / "China" for CN, as the import matches it back; the code where Intl has no name. */
function countryName(code: string, lang: ExportLang): string {
  if (displayNames[lang] === undefined) {
    try {
      displayNames = { ...displayNames, [lang]: new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' }) };
    } catch {
      displayNames = { ...displayNames, [lang]: null };
    }
  }
  try {
    return displayNames[lang]?.of(code) ?? code;
  } catch {
    return code;
  }
}

const date = (value: string | undefined) => value ?? '';

const PARTNERSHIP_COLUMNS = (n: Names): ReadonlyArray<Column<Partnership>> => {
  const region = (p: Partnership) => (p.partnerRegionId ? n.partnerRegion(p.partnerRegionId) : undefined);
  const organization = (p: Partnership) => (p.partnerOrganizationId ? n.organization(p.partnerOrganizationId) : '');
  return [
    ['id', (p) => p.id],
    ['homeRegion', (p) => n.region(p.homeRegionId)],
    ['partnerRegion', (p) => region(p)?.name ?? ''],
    ['partnerLocalName', (p) => region(p)?.localName ?? ''],
    ['partnerLevel', (p) => { const r = region(p); return r ? optionLabel('level', r.level, n.lang) : ''; }],
    ['partnerCountry', (p) => { const r = region(p); return r ? n.country(r.countryCode) : ''; }],
    ['partnerProvince', (p) => (p.partnerRegionId ? n.province(p.partnerRegionId) : '')],
    ['partnerOrganization', organization],
    ['type', (p) => optionLabel('partnershipType', p.type, n.lang)],
    ['stage', (p) => optionLabel('stage', p.stage, n.lang)],
    ['stageDate', (p) => date(p.stageHistory.at(-1)?.date)],
    ['focusSectors', (p) => n.sectors(p.focusSectorIds)],
    ['facilitators', (p) => n.organizations(p.facilitatorIds)],
    ['coordinator', (p) => n.user(p.coordinatorId)],
    ['loiDate', (p) => date(p.agreements.loiDate)],
    ['mouSignedDate', (p) => date(p.agreements.mouSignedDate)],
    ['mouExpiresDate', (p) => date(p.agreements.mouExpiresDate)],
    ['notes', (p) => p.notes ?? ''],
  ];
};

const PERSON_COLUMNS = (n: Names): ReadonlyArray<Column<Person>> => [
  ['id', (p) => p.id],
  ['name', (p) => p.name],
  ['position', (p) => p.position ?? ''],
  ['region', (p) => n.region(p.regionId)],
  ['organization', (p) => n.organization(p.organizationId)],
  ['email', (p) => p.email ?? ''],
  ['phone', (p) => p.phone ?? ''],
];

const MEETING_COLUMNS = (n: Names): ReadonlyArray<Column<Meeting>> => [
  ['id', (m) => m.id],
  ['partnership', (m) => n.partnership(m.partnershipId)],
  ['kind', (m) => optionLabel('meetingKind', m.kind, n.lang)],
  ['title', (m) => m.title],
  ['date', (m) => m.date],
  ['time', (m) => m.time ?? ''],
  ['timeZone', (m) => m.timeZone],
  ['place', (m) => m.place ?? ''],
  ['hostLead', (m) => n.person(m.hostLeadId)],
  ['delegationLead', (m) => n.person(m.delegationLeadId)],
  ['facilitators', (m) => n.organizations(m.facilitatorIds)],
  ['sectors', (m) => n.sectors(m.sectorIds)],
  ['summary', (m) => m.summary ?? ''],
  // One outcome a line: an outcome is a sentence and may hold "; " (the import splits on both).
  ['outcomes', (m) => m.outcomes.join('\n')],
  ['sourceUrl', (m) => m.source?.url ?? ''],
  ['publisher', (m) => m.source?.publisher ?? ''],
];

/** Mitra's own columns the import knows and leaves (worked out by Mitra: fields.ts IGNORED_HEADERS). */
const STAMPS = { id: ['Dibuat', 'Diperbarui'], en: ['Created', 'Updated'] } as const;

const FILE_NAMES: Record<Exclude<ImportResource, 'follow-ups'>, Record<ExportLang, string>> = {
  partnerships: { id: 'mitra-kemitraan', en: 'mitra-partnerships' },
  people: { id: 'mitra-orang', en: 'mitra-people' },
  meetings: { id: 'mitra-pertemuan', en: 'mitra-meetings' },
};

type Stamped = { id: string; createdAt: string; updatedAt: string };

/** A list in SQL (server/db/listings.ts), narrowed to the request's home governments, as the list endpoint reads it. */
function listing<T, Q extends Record<string, unknown>>(deps: ApiDeps, name: ListingName, config: Omit<ListExport<T, Q>, 'read' | 'sorts'>): ListExport<T, Q> {
  return {
    ...config,
    sorts: Object.keys(LISTINGS[name].sorts),
    read: async (query, page, request) =>
      listResources(deps.store.db, deps.store.engine, name, { ...query, homeRegionIds: await deps.scope(request, (query as { homeRegionId?: string }).homeRegionId) }, page) as Promise<
        Awaited<ReturnType<ListExport<T, Q>['read']>>
      >,
  };
}

function register<T extends Stamped, Q>(
  app: Hono,
  deps: ApiDeps,
  resource: Exclude<ImportResource, 'follow-ups'>,
  list: ListExport<T, Q>,
  columns: (n: Names) => ReadonlyArray<Column<T>>,
): void {
  const select = exportSelector(deps, list);
  app.get(`/${resource}/export.csv`, async (c) => {
    const { next, lang } = await select(c.req.raw);
    const chosen = columns(await names(deps, lang));
    const header = [...chosen.map(([field]) => fieldDef(resource, field)!.headers[lang][0]!), ...STAMPS[lang]];
    const row = (item: T) => [...chosen.map(([, value]) => value(item)), homeDate(item.createdAt), homeDate(item.updatedAt)];
    return csvDownload(next, header, row, `${FILE_NAMES[resource][lang]}-${deps.today()}.csv`);
  });
}

/** Before the resources' own routes: /partnerships/export.csv must not be taken for /partnerships/:id. */
export function registerRecordExports(app: Hono, deps: ApiDeps): void {
  register(
    app,
    deps,
    'partnerships',
    listing<Partnership, PartnershipQuery>(deps, 'partnerships', { filters: PARTNERSHIP_FILTERS, arrayKeys: PARTNERSHIP_ARRAY_KEYS, defaultSort: 'partner' }),
    PARTNERSHIP_COLUMNS,
  );
  // People are reference data: the list narrows them itself (no government filter of its own).
  register(app, deps, 'people', listing<Person, { regionId?: string; organizationId?: string }>(deps, 'people', { filters: PEOPLE_FILTERS, defaultSort: 'name' }), PERSON_COLUMNS);
  register(
    app,
    deps,
    'meetings',
    listing<Meeting, MeetingQuery>(deps, 'meetings', { filters: MEETING_FILTERS, arrayKeys: MEETING_ARRAY_KEYS, defaultSort: '-date' }),
    MEETING_COLUMNS,
  );
}
