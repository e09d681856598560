import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Radios, SelectInput, TextInput } from '@/components/ui/form/fields';
import { PARTNERSHIP_TYPES, type Partnership } from '@/domain/partnership';
import { REGION_LEVELS, type Region } from '@/domain/region';
import { HomeGovernmentPicker } from '@/reference-data/home-government-picker';
import { useLabels } from '@/reference-data/use-labels';
import { NewCounterpartChoice, NewOrganizationFields, NewPartnerStart, useNewOrganization } from '../backlog/new-partner-fields';
import type { SectionProps } from './section-props';
import { FormSection } from '@/components/ui/form/repeated-rows';

/** Which partnership: an existing one, or a new partner region with the partnership's type. */
export function PartnershipSection({
  form,
  errors,
  partnerships,
  governments = [],
}: SectionProps & { partnerships: Partnership[]; governments?: readonly Region[] }) {
  const { t } = useTranslation();
  const reg = form.register;
  const errs = errors;
  const labels = useLabels();
  const partnershipMode = useWatch({ control: form.control, name: 'partnershipMode' });
  const organization = useNewOrganization({ form });
  return (
    <FormSection id="visit-partnership" title={t('visit.sections.partnership')}>
      <Radios
        name="partnershipMode"
        legend={t('visit.partnershipMode')}
        register={reg}
        errors={errs}
        options={[
          { value: 'existing', label: t('visit.existingPartnership') },
          { value: 'new', label: t('visit.newPartnership') },
        ]}
      />
      {partnershipMode === 'existing' ? (
        <SelectInput
          name="partnershipId"
          label={t('visit.partnershipId')}
          register={reg}
          errors={errs}
          options={partnerships.map((p) => ({
            value: p.id,
            label: `${labels.partnership(p)}${p.illustrative ? ` (${t('common.illustrative')})` : ''}`,
          }))}
        />
      ) : (
        <div className="conditional">
          <NewCounterpartChoice form={form} errors={errs} />
          {organization ? <NewOrganizationFields form={form} errors={errs} /> : <>
          <TextInput name="newRegion.name" label={t('visit.regionName')} hint={t('visit.regionNameHint')} register={reg} errors={errs} width="half" />
          <TextInput name="newRegion.localName" label={t('visit.localName')} hint={t('visit.localNameHint')} register={reg} errors={errs} optional width="half" />
          <SelectInput
            name="newRegion.level"
            label={t('visit.level')}
            register={reg}
            errors={errs}
            options={REGION_LEVELS.map((l) => ({ value: l, label: t(`enums.level.${l}`) }))}
          />
          <TextInput name="newRegion.countryCode" label={t('visit.countryCode')} hint={t('visit.countryCodeHint')} register={reg} errors={errs} width="short" />
          <TextInput name="newRegion.province" label={t('visit.province')} register={reg} errors={errs} optional width="half" />
          </>}
          <SelectInput
            name="newType"
            label={t('visit.partnershipType')}
            register={reg}
            errors={errs}
            options={PARTNERSHIP_TYPES.map((type) => ({ value: type, label: t(`enums.partnershipType.${type}`) }))}
          />
          <NewPartnerStart form={form} errors={errs} />
          <HomeGovernmentPicker name="newHomeRegionId" register={reg} errors={errs} governments={governments} />
        </div>
      )}
    </FormSection>
  );
}
