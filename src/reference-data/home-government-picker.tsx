import { useQuery } from '@tanstack/react-query';
import type { FieldPath, FieldValues, UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SelectInput } from '@/components/ui/form/fields';
import { governmentsOf } from '@/domain/home-governments';
import type { Region } from '@/domain/region';
import { fieldError, type FieldError } from '@/domain/validation';
import { sessionQuery } from '@/session/session';
import { usePreferences } from '@/stores/preferences';
import { referenceQueries } from './queries';
import { useRegionLabel } from './use-labels';

export type HomeGovernmentChoice = {
  /** The governments the signed-in user may put a new partnership in. */
  governments: Region[];
  /** What a new partnership starts with: the only government, or the header's choice of one; else ''. */
  preselected: string;
  /** Whether the user must choose (several governments): only then is the picker shown. */
  choose: boolean;
};

/** The signed-in user's home governments and the one a new partnership starts in (issue 15). */
export function useHomeGovernmentChoice(): HomeGovernmentChoice {
  const session = useQuery(sessionQuery());
  const regions = useQuery(referenceQueries.regions());
  const header = usePreferences((s) => s.homeRegionId);
  const user = session.data?.user;
  const governments = user ? governmentsOf(user, regions.data?.items ?? []) : [];
  const preselected =
    governments.length === 1 ? governments[0]!.id : governments.some((g) => g.id === header) ? header : '';
  return { governments, preselected, choose: governments.length > 1 };
}

/**
 * With several governments none is picked silently: an empty choice is a `required` error at
 * `path` (the API answers the same; checking first keeps the error beside the field at once).
 */
export function homeGovernmentErrors(choice: HomeGovernmentChoice, value: string | undefined, path: string): FieldError[] {
  return choice.choose && !value ? [fieldError(path, 'required')] : [];
}

type PickerProps<T extends FieldValues> = {
  name: FieldPath<T>;
  register: UseFormRegister<T>;
  errors: Record<string, string>;
  /** Regions (named here with their level), or names composed already (without `level`). */
  governments: ReadonlyArray<Pick<Region, 'id' | 'name'> & Partial<Pick<Region, 'level'>>>;
};

/**
 * The home government a new partnership belongs to (issue 15): a native select of the user's
 * governments, shown only when there are several (with one, the API takes it). GOV.UK error
 * beside it, from the form's errors.
 */
export function HomeGovernmentPicker<T extends FieldValues>({ name, register, errors, governments }: PickerProps<T>) {
  const { t } = useTranslation();
  const label = useRegionLabel();
  if (governments.length < 2) return null;
  return (
    <SelectInput
      name={name}
      label={t('homeGovernment.pick')}
      hint={t('homeGovernment.pickHint')}
      register={register}
      errors={errors}
      options={governments.map((g) => ({ value: g.id, label: g.level ? label({ name: g.name, level: g.level }) : g.name }))}
    />
  );
}
