import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from './error-message';

type Notes = {
  /** The control's id (a label's `for`) or the group's id (a fieldset's); the notes' ids derive from it. */
  id: string;
  hint?: ReactNode | undefined;
  error?: string | undefined;
};

/** The hint, then the error message, with the ids `describedBy(id, hint, error)` names. */
function FieldNotes({ id, hint, error }: Notes) {
  return (
    <>
      {hint && (
        <div className="hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage>}
    </>
  );
}

/**
 * One GOV.UK form group around a single control: the label (marked optional where it is), the
 * hint and the error message, in that order, then the control, the group red while it has an error.
 */
export function FormGroup({
  label,
  optional,
  children,
  ...notes
}: Notes & { label: ReactNode; optional?: boolean | undefined; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className={`form-group${notes.error ? ' form-group--error' : ''}`}>
      <label className="label" htmlFor={notes.id}>
        {label}
        {optional && <span className="label__optional"> ({t('form.optional')})</span>}
      </label>
      <FieldNotes {...notes} />
      {children}
    </div>
  );
}

/** The same for a group of controls under one legend (a date's parts, radios, checkboxes). */
export function FieldsetGroup({
  legend,
  legendClassName = 'fieldset__legend',
  role,
  describedBy,
  children,
  ...notes
}: Notes & {
  legend: ReactNode;
  legendClassName?: string;
  role?: 'group';
  describedBy: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className={`form-group${notes.error ? ' form-group--error' : ''}`}>
      <fieldset className="fieldset" role={role} aria-describedby={describedBy}>
        <legend className={legendClassName}>{legend}</legend>
        <FieldNotes {...notes} />
        {children}
      </fieldset>
    </div>
  );
}
