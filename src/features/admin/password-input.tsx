import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { describedBy, ErrorMessage } from '@/components/ui/form/error-message';

type Props = Omit<ComponentPropsWithoutRef<'input'>, 'type' | 'id'> & {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
};

/** A labelled password field, hint and error in GOV.UK order (never spell-checked or echoed). */
export const PasswordInput = forwardRef<HTMLInputElement, Props>(function PasswordInput({ id, label, hint, error, ...input }, ref) {
  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div className="hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage>}
      <input
        {...input}
        ref={ref}
        id={id}
        type="password"
        spellCheck={false}
        className={`input input--half${error ? ' input--error' : ''}`}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
      />
    </div>
  );
});
