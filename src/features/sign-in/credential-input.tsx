import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { describedBy } from '@/components/ui/form/error-message';
import { FormGroup } from '@/components/ui/form/form-group';

type Props = {
  id: string;
  label: string;
  hint?: string;
  error: string | undefined;
  type: 'text' | 'email' | 'password';
  autoComplete: string;
  registration: UseFormRegisterReturn;
  /** What else describes the input (a password's strength), and that part itself below it. */
  describedByAlso?: string;
  children?: ReactNode;
};

/** One field of the sign-in and setup forms: a half-width input, never spell-checked, its error beside it. */
export function CredentialInput({ id, label, hint, error, type, autoComplete, registration, describedByAlso, children }: Props) {
  const described = [describedBy(id, hint, error), describedByAlso].filter(Boolean).join(' ');
  return (
    <FormGroup id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        type={type}
        className={`input input--half${error ? ' input--error' : ''}`}
        autoComplete={autoComplete}
        spellCheck={false}
        aria-describedby={described || undefined}
        aria-invalid={error ? true : undefined}
        {...registration}
      />
      {children}
    </FormGroup>
  );
}
