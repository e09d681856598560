import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AddRowButton, RemoveRowButton } from '@/components/ui/form/row-buttons';
import { Checkboxes, DateInput, SelectInput, TextInput } from '@/components/ui/form/fields';
import { PRIORITIES } from '@/domain/follow-up';
import { offeredSectors } from '@/domain/sector';
import { useLabels } from '@/reference-data/use-labels';
import { emptyFollowUp } from '../model';
import { addRow, removeRow, type SectionProps } from './section-props';
import { FormSection, RowCard } from '@/components/ui/form/repeated-rows';

/** What was agreed: new follow-ups, each with an owner, a priority, a due date and sectors. */
export function FollowUpsSection({ form, errors }: SectionProps) {
  const { t } = useTranslation();
  const reg = form.register;
  const errs = errors;
  const labels = useLabels();
  const followUps = useFieldArray({ control: form.control, name: 'followUps' });
  const chosen = (form.watch('followUps') ?? []).flatMap((f) => f.sectorIds ?? []);
  const sectorOptions = offeredSectors(labels.maps.sectors.values(), chosen).map((s) => ({ value: s.id, label: labels.sector(s.id) }));
  const userOptions = [...labels.maps.users.values()]
    .filter((u) => u.active)
    .map((u) => ({ value: u.id, label: `${u.name} (${t(`enums.role.${u.role}`)})` }));
  return (
    <FormSection id="visit-follow-ups" title={t('visit.sections.followUps')}>
      {followUps.fields.length === 0 && <p className="hint">{t('visit.noFollowUps')}</p>}
      {followUps.fields.map((field, index) => (
        <RowCard key={field.id} legend={t('visit.followUp', { n: index + 1 })}>
          <TextInput name={`followUps.${index}.title`} label={t('visit.followUpTitle')} register={reg} errors={errs} />
          <div className="form-row">
            <SelectInput name={`followUps.${index}.ownerId`} label={t('visit.owner')} hint={t('visitBacklog.ownerHint')} optional register={reg} errors={errs} options={userOptions} />
            <SelectInput
              name={`followUps.${index}.priority`}
              label={t('visit.priority')}
              register={reg}
              errors={errs}
              placeholder={false}
              options={PRIORITIES.map((p) => ({ value: p, label: t(`enums.priority.${p}`) }))}
            />
          </div>
          <DateInput name={`followUps.${index}.due`} legend={t('visit.due')} register={reg} errors={errs} />
          <details className="details">
            <summary className="details__summary">{t('visit.followUpSectors')}</summary>
            <Checkboxes name={`followUps.${index}.sectorIds`} legend={t('visit.followUpSectors')} register={reg} errors={errs} options={sectorOptions} small />
          </details>
          <RemoveRowButton label={t('visit.removeFollowUp', { n: index + 1 })} onClick={() => removeRow(() => followUps.remove(index), 'followUps-add')} />
        </RowCard>
      ))}
      <AddRowButton id="followUps-add" label={t('visit.addFollowUp')} onClick={() => addRow(form, () => followUps.append(emptyFollowUp()), `followUps.${followUps.fields.length}.title`)} />
    </FormSection>
  );
}
