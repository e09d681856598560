import type { Hono } from 'hono';
import Papa from 'papaparse';
import { z } from 'zod';
import { addDays, HOME_TIME_ZONE, type IsoDate } from '../../src/domain/dates';
import type { FollowUpStatus, Priority } from '../../src/domain/follow-up';
import { regionLabel, type RegionLevel } from '../../src/domain/region';
import type { ApiDeps } from '../context';
import { parseWith, searchParamsToObject } from '../http';
import { ProblemError } from '../problem';
import { FOLLOW_UP_SORTS, listFollowUps, type FollowUpListItem } from '../db/follow-up-list';
import { hydrate, regionMap } from '../db/mappers';
import { listArrayKeys, listQuerySchema, type ListQuery } from './crud';
import type { Page } from '../db/lists';
import { FOLLOW_UP_ARRAY_KEYS, FOLLOW_UP_DEFAULT_SORT, FOLLOW_UP_FILTERS, type FollowUpQuery } from './follow-ups';
import { sql, type Expression, type SqlBool } from 'kysely';
import ical, { foldLines, ICalCalendarMethod, ICalEventStatus, ICalEventTransparency } from 'ical-generator';

/**
 * GET /follow-ups/export.csv and /follow-ups/export.ics: every follow-up the list endpoint would
 * find for the same filters, in the same order, never paged. `lang` (id, the default, or en)
 * picks the column headers and the words for statuses, priorities and region levels.
 *
 * Neither ever blocks the server: the answer is a stream read EXPORT_CHUNK_ROWS rows at a time
 * and written EXPORT_RENDER_ROWS rows at a time, and between those the event loop serves other
 * requests (a 20,000-row calendar used to hold every other request for ten seconds; with 100
 * events written at once, a list request still waited about 15 ms behind each of its steps). At most EXPORT_MAX_ROWS rows: a filter that selects
 * more gets 422 `/problems/export-too-large`, before anything is written.
 */
export const EXPORT_MAX_ROWS = 50_000;
export const EXPORT_CHUNK_ROWS = 100;
export const EXPORT_RENDER_ROWS = 20;

export const exportTooLarge = (total: number, max: number) =>
  new ProblemError({
    type: '/problems/export-too-large',
    title: 'This export would be too large. Narrow the filter and try again.',
    detail: `The filter selects ${total} rows; an export holds at most ${max}.`,
    status: 422,
  });

/** Lets the event loop run other work (I/O, timers, other requests) before going on. */
function nextTurn(): Promise<void> {
  return new Promise((next) => (typeof setImmediate === 'function' ? setImmediate(next) : setTimeout(next, 0)));
}

/**
 * A UTF-8 stream of `head`, then `render` of the items `next` reads (a page of the database's
 * list at a time, after the previous one's cursor), EXPORT_RENDER_ROWS items per call with a turn
 * of the event loop before each, then `tail`. Pulled: nothing is read or rendered ahead of what the client (or
 * the compressor) takes.
 */
export function chunkedStream<T>(
  next: () => Promise<readonly T[] | undefined>,
  head: string,
  render: (chunk: readonly T[]) => string,
  tail = '',
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let started = false;
  let pending: readonly T[] = [];
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(head));
          return;
        }
        await nextTurn();
        if (pending.length === 0) {
          const page = await next();
          if (!page) {
            if (tail) controller.enqueue(encoder.encode(tail));
            controller.close();
            return;
          }
          pending = page;
        }
        const slice = pending.slice(0, EXPORT_RENDER_ROWS);
        pending = pending.slice(EXPORT_RENDER_ROWS);
        controller.enqueue(encoder.encode(render(slice)));
      },
    },
    { highWaterMark: 1 },
  );
}

/** Reads a list page after page, each after the previous page's cursor; undefined at the end. */
export function pager<T>(read: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>) {
  let cursor: string | undefined;
  let done = false;
  return async (): Promise<T[] | undefined> => {
    if (done) return undefined;
    const page = await read(cursor);
    if (page.nextCursor === null) done = true;
    else cursor = page.nextCursor;
    return page.items.length > 0 || !done ? page.items : undefined;
  };
}

export const EXPORT_LANGS = ['id', 'en'] as const;
export type ExportLang = (typeof EXPORT_LANGS)[number];

type Labels = {
  columns: Record<(typeof COLUMNS)[number], string>;
  status: Record<FollowUpStatus, string>;
  priority: Record<Priority, string>;
  level: Record<RegionLevel, string>;
  calendar: string;
  productId: string;
};

const COLUMNS = [
  'id',
  'title',
  'status',
  'priority',
  'partnership',
  'owner',
  'dueDate',
  'sectors',
  'meetings',
  'created',
  'updated',
] as const;

/** The server cannot import the UI's i18n; these words match src/i18n/locales (enums, columns). */
const LABELS: Record<ExportLang, Labels> = {
  id: {
    columns: {
      id: 'ID',
      title: 'Judul',
      status: 'Status',
      priority: 'Prioritas',
      partnership: 'Kemitraan',
      owner: 'Penanggung jawab',
      dueDate: 'Tenggat',
      sectors: 'Sektor',
      meetings: 'Jumlah pertemuan',
      created: 'Dibuat',
      updated: 'Diperbarui',
    },
    status: {
      open: 'Terbuka',
      'in-progress': 'Sedang berjalan',
      blocked: 'Terhambat',
      done: 'Selesai',
      cancelled: 'Dibatalkan',
    },
    priority: { low: 'Rendah', normal: 'Sedang', high: 'Tinggi' },
    level: { regency: 'Kabupaten', city: 'Kota', province: 'Provinsi', country: 'Negara' },
    calendar: 'Mitra: tindak lanjut',
    productId: '//Mitra//Tindak lanjut//ID',
  },
  en: {
    columns: {
      id: 'ID',
      title: 'Title',
      status: 'Status',
      priority: 'Priority',
      partnership: 'Partnership',
      owner: 'Owner',
      dueDate: 'Due date',
      sectors: 'Sectors',
      meetings: 'Meetings',
      created: 'Created',
      updated: 'Updated',
    },
    status: {
      open: 'Open',
      'in-progress': 'In progress',
      blocked: 'Blocked',
      done: 'Done',
      cancelled: 'Cancelled',
    },
    priority: { low: 'Low', normal: 'Normal', high: 'High' },
    level: { regency: 'Regency', city: 'City', province: 'Province', country: 'Country' },
    calendar: 'Mitra: follow-ups',
    productId: '//Mitra//Follow-ups//EN',
  },
};

// ---------------------------------------------------------------------------------------------
// Pure helpers

/**
 * A spreadsheet runs a cell that starts with = + - or @ (and, in some, tab, CR or NUL) as a
 * formula: `=HYPERLINK(...)` in a title would run on the machine of whoever opens the export.
 * Prefixing a single quote makes it text (OWASP "CSV Injection", ASVS 1.2.10). Only the first
 * character matters: "tindak-lanjut" and "a=b" are left as they are.
 */
export function neutralizeCsvCell(value: string): string {
  return /^[=+\-@\t\r\0]/.test(value) ? `'${value}` : value;
}

/**
 * RFC 4180 CSV with a UTF-8 byte order mark (so Excel reads "Penanggung jawab", 滨州市 and
 * accents right), CRLF line ends, quotes only where needed and doubled inside; every cell,
 * header included, neutralised against formula injection.
 */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const cells = (row: readonly string[]) => row.map(neutralizeCsvCell);
  const body = Papa.unparse([cells(header), ...rows.map(cells)], {
    newline: '\r\n',
    delimiter: ',',
    quoteChar: '"',
    escapeChar: '"',
    quotes: false,
    header: false,
  });
  return `\uFEFF${body}\r\n`;
}

/** CSV records for rows after the header (same quoting and neutralising as toCsv), each ending CRLF. */
export function csvRows(rows: ReadonlyArray<readonly string[]>): string {
  if (rows.length === 0) return '';
  const body = Papa.unparse(
    rows.map((row) => row.map(neutralizeCsvCell)),
    { newline: '\r\n', delimiter: ',', quoteChar: '"', escapeChar: '"', quotes: false, header: false },
  );
  return `${body}\r\n`;
}

/**
 * Text for an iCalendar TEXT value before the library escapes it (\\ ; , and newlines): a lone
 * CR becomes a newline (the library only escapes LF and CRLF, and a raw CR could end the line
 * for a lenient reader), other control characters but tab are dropped (RFC 5545 forbids them).
 */
export function icsText(value: string): string {
  return [...value.replace(/\r\n?/g, '\n')].filter((char) => !isForbiddenControl(char.charCodeAt(0))).join('');
}

/** C0 controls but tab and newline, and DEL: not allowed in iCalendar text. */
function isForbiddenControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a) || code === 0x7f;
}

const lineBytes = new TextEncoder();

/**
 * RFC 5545 3.1 folding by the library, asked only for the lines that need it: its folder measures
 * every character with a new TextEncoder, which made a chunk of 100 events five times slower to
 * write (≈ 220 ms against 42 ms, under load) and held the event loop; most lines are short.
 */
function foldLongLines(text: string): string {
  return text
    .split('\r\n')
    .map((line) => (fitsOnOneLine(line) ? line : foldLines(line)))
    .join('\r\n');
}

const ASCII = /^[\u0000-\u007f]*$/u; // eslint-disable-line no-control-regex -- the ASCII range is the point

/**
 * Whether a content line is at most 75 octets, measured without encoding it where its length
 * alone tells (a UTF-16 unit is 1 to 3 octets in UTF-8): encoding every line of a 20,000-event
 * calendar took a quarter of its export's time on the server.
 */
function fitsOnOneLine(line: string): boolean {
  if (line.length > 75) return false;
  if (line.length * 3 <= 75 || ASCII.test(line)) return true;
  return lineBytes.encode(line).length <= 75;
}

/** A calendar day as the UTC midnight that starts it (an all-day event's date is written from it). */
function utcDay(iso: IsoDate): Date {
  return new Date(`${iso}T00:00:00Z`);
}

let homeDay: Intl.DateTimeFormat | undefined;

/**
 * A stored timestamp as the date it was in the home time zone (Asia/Jakarta), as `todayIn` tells
 * it, with one formatter for the whole export (a new one per cell is slow at 50,000 rows).
 */
export function homeDate(timestamp: string): IsoDate {
  homeDay ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: HOME_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const parts = homeDay.formatToParts(new Date(timestamp));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

function exportFileName(deps: ApiDeps, extension: 'csv' | 'ics'): string {
  return `mitra-tindak-lanjut-${deps.today()}.${extension}`;
}

// ---------------------------------------------------------------------------------------------

type Item = FollowUpListItem;

/** Resolves names (owner, partner, sectors) once per request, not once per row: reference data is small. */
async function namer(deps: ApiDeps, lang: ExportLang) {
  const { db } = deps.store;
  const labels = LABELS[lang];
  const [users, sectors, partnerships, regions, organizations] = await Promise.all([
    db.selectFrom('users').select(['id', 'name']).execute(),
    db.selectFrom('sectors').select(['id', 'name_id', 'name_en']).execute(),
    db.selectFrom('partnerships').select(['id', 'partner_region_id', 'partner_organization_id']).execute(),
    db.selectFrom('regions').selectAll().execute().then((rows) => hydrate(db, regionMap, rows as Array<Record<string, unknown>>)),
    db.selectFrom('organizations').select(['id', 'name']).execute(),
  ]);
  const userName = new Map(users.map((u) => [u.id, u.name]));
  const sectorName = new Map(sectors.map((s) => [s.id, lang === 'en' ? s.name_en : s.name_id]));
  const regionById = new Map(regions.map((r) => [r.id, r]));
  const organizationName = new Map(organizations.map((o) => [o.id, o.name]));
  const partnershipLabel = new Map(
    partnerships.map((p) => {
      const region = p.partner_region_id ? regionById.get(p.partner_region_id) : undefined;
      const organization = p.partner_organization_id ? organizationName.get(p.partner_organization_id) : undefined;
      return [p.id, region ? regionLabel(region, (level) => labels.level[level], lang) : (organization ?? p.id)];
    }),
  );
  return {
    labels,
    /** Empty for an item not yet assigned. */
    owner: (f: Item) => (f.ownerId === undefined ? '' : (userName.get(f.ownerId) ?? f.ownerId)),
    partnership: (f: Item) => partnershipLabel.get(f.partnershipId) ?? f.partnershipId,
    sectors: (f: Item) => f.sectorIds.map((id) => sectorName.get(id) ?? id).join('; '),
  };
}

type ReadPage = { limit: number; cursor?: string | undefined; skipTotal?: boolean };

/**
 * What a CSV export of a list needs: the list's own filters and sorts (its query, less paging,
 * plus `lang`) and its reader, the same function the list endpoint pages with (the user's home
 * governments' records only: each reader narrows by `deps.scope`).
 */
export type ListExport<T, Q> = {
  filters: z.ZodRawShape;
  arrayKeys?: readonly string[];
  sorts: readonly string[];
  defaultSort: string;
  read: (query: ListQuery<Q>, page: ReadPage, request: Request, extra: Expression<SqlBool>[]) => Promise<Page<T> | 'invalidCursor'>;
};

/**
 * Reads an export's request: its query as the list's (400 naming a bad filter), the total first
 * (refused over the cap before anything is written), then page after page as the stream is read.
 */
export function exportSelector<T, Q>(deps: ApiDeps, list: ListExport<T, Q>) {
  const querySchema = listQuerySchema(list.filters, list.sorts, list.defaultSort)
    .omit({ limit: true, cursor: true })
    .extend({ lang: z.enum(EXPORT_LANGS, { error: 'invalidOption' }).default('id') });
  const arrayKeys = listArrayKeys(list);
  const max = deps.exportMaxRows ?? EXPORT_MAX_ROWS;
  return async (request: Request, extra: Expression<SqlBool>[] = []) => {
    const { lang, ...query } = parseWith(querySchema, searchParamsToObject(new URL(request.url), arrayKeys)) as ListQuery<Q> & { lang: ExportLang };
    const read = (page: ReadPage) =>
      list.read(query as ListQuery<Q>, page, request, extra).then((found) => {
        if (found === 'invalidCursor') throw new Error('unreachable: the export walks its own cursors');
        return found;
      });
    const { total } = await read({ limit: 1 });
    if (total > max) throw exportTooLarge(total, max);
    return { lang, next: pager((cursor) => read({ limit: EXPORT_CHUNK_ROWS, cursor, skipTotal: true })) };
  };
}

/**
 * A streamed CSV download: the byte order mark and the header first, then the rows a chunk at a
 * time. Private data: `no-store` (as every API answer by default, server/app.ts), said here too.
 */
export function csvDownload<T>(next: () => Promise<readonly T[] | undefined>, header: readonly string[], row: (item: T) => string[], fileName: string): Response {
  return new Response(
    chunkedStream(next, toCsv(header, []), (chunk) => csvRows(chunk.map(row))),
    {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${fileName}"`,
        'cache-control': 'no-store',
      },
    },
  );
}

/** The follow-up list as an export reads it (with the calendar's extra condition). */
const FOLLOW_UP_EXPORT = (deps: ApiDeps): ListExport<Item, FollowUpQuery> => ({
  filters: FOLLOW_UP_FILTERS,
  arrayKeys: FOLLOW_UP_ARRAY_KEYS,
  sorts: FOLLOW_UP_SORTS,
  defaultSort: FOLLOW_UP_DEFAULT_SORT,
  // Only the user's home governments' follow-ups (server/db/scope.ts).
  read: async (query, page, request, extra) =>
    listFollowUps(deps.store.db, deps.store.engine, { ...query, homeRegionIds: await deps.scope(request, query.homeRegionId) }, page, deps.today(), undefined, extra),
});

export function registerExports(app: Hono, deps: ApiDeps): void {
  const select = exportSelector(deps, FOLLOW_UP_EXPORT(deps));

  app.get('/follow-ups/export.csv', async (c) => {
    const { next, lang } = await select(c.req.raw);
    const names = await namer(deps, lang);
    const { labels } = names;
    const row = (f: Item) => [
      f.id,
      f.title,
      labels.status[f.status],
      labels.priority[f.priority],
      names.partnership(f),
      names.owner(f),
      f.dueDate ?? '',
      names.sectors(f),
      String(f.meetingIds.length),
      homeDate(f.createdAt),
      homeDate(f.updatedAt),
    ];
    return csvDownload(next, COLUMNS.map((column) => labels.columns[column]), row, exportFileName(deps, 'csv'));
  });

  app.get('/follow-ups/export.ics', async (c) => {
    // A calendar holds the follow-ups with a due date.
    const { next, lang } = await select(c.req.raw, [sql<SqlBool>`f.due_date is not null`]);
    const names = await namer(deps, lang);
    const { labels } = names;
    const stamp = deps.now();
    // The calendar's own lines come from ical-generator; the events are written between its head
    // and its END line, a chunk at a time, each chunk escaped and folded by the same library.
    const calendar = ical({ prodId: labels.productId, name: labels.calendar, method: ICalCalendarMethod.PUBLISH, scale: 'GREGORIAN' });
    const whole = calendar.toString();
    const end = whole.lastIndexOf('END:VCALENDAR');
    const render = (chunk: readonly Item[]): string => {
      const events = ical();
      for (const f of chunk) {
        const due = f.dueDate as IsoDate;
        events.createEvent({
          // Stable, so a re-import updates the same events instead of adding copies.
          id: `${f.id}@mitra`,
          sequence: f.version,
          stamp,
          lastModified: new Date(f.updatedAt),
          summary: icsText(f.title),
          description: icsText(
            [
              `${labels.columns.status}: ${labels.status[f.status]}`,
              `${labels.columns.owner}: ${names.owner(f)}`,
              `${labels.columns.partnership}: ${names.partnership(f)}`,
            ].join('\n'),
          ),
          // An all-day event on the due date: DTEND is the (exclusive) next day.
          allDay: true,
          start: utcDay(due),
          end: utcDay(addDays(due, 1)),
          // A deadline, not an appointment: it does not make anyone busy.
          transparency: ICalEventTransparency.TRANSPARENT,
          status: f.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
        });
      }
      return foldLongLines(events.events().map((event) => event.toString()).join(''));
    };
    return new Response(chunkedStream(next, whole.slice(0, end), render, `${whole.slice(end)}\r\n`), {
      headers: {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': `attachment; filename="${exportFileName(deps, 'ics')}"`,
      },
    });
  });
}
