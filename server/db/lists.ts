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
};

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
  return sql`case ${column} ${sql.join(order.map((value, i) => sql`when ${value} then ${i}`), sql` `)} else ${order.length} end`;
}

export type Page<T> = { items: T[]; total: number; nextCursor: string | null };
