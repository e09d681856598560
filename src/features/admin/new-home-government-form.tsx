import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '@/components/ui/form/error-summary';
import { SelectInput, TextInput } from '@/components/ui/form/fields';
import { REGION_LEVELS, type Region } from '@/domain/region';
import { regionInput } from '@/domain/schemas/region';
import { toFieldErrors } from '@/domain/schemas/issues';
import { apiRequest, apiUrl, isApiError } from '@/lib/api-client';
import { newIdempotencyKey } from '@/stores/drafts';
import { useFieldErrors } from './use-field-errors';

/** Field names of their own: the add-user form on the same page has `name` too (unique ids). */
type Values = { govName: string; govLevel: string; govCountryCode: string };
const FIELDS: ReadonlyArray<keyof Values> = ['govName', 'govLevel', 'govCountryCode'];
const EMPTY: Values = { govName: '', govLevel: '', govCountryCode: 'ID' };
const OF_API: Record<string, keyof Values> = { name: 'govName', level: 'govLevel', countryCode: 'govCountryCode' };

/** Adds a home government (a region with the role `home`, issue 15); administrators only. */
export function NewHomeGovernmentForm({ onCreated }: { onCreated: (region: Region) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { register, handleSubmit, reset } = useForm<Values>({ defaultValues: EMPTY });
  const create = useMutation({
    mutationFn: (body: unknown) => apiRequest<Region>(apiUrl('/regions'), { method: 'POST', body, idempotencyKey: newIdempotencyKey() }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
  const label = (name: keyof Values) => t(`users.newGovernment.${name}`);
  const { errors, setErrors, focusKey, show } = useFieldErrors(FIELDS, label, (name) => OF_API[name]);
  const submit = async (values: Values) => {
    const checked = regionInput.safeParse(
      { name: values.govName.trim(), level: values.govLevel || undefined, countryCode: values.govCountryCode.trim().toUpperCase(), role: 'home' },
      { reportInput: true },
    );
    if (!checked.success) return show(toFieldErrors(checked.error));
    try {
      const region = await create.mutateAsync(checked.data);
      setErrors([]);
      reset(EMPTY);
      onCreated(region);
    } catch (error) {
      if (isApiError(error) && error.fieldErrors.length > 0) show(error.fieldErrors);
    }
  };
  const byName = Object.fromEntries(errors.map((e) => [e.name, e.message]));
  return (
    <form noValidate aria-labelledby="new-government-title" onSubmit={(e) => void handleSubmit(submit)(e)}>
      <h2 id="new-government-title">{t('users.newGovernment.title')}</h2>
      <ErrorSummary errors={errors} focusKey={focusKey} />
      <TextInput<Values> name="govName" label={label('govName')} register={register} errors={byName} width="half" />
      <SelectInput<Values>
        name="govLevel"
        label={label('govLevel')}
        register={register}
        errors={byName}
        options={REGION_LEVELS.map((l) => ({ value: l, label: t(`enums.level.${l}`) }))}
      />
      <TextInput<Values> name="govCountryCode" label={label('govCountryCode')} register={register} errors={byName} width="short" />
      <button type="submit" className="button" disabled={create.isPending}>
        {t('users.newGovernment.submit')}
      </button>
    </form>
  );
}
