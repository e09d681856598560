import type { ReactNode } from 'react';
import { TableScroll } from './table-scroll';

type HistoryColumn<T> = { header: string; cell: (entry: T) => ReactNode; nowrap?: boolean };

type HistoryTableProps<T> = {
  /** The heading's id, which names the section. */
  id: string;
  title: string;
  /** Oldest first, as stored; shown newest first. */
  entries: readonly T[];
  columns: Array<HistoryColumn<T>>;
};

/** A titled table of recorded changes (a follow-up's events, a partnership's stages), newest first. */
export function HistoryTable<T extends { at: string }>({ id, title, entries, columns }: HistoryTableProps<T>) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <TableScroll label={title}>
        <table className="table">
          <thead>
            <tr>
              {columns.map((column) => (
                <th scope="col" key={column.header}>
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[...entries].reverse().map((entry, i) => (
              <tr key={`${entry.at}-${i}`}>
                {columns.map((column) => (
                  <td key={column.header} className={column.nowrap ? 'nowrap' : undefined}>
                    {column.cell(entry)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
