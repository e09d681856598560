import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { domId } from '@/components/ui/form/dom-id';
import { ErrorSummary } from '@/components/ui/form/error-summary';
import { Checkboxes, SelectInput, TextInput } from '@/components/ui/form/fields';
import { PASSWORD_MAX, PASSWORD_MIN } from '@/domain/password';
import { userInput } from '@/domain/schemas/user';
import { toFieldErrors } from '@/domain/schemas/issues';
import { ROLES, type Role, type User } from '@/domain/user';
import type { FieldError } from '@/domain/validation';
import { isApiError } from '@/lib/api-client';
import { describeError } from '@/lib/describe-error';
import { referenceQueries } from '@/reference-data/queries';
import { useRegionLabel } from '@/reference-data/use-labels';
import { useCreateUser } from './api';
import { passwordFieldError } from './messages';
import { useFieldErrors } from './use-field-errors';
import { PasswordStrengthHint } from '@/components/ui/form/password-strength';
import { PasswordInput } from './password-input';

type Values = { name: string; email: string; role: Role | ''; position: string; homeRegionIds: string[]; password: string };
const EMPTY: Values = { name: '', email: '', role: '', position: '', homeRegionIds: [], password: '' };

const FIELDS: ReadonlyArray<keyof Values> = ['name', 'email', 'role', 'position', 'homeRegionIds', 'password'];

/**
 * Adds a user: checked in the browser with the API's own schema, then by the API; every
 * problem in the summary and beside its field. With sign-in on, a first password is set here.
 */
export function CreateUserForm({ withPassword, onCreated }: { withPassword: boolean; onCreated: (user: User) => void }) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const { register, handleSubmit, reset, control } = useForm<Values>({ defaultValues: EMPTY });
  const [newPassword, newName, newEmail] = useWatch({ control, name: ['password', 'name', 'email'] });
  const [failure, setFailure] = useState('');
  // The home governments the new user works for (issue 15): asked only when there are several.
  const regions = useQuery(referenceQueries.regions());
  const homes = (regions.data?.items ?? []).filter((r) => r.role === 'home');
  const regionName = useRegionLabel();

  const label = (name: keyof Values) => t(`users.create.${name}`);
  const { errors, setErrors, focusKey, show } = useFieldErrors(FIELDS, label, (name) => FIELDS.find((f) => f === name));

  const submit = async (values: Values) => {
    setFailure('');
    const input = {
      name: values.name,
      email: values.email,
      role: values.role === '' ? undefined : values.role,
      ...(values.position.trim() ? { position: values.position } : {}),
      ...(values.homeRegionIds.length > 0 ? { homeRegionIds: values.homeRegionIds } : {}),
    };
    const checked = userInput.safeParse(input, { reportInput: true });
    const list: FieldError[] = checked.success ? [] : toFieldErrors(checked.error);
    const passwordError = withPassword ? passwordFieldError(values.password) : undefined;
    if (passwordError) list.push(passwordError);
    if (!checked.success || list.length > 0) {
      show(list);
      return;
    }
    try {
      const user = await create.mutateAsync({ ...checked.data, ...(withPassword ? { password: values.password } : {}) });
      setErrors([]);
      reset(EMPTY);
      onCreated(user);
    } catch (error) {
      if (isApiError(error) && error.status === 400 && error.fieldErrors.length > 0) show(error.fieldErrors);
      else setFailure(t('users.errors.failed', { reason: describeError(error, t) }));
    }
  };

  const byName = Object.fromEntries(errors.map((e) => [e.name, e.message]));

  return (
    <form noValidate aria-labelledby="new-user-title" onSubmit={(e) => void handleSubmit(submit)(e)}>
      <h2 id="new-user-title">{t('users.create.title')}</h2>
      <ErrorSummary errors={errors} focusKey={focusKey} />
      {failure && (
        <p className="error-message" role="alert">
          {failure}
        </p>
      )}
        <TextInput<Values> name="name" label={label('name')} register={register} errors={byName} width="half" autoComplete="off" />
        <TextInput<Values> name="email" label={label('email')} register={register} errors={byName} width="half" inputMode="email" autoComplete="off" />
        <SelectInput<Values>
          name="role"
          label={label('role')}
          register={register}
          errors={byName}
          options={ROLES.map((role) => ({ value: role, label: t(`enums.role.${role}`) }))}
        />
        <TextInput<Values> name="position" label={label('position')} register={register} errors={byName} width="half" optional />
        {homes.length > 1 && (
          <Checkboxes<Values>
            name="homeRegionIds"
            legend={label('homeRegionIds')}
            hint={t('users.create.homeRegionIdsHint')}
            register={register}
            errors={byName}
            options={homes.map((r) => ({ value: r.id, label: regionName(r) }))}
          />
        )}
        {withPassword && (
          <PasswordInput
            id={domId('password')}
            label={label('password')}
            hint={t('users.create.passwordHint', { min: PASSWORD_MIN, max: PASSWORD_MAX })}
            error={byName.password}
            autoComplete="new-password"
            {...register('password')}
          />
        )}
        {withPassword && <PasswordStrengthHint id="new-user-password-strength" password={newPassword} userInputs={[newName, newEmail]} />}
      <button type="submit" className="button" disabled={create.isPending}>
        {t('users.create.submit')}
      </button>
    </form>
  );
}
