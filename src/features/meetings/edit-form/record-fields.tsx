import { useFieldArray, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AddRowButton, RemoveRowButton } from '@/components/ui/form/row-buttons';
import { SelectInput, TextInput } from '@/components/ui/form/fields';
import { DELEGATION_SIDES, PARTICIPANT_SIDES } from '@/domain/meeting';
import type { EditValues } from './model';

type Option = { value: string; label: string };
type Props = { form: UseFormReturn<EditValues>; errors: Record<string, string>; peopleOptions: Option[]; orgOptions: Option[] };

const focusLater = (form: UseFormReturn<EditValues>, name: Parameters<UseFormReturn<EditValues>['setFocus']>[0]) =>
  setTimeout(() => form.setFocus(name), 0);

/**
 * The parts of a saved meeting the first edit page left out (issue 15): participants,
 * statements as said, aims, delegation sizes per side and the names as the report spelled them.
 */
export function RecordFields({ form, errors, peopleOptions, orgOptions }: Props) {
  const { t } = useTranslation();
  const reg = form.register;
  const errs = errors;
  const participants = useFieldArray({ control: form.control, name: 'participants' });
  const statements = useFieldArray({ control: form.control, name: 'statements' });
  const aims = useFieldArray({ control: form.control, name: 'aims' });
  const names = useFieldArray({ control: form.control, name: 'namesAsReported' });

  return (
    <>
      <h2 className="subheading">{t('visit.participants')}</h2>
      <p className="hint">{t('visit.participantsHint')}</p>
      {participants.fields.map((field, index) => (
        <fieldset className="row-card" key={field.id}>
          <legend className="row-card__legend">{t('visit.participant', { n: index + 1 })}</legend>
          <div className="form-row">
            <SelectInput
              name={`participants.${index}.side`}
              label={t('visit.side')}
              register={reg}
              errors={errs}
              placeholder={false}
              options={PARTICIPANT_SIDES.map((s) => ({ value: s, label: t(`enums.side.${s}`) }))}
            />
            <SelectInput name={`participants.${index}.personId`} label={t('record.participantPerson')} register={reg} errors={errs} optional options={peopleOptions} />
          </div>
          <div className="form-row">
            <SelectInput name={`participants.${index}.organizationId`} label={t('visit.organization')} register={reg} errors={errs} optional options={orgOptions} />
            <TextInput name={`participants.${index}.description`} label={t('visit.description')} register={reg} errors={errs} optional width="half" />
          </div>
          <RemoveRowButton label={t('visit.removeParticipant', { n: index + 1 })} onClick={() => participants.remove(index)} />
        </fieldset>
      ))}
      <AddRowButton
        label={t('visit.addParticipant')}
        onClick={() => {
          participants.append({ side: 'guest', personId: '', organizationId: '', description: '' });
          focusLater(form, `participants.${participants.fields.length}.side`);
        }}
      />

      <h2 className="subheading">{t('visit.statements')}</h2>
      {statements.fields.map((field, index) => (
        <fieldset className="row-card" key={field.id}>
          <legend className="row-card__legend">{t('visit.statement', { n: index + 1 })}</legend>
          <div className="form-row">
            <SelectInput name={`statements.${index}.personId`} label={t('record.statementPerson')} register={reg} errors={errs} optional options={peopleOptions} />
            <TextInput name={`statements.${index}.speaker`} label={t('visit.speaker')} register={reg} errors={errs} optional width="half" />
          </div>
          <TextInput name={`statements.${index}.text`} label={t('visit.quote')} register={reg} errors={errs} multiline />
          <RemoveRowButton label={t('visit.removeStatement', { n: index + 1 })} onClick={() => statements.remove(index)} />
        </fieldset>
      ))}
      <AddRowButton
        label={t('visit.addStatement')}
        onClick={() => {
          statements.append({ personId: '', speaker: '', text: '' });
          focusLater(form, `statements.${statements.fields.length}.personId`);
        }}
      />

      <h2 className="subheading">{t('record.section')}</h2>
      <h3 className="subheading">{t('record.aims')}</h3>
      {aims.fields.map((field, index) => (
        <div className="row-inline" key={field.id}>
          <TextInput name={`aims.${index}.text`} label={t('record.aim', { n: index + 1 })} register={reg} errors={errs} />
          <RemoveRowButton label={t('record.removeAim', { n: index + 1 })} onClick={() => aims.remove(index)} />
        </div>
      ))}
      <AddRowButton
        label={t('record.addAim')}
        onClick={() => {
          aims.append({ text: '' });
          focusLater(form, `aims.${aims.fields.length}.text`);
        }}
      />

      <h3 className="subheading">{t('record.delegation')}</h3>
      <p className="hint">{t('record.delegationHint')}</p>
      {DELEGATION_SIDES.map((side) => (
        <fieldset className="row-card" key={side}>
          <legend className="row-card__legend">{t(`record.delegationOf.${side}`)}</legend>
          <div className="form-row">
            <TextInput name={`delegationSize.${side}.people`} label={t('record.people')} register={reg} errors={errs} optional inputMode="numeric" width="short" />
            <TextInput name={`delegationSize.${side}.countries`} label={t('record.countries')} register={reg} errors={errs} optional inputMode="numeric" width="short" />
          </div>
        </fieldset>
      ))}

      <h3 className="subheading">{t('record.names')}</h3>
      <p className="hint">{t('record.namesHint')}</p>
      {names.fields.map((field, index) => (
        <div className="row-inline" key={field.id}>
          <TextInput name={`namesAsReported.${index}.text`} label={t('record.name', { n: index + 1 })} register={reg} errors={errs} />
          <RemoveRowButton label={t('record.removeName', { n: index + 1 })} onClick={() => names.remove(index)} />
        </div>
      ))}
      <AddRowButton
        label={t('record.addName')}
        onClick={() => {
          names.append({ text: '' });
          focusLater(form, `namesAsReported.${names.fields.length}.text`);
        }}
      />
    </>
  );
}
