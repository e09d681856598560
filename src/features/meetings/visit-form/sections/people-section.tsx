import { useFieldArray, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AddRowButton, RemoveRowButton } from '@/components/ui/form/row-buttons';
import { Checkboxes, SelectInput, TextInput } from '@/components/ui/form/fields';
import type { Partnership } from '@/domain/partnership';
import type { Person } from '@/domain/person';
import { useLabels } from '@/reference-data/use-labels';
import { emptyParticipant, NEW_PERSON } from '../model';
import { addRow, removeRow, type SectionProps } from './section-props';
import { FormSection, RowCard } from '@/components/ui/form/repeated-rows';
import { ParticipantSide } from '../../edit-form/record-fields';

type Props = SectionProps & { partnerships: Partnership[]; people: Person[] };

/** Who met: the two leads (or a new person each), the participants and the facilitators. */
export function PeopleSection({ form, errors, partnerships, people }: Props) {
  const { t } = useTranslation();
  const reg = form.register;
  const errs = errors;
  const labels = useLabels();
  const participants = useFieldArray({ control: form.control, name: 'participants' });
  const [partnershipMode, partnershipId, hostId, delegationId] = useWatch({
    control: form.control,
    name: ['partnershipMode', 'partnershipId', 'hostLead.id', 'delegationLead.id'],
  });
  const selected = partnerships.find((p) => p.id === partnershipId);
  const homeRegionId = [...labels.maps.regions.values()].find((r) => r.role === 'home')?.id;
  const orgOptions = [...labels.maps.organizations.values()].map((o) => ({ value: o.id, label: labels.organization(o.id) }));
  // People of the side's region; for a new partner, nobody is recorded yet.
  const peopleOf = (regionId: string | undefined) =>
    people
      .filter((p) => regionId === undefined || p.regionId === regionId)
      .map((p) => ({ value: p.id, label: p.position ? `${p.name}, ${p.position}` : p.name }));
  return (
    <FormSection id="visit-people" title={t('visit.sections.people')}>
      {(
        [
          ['hostLead', hostId, homeRegionId],
          ['delegationLead', delegationId, partnershipMode === 'new' ? '' : selected?.partnerRegionId],
        ] as const
      ).map(([key, chosen, regionId]) => (
        <div className="person-pick" key={key}>
          <SelectInput
            name={`${key}.id`}
            label={t(`visit.${key}`)}
            register={reg}
            errors={errs}
            optional
            options={[...peopleOf(regionId), { value: NEW_PERSON, label: t('visit.newPerson') }]}
          />
          {chosen === NEW_PERSON && (
            <div className="conditional">
              <TextInput name={`${key}.name`} label={t('visit.personName')} register={reg} errors={errs} width="half" />
              <TextInput name={`${key}.position`} label={t('visit.personPosition')} register={reg} errors={errs} optional width="half" />
              <div className="form-row">
                <TextInput name={`${key}.email`} label={t('visit.personEmail')} hint={t('visit.contactHint')} register={reg} errors={errs} optional width="half" inputMode="email" />
                <TextInput name={`${key}.phone`} label={t('visit.personPhone')} register={reg} errors={errs} optional width="half" inputMode="tel" />
              </div>
            </div>
          )}
        </div>
      ))}

      <h3 className="subheading">{t('visit.participants')}</h3>
      <p className="hint">{t('visit.participantsHint')}</p>
      {participants.fields.map((field, index) => (
        <RowCard key={field.id} legend={t('visit.participant', { n: index + 1 })}>
          <div className="form-row">
            <ParticipantSide index={index} form={form} errors={errs} />
            <TextInput name={`participants.${index}.name`} label={t('visit.personName')} register={reg} errors={errs} optional width="half" />
            <TextInput name={`participants.${index}.position`} label={t('visit.personPosition')} register={reg} errors={errs} optional width="half" />
          </div>
          <div className="form-row">
            <SelectInput name={`participants.${index}.organizationId`} label={t('visit.organization')} register={reg} errors={errs} optional options={orgOptions} />
            <TextInput name={`participants.${index}.description`} label={t('visit.description')} register={reg} errors={errs} optional width="half" />
          </div>
          <RemoveRowButton label={t('visit.removeParticipant', { n: index + 1 })} onClick={() => removeRow(() => participants.remove(index), 'participants-add')} />
        </RowCard>
      ))}
      <AddRowButton id="participants-add" label={t('visit.addParticipant')} onClick={() => addRow(form, () => participants.append(emptyParticipant()), `participants.${participants.fields.length}.side`)} />

      <Checkboxes name="facilitatorIds" legend={t('visit.facilitators')} register={reg} errors={errs} options={orgOptions} />
    </FormSection>
  );
}
