import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DateInput, Radios, SelectInput, TextInput } from '@/components/ui/form/fields';
import { ORGANIZATION_KINDS } from '@/domain/organization';
import { STAGES } from '@/domain/partnership';
import type { SectionProps } from '../sections/section-props';

/** A first contact's counterpart: a partner region (the region fields follow) or an organisation. */
export function NewCounterpartChoice({ form, errors }: SectionProps) {
  const { t } = useTranslation();
  return (
    <Radios
      name="newCounterpart"
      legend={t('visitBacklog.counterpart')}
      register={form.register}
      errors={errors}
      options={[
        { value: 'region', label: t('visitBacklog.counterpartRegion') },
        { value: 'organization', label: t('visitBacklog.counterpartOrganization') },
      ]}
    />
  );
}

/** Whether the user chose an organisation as the new counterpart. */
export function useNewOrganization({ form }: Pick<SectionProps, 'form'>): boolean {
  return useWatch({ control: form.control, name: 'newCounterpart' }) === 'organization';
}

/** A new organisation as counterpart (a UN body, a foundation), created with the visit. */
export function NewOrganizationFields({ form, errors }: SectionProps) {
  const { t } = useTranslation();
  const reg = form.register;
  return (
    <>
      <TextInput name="newOrganization.name" label={t('visitBacklog.organizationName')} register={reg} errors={errors} width="half" />
      <TextInput name="newOrganization.acronym" label={t('visitBacklog.acronym')} register={reg} errors={errors} optional width="quarter" />
      <SelectInput
        name="newOrganization.kind"
        label={t('visitBacklog.organizationKind')}
        register={reg}
        errors={errors}
        options={ORGANIZATION_KINDS.map((k) => ({ value: k, label: t(`visitBacklog.kinds.${k}`) }))}
      />
      <TextInput name="newOrganization.countryCode" label={t('visit.countryCode')} hint={t('visit.countryCodeHint')} register={reg} errors={errors} optional width="short" />
    </>
  );
}

/** The stage the new partnership starts at, as met, and the day (blank: the meeting's date). */
export function NewPartnerStart({ form, errors }: SectionProps) {
  const { t } = useTranslation();
  return (
    <>
      <SelectInput
        name="newStart.stage"
        label={t('visitBacklog.stage')}
        hint={t('visitBacklog.stageHint')}
        register={form.register}
        errors={errors}
        placeholder={false}
        options={STAGES.map((s) => ({ value: s, label: t(`enums.stage.${s}`) }))}
      />
      <DateInput name="newStart.date" legend={t('visitBacklog.stageDate')} hint={t('visitBacklog.stageDateHint')} register={form.register} errors={errors} />
    </>
  );
}
