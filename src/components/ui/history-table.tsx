import type { ReactNode } from 'react';
import { DataTable } from './data-table';

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
      <DataTable caption={title} noCaption columns={columns.map((column) => column.header)}>
        {[...entries].reverse().map((entry, i) => (
          <tr key={`${entry.at}-${i}`}>
            {columns.map((column) => (
              <td key={column.header} className={column.nowrap ? 'nowrap' : undefined}>
                {column.cell(entry)}
              </td>
            ))}
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
