import type { FieldPath, FieldValues, UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { domId } from './dom-id';
import { describedBy, ErrorMessage } from './error-message';
import { FieldsetGroup, FormGroup } from './form-group';
import { Options } from '../filter-select';

/** Messages by field name; the same text the error summary shows. */
type Errors = Record<string, string>;

type TextInputProps<T extends FieldValues> = {
  name: FieldPath<T>;
  label: string;
  register: UseFormRegister<T>;
  errors: Errors;
  hint?: string;
  optional?: boolean;
  width?: 'full' | 'half' | 'quarter' | 'short';
  multiline?: boolean;
  inputMode?: 'text' | 'numeric' | 'url' | 'email' | 'tel';
  autoComplete?: string;
  lang?: string;
  list?: string;
};

/** A labelled text input or textarea, with hint and error in GOV.UK order. */
export function TextInput<T extends FieldValues>({
  name,
  label,
  register,
  errors,
  hint,
  optional,
  width = 'full',
  multiline,
  inputMode,
  autoComplete,
  lang,
  list,
}: TextInputProps<T>) {
  const id = domId(name);
  const error = errors[name];
  const common = {
    id,
    className: `input input--${width}${error ? ' input--error' : ''}`,
    'aria-describedby': describedBy(id, hint, error),
    'aria-invalid': error ? true : undefined,
    ...register(name),
  };
  return (
    <FormGroup id={id} label={label} optional={optional} hint={hint} error={error}>
      {multiline ? (
        <textarea rows={4} {...common} lang={lang} />
      ) : (
        <input
          type="text"
          spellCheck={false}
          inputMode={inputMode}
          autoComplete={autoComplete ?? 'off'}
          lang={lang}
          list={list}
          {...common}
        />
      )}
    </FormGroup>
  );
}

type SelectInputProps<T extends FieldValues> = {
  name: FieldPath<T>;
  label: string;
  register: UseFormRegister<T>;
  errors: Errors;
  options: Array<{ value: string; label: string }>;
  hint?: string;
  optional?: boolean;
  placeholder?: boolean;
};

export function SelectInput<T extends FieldValues>({
  name,
  label,
  register,
  errors,
  options,
  hint,
  optional,
  placeholder = true,
}: SelectInputProps<T>) {
  const { t } = useTranslation();
  const id = domId(name);
  const error = errors[name];
  return (
    <FormGroup id={id} label={label} optional={optional} hint={hint} error={error}>
      <select
        id={id}
        className={`select${error ? ' select--error' : ''}`}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        {...register(name)}
      >
        <Options options={options} first={placeholder && t('form.choose')} />
      </select>
    </FormGroup>
  );
}

type DateInputProps<T extends FieldValues> = {
  /** The prefix of a DateParts value: `date` or `followUps.2.due`. */
  name: string;
  legend: string;
  register: UseFormRegister<T>;
  errors: Errors;
  hint?: string;
};

/** GOV.UK date input: day, month and year typed as numbers, never only picked. */
export function DateInput<T extends FieldValues>({
  name,
  legend,
  register,
  errors,
  hint,
}: DateInputProps<T>) {
  const { t } = useTranslation();
  const groupId = domId(name);
  const error = errors[`${name}.day`];
  const part = (key: 'day' | 'month' | 'year', label: string, width: string) => {
    const id = domId(`${name}.${key}`);
    return (
      <div className="date-input__item">
        <label className="label label--small" htmlFor={id}>
          {label}
        </label>
        <input
          id={id}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          className={`input input--${width}${error ? ' input--error' : ''}`}
          aria-invalid={error ? true : undefined}
          {...register(`${name}.${key}` as FieldPath<T>)}
        />
      </div>
    );
  };
  return (
    <FieldsetGroup
      id={groupId}
      legend={legend}
      role="group"
      describedBy={describedBy(groupId, hint, error)}
      hint={hint}
      error={error}
    >
      <div className="date-input">
        {part('day', t('form.day'), 'w2')}
        {part('month', t('form.month'), 'w2')}
        {part('year', t('form.year'), 'w4')}
      </div>
    </FieldsetGroup>
  );
}

type ChoicesProps<T extends FieldValues> = {
  name: FieldPath<T>;
  legend: string;
  register: UseFormRegister<T>;
  errors: Errors;
  options: Array<{ value: string; label: string }>;
  hint?: string;
  inline?: boolean;
  small?: boolean;
};

/** A GOV.UK group of radios or checkboxes under one legend, with its hint and error. */
function Choices<T extends FieldValues>({
  type,
  name,
  legend,
  register,
  errors,
  options,
  hint,
  inline,
  small,
}: ChoicesProps<T> & { type: 'radio' | 'checkbox' }) {
  const groupId = domId(name);
  const error = errors[name];
  const kind = type === 'radio' ? 'radios' : 'checkboxes';
  return (
    <FieldsetGroup
      id={groupId}
      legend={legend}
      legendClassName={`fieldset__legend${small ? ' fieldset__legend--small' : ''}`}
      describedBy={describedBy(groupId, hint, error)}
      hint={hint}
      error={error}
    >
      <div
        className={`${kind}${inline ? ` ${kind}--inline` : ''}${small && type === 'checkbox' ? ' checkboxes--small' : ''}`}
      >
        {options.map((o, i) => {
          // The first one carries the group's id, so the error summary can move focus to it.
          const id = i === 0 ? groupId : `${groupId}-${o.value}`;
          return (
            <div className={`${kind}__item`} key={o.value}>
              <input
                type={type}
                id={id}
                value={o.value}
                className={`${kind}__input`}
                {...register(name)}
              />
              <label htmlFor={id} className={`${kind}__label`}>
                {o.label}
              </label>
            </div>
          );
        })}
      </div>
    </FieldsetGroup>
  );
}

export function Checkboxes<T extends FieldValues>(props: ChoicesProps<T>) {
  return <Choices type="checkbox" {...props} />;
}

export function Radios<T extends FieldValues>(props: ChoicesProps<T>) {
  return <Choices type="radio" {...props} />;
}

type CheckboxInputProps<T extends FieldValues> = {
  name: FieldPath<T>;
  label: string;
  register: UseFormRegister<T>;
  errors: Errors;
  hint?: string;
};

/** One yes/no question as a single GOV.UK checkbox, with its hint and error. */
export function CheckboxInput<T extends FieldValues>({
  name,
  label,
  register,
  errors,
  hint,
}: CheckboxInputProps<T>) {
  const id = domId(name);
  const error = errors[name];
  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`}>
      {error && <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage>}
      <div className="checkboxes">
        <div className="checkboxes__item">
          <input
            type="checkbox"
            id={id}
            className="checkboxes__input"
            aria-describedby={describedBy(id, hint, error)}
            {...register(name)}
          />
          <label htmlFor={id} className="checkboxes__label">
            {label}
          </label>
        </div>
      </div>
      {hint && (
        <div className="hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
    </div>
  );
}
