import { useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TableScroll } from '@/components/ui/table-scroll';
import { saveFile } from '@/lib/save-file';

export type ChartTable = {
  columns: string[];
  rows: Array<{
    label: string;
    cells: Array<{ text: string; href?: string; value: number | string }>;
  }>;
};

type ChartCardProps = {
  title: string;
  /** The summary and the table, once the data is in (until then the card keeps their room). */
  summary?: string;
  table?: ChartTable;
  fileName: string;
  /** The figure's height in px, the same before the data as after: nothing below moves. */
  height: number;
  /** Shown in the figure's frame instead of the chart: loading, or the error with its retry. */
  state?: ReactNode;
  children: ReactNode;
  note?: string;
};

/** Cells that a spreadsheet would run as formulas get a leading apostrophe (OWASP). */
const safe = (value: string | number) =>
  typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;

/**
 * One chart with everything around it: a heading, a one-line summary in words, the same numbers
 * as a table (with a link per number to the list behind it), and downloads of the data (CSV)
 * and of the picture (SVG).
 */
export function ChartCard({
  title,
  summary,
  table,
  fileName,
  height,
  state,
  children,
  note,
}: ChartCardProps) {
  const { t } = useTranslation();
  const id = useId();
  const figure = useRef<HTMLDivElement>(null);

  // The CSV writer loads on the first download, not with the dashboard.
  const handleCsv = async () => {
    if (!table) return;
    const { unparse } = await import('papaparse');
    const csv = unparse({
      fields: table.columns.map((c) => String(safe(c))),
      data: table.rows.map((r) => [safe(r.label), ...r.cells.map((c) => safe(c.value))]),
    });
    saveFile(`${fileName}.csv`, new Blob([`\uFEFF${csv}\r\n`], { type: 'text/csv;charset=utf-8' }));
  };
  const handleSvg = () => {
    const svg = figure.current?.querySelector('svg.recharts-surface');
    if (!svg) return;
    const copy = svg.cloneNode(true) as SVGElement;
    copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
    saveFile(
      `${fileName}.svg`,
      new Blob([new XMLSerializer().serializeToString(copy)], { type: 'image/svg+xml' }),
    );
  };

  return (
    <section className="chart-card" aria-labelledby={`${id}-title`} aria-busy={table ? undefined : true}>
      <h2 id={`${id}-title`} className="chart-card__title">
        {title}
        {note && (
          <>
            {' '}
            <span className="hint">({note})</span>
          </>
        )}
      </h2>
      <p className="chart-card__summary">{summary ?? '\u00a0'}</p>
      <div ref={figure} className="chart-card__figure" style={{ height }}>
        {state ?? children}
      </div>
      {/* The table's disclosure and the downloads are there before the data too: the same height. */}
      <details className="details chart-card__table">
        <summary className="details__summary">{t('charts.showTable')}</summary>
        {table && (
          <TableScroll label={title}>
            <table className="table table--numeric">
              <caption className="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  {table.columns.map((c) => (
                    <th scope="col" key={c}>
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row) => (
                  <tr key={row.label}>
                    <th scope="row">{row.label}</th>
                    {row.cells.map((cell, i) => (
                      <td key={i}>
                        {cell.href ? <Link to={cell.href}>{cell.text}</Link> : cell.text}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </details>
      <p className="chart-card__downloads no-print">
        <button
          type="button"
          className="button button--link button--small"
          onClick={() => void handleCsv()}
          disabled={!table}
        >
          {t('charts.downloadCsv')}
        </button>{' '}
        <button
          type="button"
          className="button button--link button--small"
          onClick={handleSvg}
          disabled={!table}
        >
          {t('charts.downloadSvg')}
        </button>
      </p>
    </section>
  );
}
