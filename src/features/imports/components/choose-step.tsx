import { useTranslation } from 'react-i18next';
import { ErrorMessage, describedBy } from '@/components/ui/form/error-message';
import { ErrorSummary, type SummaryError } from '@/components/ui/form/error-summary';
import type { ImportResource } from '@/domain/import/fields';
import { MAX_FILE_BYTES, XLSX_MEDIA_TYPE } from '@/domain/import/limits';
import { ImportProgress, type TimedProgress } from './progress-bar';

export const FILE_INPUT_ID = 'import-file';
export const RESOURCE_INPUT_ID = 'import-resource';
const SHEET_ID = 'import-sheet';
const ACCEPT = `.csv,.tsv,.txt,.xlsx,text/csv,text/plain,${XLSX_MEDIA_TYPE}`;

export type ChooseErrors = { resource?: string | undefined; file?: string | undefined };

type Props = {
  resources: readonly ImportResource[];
  resource: ImportResource | undefined;
  onResource: (resource: ImportResource) => void;
  onFile: (file: File | undefined) => void;
  sheets: string[];
  sheet: string | undefined;
  onSheet: (sheet: string) => void;
  errors: ChooseErrors;
  focusKey: number;
  busy: 'checking' | 'uploading' | undefined;
  progress: TimedProgress | undefined;
  onSubmit: () => void;
  onCancel: () => void;
};

/** Step 1: what is imported and from which file (and, for a workbook of several sheets, which sheet). */
export function ChooseStep(props: Props) {
  const { t } = useTranslation();
  const { errors } = props;
  const summary: SummaryError[] = [
    ...(errors.resource
      ? [{ fieldId: `${RESOURCE_INPUT_ID}-${props.resources[0] ?? ''}`, message: errors.resource }]
      : []),
    ...(errors.file ? [{ fieldId: FILE_INPUT_ID, message: errors.file }] : []),
  ];
  const fileHint = t('import.page.choose.fileHint', {
    maxMb: Math.floor(MAX_FILE_BYTES / (1024 * 1024)),
  });
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit();
      }}
    >
      <ErrorSummary errors={summary} focusKey={props.focusKey} />
      <fieldset
        className={`fieldset form-group${errors.resource ? ' form-group--error' : ''}`}
        aria-describedby={errors.resource ? `${RESOURCE_INPUT_ID}-error` : undefined}
      >
        <legend className="fieldset__legend fieldset__legend--small">
          {t('import.page.choose.resource')}
        </legend>
        {errors.resource && (
          <ErrorMessage id={`${RESOURCE_INPUT_ID}-error`}>{errors.resource}</ErrorMessage>
        )}
        <div className="radios">
          {props.resources.map((resource) => (
            <div className="radios__item" key={resource}>
              <input
                type="radio"
                className="radios__input"
                id={`${RESOURCE_INPUT_ID}-${resource}`}
                name="resource"
                value={resource}
                checked={props.resource === resource}
                disabled={props.busy !== undefined}
                onChange={() => props.onResource(resource)}
              />
              <label htmlFor={`${RESOURCE_INPUT_ID}-${resource}`} className="radios__label">
                {t(`import.resources.${resource}`)}
              </label>
            </div>
          ))}
        </div>
      </fieldset>

      <div className={`form-group${errors.file ? ' form-group--error' : ''}`}>
        <label className="label" htmlFor={FILE_INPUT_ID}>
          {t('import.page.choose.file')}
        </label>
        <div className="hint" id={`${FILE_INPUT_ID}-hint`}>
          {fileHint}
        </div>
        {errors.file && <ErrorMessage id={`${FILE_INPUT_ID}-error`}>{errors.file}</ErrorMessage>}
        <input
          type="file"
          id={FILE_INPUT_ID}
          name="file"
          className={`file-input${errors.file ? ' input--error' : ''}`}
          accept={ACCEPT}
          aria-describedby={describedBy(FILE_INPUT_ID, fileHint, errors.file)}
          aria-invalid={errors.file ? true : undefined}
          disabled={props.busy !== undefined}
          onChange={(event) => props.onFile(event.currentTarget.files?.[0])}
        />
      </div>

      {props.sheets.length > 1 && (
        <div className="form-group">
          <label className="label" htmlFor={SHEET_ID}>
            {t('import.page.choose.sheet')}
          </label>
          <div className="hint" id={`${SHEET_ID}-hint`}>
            {t('import.page.choose.sheetHint')}
          </div>
          <select
            id={SHEET_ID}
            className="select"
            aria-describedby={`${SHEET_ID}-hint`}
            value={props.sheet ?? props.sheets[0]}
            disabled={props.busy !== undefined}
            onChange={(event) => props.onSheet(event.currentTarget.value)}
          >
            {props.sheets.map((sheet) => (
              <option key={sheet} value={sheet}>
                {sheet}
              </option>
            ))}
          </select>
        </div>
      )}

      <div role="status" className="import-status">
        {props.busy === 'checking' &&
          (props.progress ? (
            <ImportProgress progress={props.progress} />
          ) : (
            <p>{t('import.page.choose.checking')}</p>
          ))}
        {props.busy === 'uploading' && <p>{t('import.page.choose.uploading')}</p>}
      </div>

      <div className="form-actions">
        <button type="submit" className="button" disabled={props.busy !== undefined}>
          {t('import.page.choose.submit')}
        </button>
        {props.busy === 'checking' && (
          <button type="button" className="button button--secondary" onClick={props.onCancel}>
            {t('import.progress.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
