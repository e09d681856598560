import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The ids a field's description is made of: its hint and its error message. */
export function describedBy(id: string, hint?: ReactNode, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function ErrorMessage({ id, children }: { id: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <p className="error-message" id={id}>
      <span className="visually-hidden">{t('form.errorPrefix')}: </span>
      {children}
    </p>
  );
}

type FieldProps = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  optional?: boolean;
  /** The control; it must use `id`, and `describedBy(id, hint, error)` for aria-describedby. */
  children: ReactNode;
  className?: string;
};

/** GOV.UK form group: label, hint, error message, then the control. */
export function Field({ id, label, hint, error, optional, children, className }: FieldProps) {
  const { t } = useTranslation();
  return (
    <div className={`form-group${error ? ' form-group--error' : ''}${className ? ` ${className}` : ''}`}>
      <label className="label" htmlFor={id}>
        {label}
        {optional && <span className="label__optional"> ({t('form.optional')})</span>}
      </label>
      {hint && (
        <div className="hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage>}
      {children}
    </div>
  );
}

type FieldsetProps = {
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  id?: string;
  children: ReactNode;
  legendClass?: string;
};

/** A group of controls under one question (radios, checkboxes, a date). */
export function Fieldset({ legend, hint, error, id, children, legendClass }: FieldsetProps) {
  const describe = id ? describedBy(id, hint, error) : undefined;
  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`}>
      <fieldset className="fieldset" aria-describedby={describe}>
        <legend className={`fieldset__legend ${legendClass ?? ''}`}>{legend}</legend>
        {hint && (
          <div className="hint" id={id ? `${id}-hint` : undefined}>
            {hint}
          </div>
        )}
        {error && id && <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage>}
        {children}
      </fieldset>
    </div>
  );
}
