import type { Hono } from 'hono';
import { createEventsAsync, type DateArray, type EventAttributes } from 'ics';
import Papa from 'papaparse';
import { z } from 'zod';
import { addDays, HOME_TIME_ZONE, type IsoDate } from '../../src/domain/dates';
import type { FollowUp, FollowUpStatus, Priority } from '../../src/domain/follow-up';
import { regionLabel, type RegionLevel } from '../../src/domain/region';
import type { ApiDeps } from '../context';
import { parseWith, searchParamsToObject } from '../http';
import { listArrayKeys, listQuerySchema, selectItems, type ListQuery } from './crud';
import { followUpListing, type FollowUpQuery } from './follow-ups';

/**
 * GET /follow-ups/export.csv and /follow-ups/export.ics: every follow-up the list endpoint would
 * find for the same filters, in the same order, never paged. `lang` (id, the default, or en)
 * picks the column headers and the words for statuses, priorities and region levels.
 */

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
    productId: '-//Mitra//Tindak lanjut//ID',
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
    productId: '-//Mitra//Follow-ups//EN',
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

function dateArray(iso: IsoDate): DateArray {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return [year, month, day];
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

type ExportQuery = ListQuery<FollowUpQuery> & { lang: ExportLang };

/** Resolves names (owner, partner, sectors) once per request, not once per row. */
function namer(deps: ApiDeps, lang: ExportLang) {
  const { store } = deps;
  const labels = LABELS[lang];
  const partnerships = new Map<string, string>();
  return {
    labels,
    owner: (f: FollowUp) => store.users.get(f.ownerId)?.name ?? f.ownerId,
    partnership(f: FollowUp): string {
      let label = partnerships.get(f.partnershipId);
      if (label === undefined) {
        const partnership = store.partnerships.get(f.partnershipId);
        const region = partnership?.partnerRegionId
          ? store.regions.get(partnership.partnerRegionId)
          : undefined;
        const organization = partnership?.partnerOrganizationId
          ? store.organizations.get(partnership.partnerOrganizationId)
          : undefined;
        label = region
          ? regionLabel(region, (level) => labels.level[level], lang)
          : (organization?.name ?? f.partnershipId);
        partnerships.set(f.partnershipId, label);
      }
      return label;
    },
    sectors: (f: FollowUp) =>
      f.sectorIds.map((id) => store.sectors.get(id)?.name[lang] ?? id).join('; '),
  };
}

export function registerExports(app: Hono, deps: ApiDeps): void {
  const listing = followUpListing(deps);
  // The list's own query, less paging, plus the language.
  const querySchema = listQuerySchema(
    listing.filters,
    Object.keys(listing.sorts),
    listing.defaultSort,
  )
    .omit({ limit: true, cursor: true })
    .extend({ lang: z.enum(EXPORT_LANGS, { error: 'invalidOption' }).default('id') });
  const arrayKeys = listArrayKeys(listing);

  const select = (request: Request): { items: FollowUp[]; lang: ExportLang } => {
    const url = new URL(request.url);
    const query = parseWith(querySchema, searchParamsToObject(url, arrayKeys)) as ExportQuery;
    return { items: selectItems(listing, query), lang: query.lang };
  };

  app.get('/follow-ups/export.csv', (c) => {
    const { items, lang } = select(c.req.raw);
    const names = namer(deps, lang);
    const { labels } = names;
    const rows = items.map((f) => [
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
    ]);
    return new Response(
      toCsv(
        COLUMNS.map((column) => labels.columns[column]),
        rows,
      ),
      {
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="${exportFileName(deps, 'csv')}"`,
        },
      },
    );
  });

  app.get('/follow-ups/export.ics', async (c) => {
    const { items, lang } = select(c.req.raw);
    const names = namer(deps, lang);
    const { labels } = names;
    const stamp = deps.now().getTime();
    const events = items.flatMap((f): Array<EventAttributes & { timestamp: number }> => {
      if (f.dueDate === undefined) return [];
      const description = [
        `${labels.columns.status}: ${labels.status[f.status]}`,
        `${labels.columns.owner}: ${names.owner(f)}`,
        `${labels.columns.partnership}: ${names.partnership(f)}`,
      ].join('\n');
      return [
        {
          // Stable, so a re-import updates the same events instead of adding copies.
          uid: `${f.id}@mitra`,
          sequence: f.version,
          timestamp: stamp,
          lastModified: Date.parse(f.updatedAt),
          title: icsText(f.title),
          description: icsText(description),
          // An all-day event on the due date: DTEND is the (exclusive) next day.
          start: dateArray(f.dueDate),
          end: dateArray(addDays(f.dueDate, 1)),
          // A deadline, not an appointment: it does not make anyone busy.
          transp: 'TRANSPARENT',
          status: f.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
        },
      ];
    });
    const { error, value } = await createEventsAsync(events, {
      productId: labels.productId,
      calName: labels.calendar,
      method: 'PUBLISH',
    });
    if (error || value === null) throw error ?? new Error('ics produced no calendar');
    return new Response(value, {
      headers: {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': `attachment; filename="${exportFileName(deps, 'ics')}"`,
      },
    });
  });
}
