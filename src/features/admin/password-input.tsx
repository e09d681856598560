import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { describedBy } from '@/components/ui/form/error-message';
import { FormGroup } from '@/components/ui/form/form-group';

type Props = Omit<ComponentPropsWithoutRef<'input'>, 'type' | 'id'> & {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
};

/** A labelled password field, hint and error in GOV.UK order (never spell-checked or echoed). */
export const PasswordInput = forwardRef<HTMLInputElement, Props>(function PasswordInput({ id, label, hint, error, ...input }, ref) {
  return (
    <FormGroup id={id} label={label} hint={hint} error={error}>
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
    </FormGroup>
  );
});
