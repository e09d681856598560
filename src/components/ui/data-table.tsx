import type { ReactNode } from 'react';
import type { Partnership } from '@/domain/partnership';
import { TableScroll } from './table-scroll';

/** What a table of a partnership's records (follow-ups, meetings) is given. */
export type PartnershipRecordsProps<T> = {
  items: T[];
  /** The partnerships, to name each row's (by id). */
  partnerships?: ReadonlyMap<string, Partnership>;
  caption: string;
  /** Hide the partnership column where the page is already about one partnership. */
  showPartnership?: boolean;
};

/** A column header: its text, or its text and how the rows are sorted by it; `false` leaves it out. */
export type DataColumn = string | { label: string; key?: string; sort?: 'ascending' | 'descending'; className?: string } | false;

type DataTableProps = {
  /** Names the table (a hidden caption) and its scroll region. */
  caption: string;
  /** Where a heading already names the table (the region keeps the name). */
  noCaption?: boolean;
  columns: readonly DataColumn[];
  /** The rows (`<tr>`). */
  children: ReactNode;
};

/** The one shape of every list table: scrolls sideways on narrow screens, a caption, a header row, the rows. */
export function DataTable({ caption, noCaption, columns, children }: DataTableProps) {
  return (
    <TableScroll label={caption}>
      <table className="table">
        {!noCaption && <caption className="visually-hidden">{caption}</caption>}
        <thead>
          <tr>
            {columns.map((column) => {
              if (column === false) return null;
              const { label, key, sort, className } = typeof column === 'string' ? { label: column } : column;
              return (
                <th scope="col" key={key ?? label} aria-sort={sort} className={className}>
                  {label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableScroll>
  );
}
