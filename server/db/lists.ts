import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { z } from 'zod';

/**
 * Lists in SQL: filters, text search and sort become one WHERE and one ORDER BY; a page is found
 * by keyset (the last row's sort value and id, in an opaque cursor), never by OFFSET, so page 200
 * costs what page 1 costs and a row inserted meanwhile never shifts a page; `total` is a COUNT of
 * the same WHERE. Rows with no value for the sort come last in either direction; ties go by id.
 */

export type SortColumn = {
  /** The expression rows are ordered by (a column, or a CASE for an enum's rank). */
  expr: RawBuilder<unknown>;
  /** Whether rows can lack a value (they then come last). */
  nullable: boolean;
  /**
   * What the expression's values are (text by default): a cursor's value must be one, or the
   * cursor is not ours (on PostgreSQL a day compared with 'zz' is an error, not an empty page).
   */
  kind?: 'text' | 'number' | 'day' | 'instant';
};

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:Z|[+-]\d{2}:\d{2})$/;

/** Whether a cursor's keyset could have come from a row of this sort (its value's type and form). */
function keysetFits(column: SortColumn, after: Keyset): boolean {
  // No stored text holds U+0000 (PostgreSQL cannot), so a cursor with one was never ours.
  if (after.id.includes('\u0000')) return false;
  const { value } = after;
  if (value === null) return column.nullable;
  switch (column.kind ?? 'text') {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'day':
      return typeof value === 'string' && ISO_DAY.test(value) && !Number.isNaN(Date.parse(value));
    case 'instant':
      return typeof value === 'string' && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value));
    case 'text':
      return typeof value === 'string' && !value.includes('\u0000');
  }
}

export type ParsedSort = { key: string; descending: boolean };

export function parseSort(sort: string): ParsedSort {
  return sort.startsWith('-') ? { key: sort.slice(1), descending: true } : { key: sort, descending: false };
}

/** Where the previous page ended: the sort it was read with, the last row's sort value and id. */
export type Keyset = { sort: string; value: string | number | null; id: string };

const keysetSchema = z.tuple([z.string().max(40), z.union([z.string().max(400), z.number(), z.null()]), z.string().max(100)]);

export function encodeCursor(keyset: Keyset): string {
  const json = JSON.stringify([keyset.sort, keyset.value, keyset.id]);
  return btoa(String.fromCharCode(...new TextEncoder().encode(json)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** The keyset in a cursor, or undefined when it is not one of ours. */
export function decodeCursor(cursor: string): Keyset | undefined {
  try {
    const binary = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
    const json = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
    const parsed = keysetSchema.safeParse(JSON.parse(json));
    if (!parsed.success) return undefined;
    const [sort, value, id] = parsed.data;
    return { sort, value, id };
  } catch {
    return undefined;
  }
}

/**
 * How one page is read, as at most two index-friendly queries: the rows with a value for the
 * sort, in its order (`expr dir, id asc`, served by an index on (expr, id) or (expr desc, id) on
 * either engine, since NULLs are left out), then, when those run out, the rows without one, by
 * id. The two engines place NULLs at opposite ends of an index; asking for them apart makes the
 * order the same everywhere and keeps every query on an index.
 */
export type PagePart = { where: Expression<SqlBool>[]; order: RawBuilder<unknown> };

export function pageParts(column: SortColumn, descending: boolean, id: RawBuilder<unknown>, after: Keyset | undefined): PagePart[] {
  const direction = descending ? sql`desc` : sql`asc`;
  const beyond = descending ? sql`<` : sql`>`;
  const withValue: PagePart = {
    where: [
      ...(column.nullable ? [sql<SqlBool>`${column.expr} is not null`] : []),
      ...(after && after.value !== null
        ? [sql<SqlBool>`(${column.expr} ${beyond} ${after.value} or (${column.expr} = ${after.value} and ${id} > ${after.id}))`]
        : []),
    ],
    order: sql`${column.expr} ${direction}, ${id} asc`,
  };
  const withoutValue: PagePart = {
    // Only a cursor that ended among these rows limits them; one that ended among the rows with
    // a value means all of these are still to come.
    where: [sql<SqlBool>`${column.expr} is null`, ...(after && after.value === null ? [sql<SqlBool>`${id} > ${after.id}`] : [])],
    order: sql`${id} asc`,
  };
  if (!column.nullable) return [withValue];
  // A cursor among the rows without a value goes on with those only.
  return after && after.value === null ? [withoutValue] : [withValue, withoutValue];
}

/** Query text → the words every match must contain, normalised as stored texts are. */
export function searchWords(q: string | undefined, normalize: (text: string) => string): string[] {
  return q ? normalize(q).split(/\s+/).filter(Boolean) : [];
}

/** A CASE giving each value its rank in a fixed order (statuses, priorities, stages). */
export function rankOf(column: RawBuilder<unknown>, order: readonly string[]): RawBuilder<unknown> {
  // A sort by rank is `kind: 'number'` (SortColumn). The ranks are integer literals, not
  // parameters: PostgreSQL types a CASE of untyped parameters as text, so the rank came back as
  // '0' and a next-page cursor holding it was refused as not a number.
  return sql`case ${column} ${sql.join(order.map((value, i) => sql`when ${value} then ${sql.lit(i)}`), sql` `)} else ${sql.lit(order.length)} end`;
}

export type Page<T> = { items: T[]; total: number; nextCursor: string | null };

// ---------------------------------------------------------------------------------------------
// One runner for every list

type Row = Record<string, unknown>;
type Executor = Parameters<RawBuilder<unknown>['execute']>[0];

export type ListSpec = {
  table: string;
  /** The alias the conditions and sorts use for the table (f for follow_ups…). */
  alias: string;
  sorts: Record<string, SortColumn>;
};

export const conjunction = (conditions: Expression<SqlBool>[]) =>
  conditions.length === 0 ? sql<SqlBool>`1 = 1` : sql<SqlBool>`${sql.join(conditions, sql` and `)}`;

export const inList = (column: string, values: readonly string[]) => sql<SqlBool>`${sql.ref(column)} in (${sql.join(values)})`;

/**
 * One page of rows of `spec.table` matching `where`, in the order of `sort`, after the cursor;
 * with the total of rows matching `where` and the next page's cursor. The rows are the table's
 * own (the caller hydrates them into resources).
 */
export async function pageOfRows(
  db: Executor,
  spec: ListSpec,
  where: Expression<SqlBool>[],
  sort: string,
  page: { limit: number; cursor?: string | undefined; skipTotal?: boolean },
): Promise<{ rows: Row[]; total: number; nextCursor: string | null } | 'invalidCursor'> {
  const { key } = parseSort(sort);
  const column = spec.sorts[key];
  if (!column) throw new Error(`unknown sort ${sort} for ${spec.table}`);
  return pageByKeyset(db, {
    from: sql`${sql.table(spec.table)} as ${sql.table(spec.alias)}`,
    select: sql`${sql.table(spec.alias)}.*`,
    id: sql.ref(`${spec.alias}.id`),
    column,
    where,
    sort,
    page,
  });
}

/**
 * The keyset runner behind pageOfRows, for any FROM: `select` picks what each row returns (it
 * must include the id as `id`), `id` and `column` are the tie-breaker and the sort as that FROM
 * names them. A list can so read its page from an index-only table (a follow-up's sector links)
 * and fetch the page's rows by id afterwards; cursors are the same as pageOfRows' for the sort.
 */
export async function pageByKeyset(
  db: Executor,
  source: {
    from: RawBuilder<unknown>;
    select: RawBuilder<unknown>;
    id: RawBuilder<unknown>;
    column: SortColumn;
    where: Expression<SqlBool>[];
    sort: string;
    page: { limit: number; cursor?: string | undefined; skipTotal?: boolean };
  },
): Promise<{ rows: Row[]; total: number; nextCursor: string | null } | 'invalidCursor'> {
  const { from, select, id, column, where, sort, page } = source;
  const { descending } = parseSort(sort);
  const after = page.cursor === undefined ? undefined : decodeCursor(page.cursor);
  if (page.cursor !== undefined && (!after || after.sort !== sort || !keysetFits(column, after))) return 'invalidCursor';
  // A walk through every page (an export) counts once, not once per page.
  const count = page.skipTotal
    ? Promise.resolve({ rows: [{ total: -1 }] })
    : sql<{ total: number }>`select count(*) as total from ${from} where ${conjunction(where)}`.execute(db);
  const rows: Row[] = [];
  for (const part of pageParts(column, descending, id, after)) {
    const wanted = page.limit + 1 - rows.length;
    if (wanted <= 0) break;
    const result = await sql<Row>`select ${select}, ${column.expr} as sort_value from ${from}
      where ${conjunction([...where, ...part.where])} order by ${part.order} limit ${wanted}`.execute(db);
    rows.push(...result.rows);
  }
  const more = rows.length > page.limit;
  const shown = more ? rows.slice(0, page.limit) : rows;
  const last = shown.at(-1);
  const value = last?.sort_value;
  return {
    rows: shown.map(({ sort_value: _sortValue, ...row }) => row),
    total: Number((await count).rows[0]?.total ?? 0),
    nextCursor:
      more && last
        ? encodeCursor({ sort, value: value === null || value === undefined ? null : typeof value === 'number' ? value : String(value), id: last.id as string })
        : null,
  };
}
