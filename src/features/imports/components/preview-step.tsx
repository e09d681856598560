import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '@/components/ui/data-table';
import type { ImportDetail, ImportRowOutcome } from '@/domain/import/api';
import type { CellError } from '@/domain/import/problems';
import { useFormat } from '@/lib/use-format';
import { cellDomId, cellErrorMessage, cellErrorSummary, fieldLabel } from '../messages';

/** The error summary lists this many problems; the errors file has them all. */
const SUMMARY_MAX = 50;

const OUTCOME_TAG: Record<ImportRowOutcome, string> = {
  create: 'tag--green',
  update: 'tag--blue',
  unchanged: 'tag--grey',
  error: 'tag--red',
};

type Props = {
  detail: ImportDetail;
  busy: boolean;
  onCommit: (skipInvalid: boolean) => void;
  onRestart: () => void;
  onMapping: () => void;
  onDownloadErrors: () => void;
};

/** Step 3: what each row would do, the problems per cell, and the choice of how to go on. */
export function PreviewStep({
  detail,
  busy,
  onCommit,
  onRestart,
  onMapping,
  onDownloadErrors,
}: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const summaryRef = useRef<HTMLDivElement>(null);
  const fields = useMemo(
    () =>
      detail.mapping.filter((entry) => entry.field !== null).map((entry) => entry.field as string),
    [detail.mapping],
  );
  const previewed = useMemo(() => new Set(detail.preview.map((row) => row.row)), [detail.preview]);
  const errorsByCell = useMemo(() => {
    const map = new Map<string, CellError[]>();
    for (const error of detail.errors) {
      const key = cellDomId(error.row, error.column === null ? null : error.field);
      map.set(key, [...(map.get(key) ?? []), error]);
    }
    return map;
  }, [detail.errors]);
  const counts = useMemo(() => {
    const tally: Record<ImportRowOutcome, number> = {
      create: 0,
      update: 0,
      unchanged: 0,
      error: 0,
    };
    for (const row of detail.preview) tally[row.outcome] += 1;
    // The preview holds the first rows only: the file's whole count of errors is the API's.
    tally.error = detail.invalid;
    return tally;
  }, [detail.preview, detail.invalid]);
  const errorRows = detail.invalid;
  // New partnerships the file gives no start date (among the rows previewed): they start today.
  const startsToday = detail.preview.filter((row) => row.notes?.includes('startsToday')).length;

  // The summary takes the focus when the preview opens with problems (GOV.UK).
  useEffect(() => {
    if (errorRows > 0) summaryRef.current?.focus();
  }, [detail.id, errorRows]);

  const summaryErrors = detail.errors.slice(0, SUMMARY_MAX);
  const more = detail.errorsTotal - summaryErrors.length;
  const jump = (event: React.MouseEvent<HTMLAnchorElement>, id: string) => {
    const target = document.getElementById(id);
    if (!target) return;
    event.preventDefault();
    target.scrollIntoView({ block: 'center' });
    target.focus();
  };

  return (
    <div>
      <p>{t('import.page.preview.intro')}</p>

      {errorRows > 0 && (
        <div
          className="error-summary"
          ref={summaryRef}
          tabIndex={-1}
          role="alert"
          aria-labelledby="import-errors-title"
        >
          <h3 className="error-summary__title" id="import-errors-title">
            {t('import.page.preview.errorsTitle', { count: errorRows })}
          </h3>
          <ul className="error-summary__list">
            {summaryErrors.map((error) => {
              const id = cellDomId(error.row, error.column === null ? null : error.field);
              const text = cellErrorSummary(t, error);
              return (
                <li key={`${error.row}-${error.field}-${error.code}`}>
                  {previewed.has(error.row) ? (
                    <a href={`#${id}`} onClick={(event) => jump(event, id)}>
                      {text}
                    </a>
                  ) : (
                    text
                  )}
                </li>
              );
            })}
          </ul>
          {more > 0 && <p>{t('import.page.preview.moreErrors', { count: more })}</p>}
        </div>
      )}

      <div role="group" aria-label={t('import.page.preview.counts')}>
        <dl className="import-counts">
          {(['create', 'update', 'unchanged', 'error'] as const).map((outcome) => (
            <div className="import-counts__item" key={outcome}>
              <dt>{t(`import.page.preview.${outcome}`)}</dt>
              <dd>{format.number(counts[outcome])}</dd>
            </div>
          ))}
        </dl>
        {detail.preview.length < detail.rows && (
          <p className="hint">
            {t('import.page.preview.countsFirst', { shown: format.number(detail.preview.length) })}
          </p>
        )}
      </div>

      {startsToday > 0 && (
        <p className="notification">{t('import.page.preview.startsTodayCount', { n: format.number(startsToday) })}</p>
      )}

      {errorRows > 0 && (
        <p>
          <button type="button" className="button button--secondary" onClick={onDownloadErrors}>
            {t('import.page.preview.errorsFile')}
          </button>
          <span className="hint"> {t('import.page.preview.errorsFileHint')}</span>
        </p>
      )}

      <DataTable
        caption={
          detail.preview.length < detail.rows
            ? t('import.page.preview.captionSome', {
                shown: format.number(detail.preview.length),
                total: format.number(detail.rows),
              })
            : t('import.page.preview.caption')
        }
        columns={[
          t('import.page.preview.row'),
          t('import.page.preview.outcome'),
          ...fields.map((field) => ({ label: fieldLabel(t, field), key: field })),
        ]}
      >
        {detail.preview.map((row) => {
          const rowErrors = errorsByCell.get(cellDomId(row.row, null));
          return (
            <tr key={row.row}>
              <th scope="row" id={cellDomId(row.row, null)} tabIndex={-1}>
                {row.row}
                {rowErrors?.map((error) => (
                  <span className="error-message import-cell__error" key={error.code}>
                    {cellErrorMessage(t, error)}
                  </span>
                ))}
              </th>
              <td>
                <span className={`tag ${OUTCOME_TAG[row.outcome]}`}>
                  {t(`import.page.preview.${row.outcome}`)}
                </span>
                {row.notes?.includes('startsToday') && (
                  <span className="hint import-cell__note">{t('import.page.preview.startsToday')}</span>
                )}
              </td>
              {fields.map((field) => {
                const id = cellDomId(row.row, field);
                const errors = errorsByCell.get(id);
                const changed = row.changed?.includes(field);
                return (
                  <td
                    key={field}
                    id={id}
                    tabIndex={errors ? -1 : undefined}
                    className={
                      errors
                        ? 'import-cell import-cell--error'
                        : changed
                          ? 'import-cell import-cell--changed'
                          : 'import-cell'
                    }
                  >
                    {/* The file's text, always as text: HTML in a cell is shown, never run. */}
                    {row.values[field] ?? ''}
                    {errors?.map((error) => (
                      <span className="error-message import-cell__error" key={error.code}>
                        {cellErrorMessage(t, error)}
                      </span>
                    ))}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </DataTable>

      <h3>{t('import.page.preview.choiceTitle')}</h3>
      {detail.valid === 0 && <p>{t('import.page.preview.nothingValid')}</p>}
      <div className="form-actions">
        {detail.valid > 0 && (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => onCommit(errorRows > 0)}
          >
            {errorRows > 0
              ? t('import.page.preview.importValid', { count: detail.valid })
              : t('import.page.preview.importAll', { count: detail.valid })}
          </button>
        )}
        {/* The other ways on: upload a fixed file, or match the columns again. */}
        {(
          [
            ['fixAndUpload', onRestart],
            ['changeMapping', onMapping],
          ] as const
        ).map(([label, action]) => (
          <button key={label} type="button" className="button button--secondary" disabled={busy} onClick={action}>
            {t(`import.page.preview.${label}`)}
          </button>
        ))}
      </div>
      <p role="status">{busy ? t('import.page.preview.committing') : ''}</p>
    </div>
  );
}
