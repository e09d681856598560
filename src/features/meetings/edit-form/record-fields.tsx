import { useFieldArray, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AddRowButton, RemoveRowButton } from '@/components/ui/form/row-buttons';
import { SelectInput, TextInput } from '@/components/ui/form/fields';
import type { TFunction } from 'i18next';
import { DELEGATION_SIDES, PARTICIPANT_SIDES, type DelegationSide } from '@/domain/meeting';
import type { EditValues } from './model';
import { RowCard } from '@/components/ui/form/repeated-rows';
import { TextRows } from './text-rows';

type Option = { value: string; label: string };
type Props = { form: UseFormReturn<EditValues>; errors: Record<string, string>; peopleOptions: Option[]; orgOptions: Option[] };

const focusLater = <T extends EditValues | ReportedValues>(form: UseFormReturn<T>, name: Parameters<UseFormReturn<T>['setFocus']>[0]) =>
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

  return (
    <>
      <h2 className="subheading">{t('visit.participants')}</h2>
      <p className="hint">{t('visit.participantsHint')}</p>
      {participants.fields.map((field, index) => (
        <RowCard key={field.id} legend={t('visit.participant', { n: index + 1 })}>
          <div className="form-row">
            <ParticipantSide index={index} form={form} errors={errs} />
            <SelectInput name={`participants.${index}.personId`} label={t('record.participantPerson')} register={reg} errors={errs} optional options={peopleOptions} />
          </div>
          <div className="form-row">
            <SelectInput name={`participants.${index}.organizationId`} label={t('visit.organization')} register={reg} errors={errs} optional options={orgOptions} />
            <TextInput name={`participants.${index}.description`} label={t('visit.description')} register={reg} errors={errs} optional width="half" />
          </div>
          <RemoveRowButton label={t('visit.removeParticipant', { n: index + 1 })} onClick={() => participants.remove(index)} />
        </RowCard>
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
        <RowCard key={field.id} legend={t('visit.statement', { n: index + 1 })}>
          <div className="form-row">
            <SelectInput name={`statements.${index}.personId`} label={t('record.statementPerson')} register={reg} errors={errs} optional options={peopleOptions} />
            <TextInput name={`statements.${index}.speaker`} label={t('visit.speaker')} register={reg} errors={errs} optional width="half" />
          </div>
          <TextInput name={`statements.${index}.text`} label={t('visit.quote')} register={reg} errors={errs} multiline />
          <RemoveRowButton label={t('visit.removeStatement', { n: index + 1 })} onClick={() => statements.remove(index)} />
        </RowCard>
      ))}
      <AddRowButton
        label={t('visit.addStatement')}
        onClick={() => {
          statements.append({ personId: '', speaker: '', text: '' });
          focusLater(form, `statements.${statements.fields.length}.personId`);
        }}
      />

      <h2 className="subheading">{t('record.section')}</h2>
      <ReportedFields form={form} errors={errs} />
    </>
  );
}

/** The "as reported" values both meeting forms hold, as typed: counts are strings until the API's schema checks them. */
export type ReportedValues = {
  aims: Array<{ text: string }>;
  delegationSize: Record<DelegationSide, { people: string; countries: string }>;
  namesAsReported: Array<{ text: string }>;
};

/**
 * Aims, delegation sizes per side and the names as the report spelled them: the same inputs in
 * the new-visit form and the edit form (issue 15). The caller gives the heading above them.
 */
export function ReportedFields<T extends ReportedValues>({ form, errors }: { form: UseFormReturn<T>; errors: Record<string, string> }) {
  const { t } = useTranslation();
  // Both forms' values include ReportedValues; react-hook-form's types cannot see that through T.
  const f = form as unknown as UseFormReturn<ReportedValues>;
  const reg = f.register;
  const errs = errors;
  return (
    <>
      <h3 className="subheading">{t('record.aims')}</h3>
      <TextRows form={f} errors={errs} name="aims" addId="aims-add" />

      <h3 className="subheading">{t('record.delegation')}</h3>
      <p className="hint">{t('record.delegationHint')}</p>
      {DELEGATION_SIDES.map((side) => (
        <RowCard key={side} legend={t(`record.delegationOf.${side}`)}>
          <div className="form-row">
            <TextInput name={`delegationSize.${side}.people`} label={t('record.people')} register={reg} errors={errs} optional inputMode="numeric" width="short" />
            <TextInput name={`delegationSize.${side}.countries`} label={t('record.countries')} register={reg} errors={errs} optional inputMode="numeric" width="short" />
          </div>
        </RowCard>
      ))}

      <h3 className="subheading">{t('record.names')}</h3>
      <p className="hint">{t('record.namesHint')}</p>
      <TextRows form={f} errors={errs} name="namesAsReported" addId="namesAsReported-add" />
    </>
  );
}

/** The words for an "as reported" field (`aims.1.text`, `delegationSize.host.people`), or undefined for others. */
export function reportedFieldLabel(t: TFunction, name: string): string | undefined {
  const [first, second, third] = name.split('.');
  const n = Number(second) + 1;
  if (first === 'aims') return second !== undefined ? t('record.aim', { n }) : t('record.aims');
  if (first === 'namesAsReported') return second !== undefined ? t('record.name', { n }) : t('record.names');
  if (first === 'delegationSize') {
    const side = second === 'host' || second === 'guest' ? second : undefined;
    const what = third === 'countries' ? t('record.countries') : t('record.people');
    return side ? `${t(`record.delegationOf.${side}`)}: ${what}` : t('record.delegation');
  }
  return undefined;
}

/** The words for the fields both meeting forms name alike (the error summary's labels). */
export function meetingFieldLabels(t: TFunction): Record<string, string> {
  return {
    kind: t('visit.kind'),
    title: t('visit.meetingTitle'),
    date: t('visit.date'),
    time: t('visit.time'),
    timeZone: t('visit.timeZone'),
    place: t('visit.place'),
    facilitatorIds: t('visit.facilitators'),
    sectorIds: t('visit.sectors'),
    summary: t('visit.summary'),
    url: t('visit.sourceUrl'),
    publisher: t('visit.publisher'),
    dateAsReported: t('visit.dateAsReported'),
  };
}

/** A participant's side (host or guest): the first field of a participant in both meeting forms. */
export function ParticipantSide<T extends FieldValues>({ index, form, errors }: { index: number; form: UseFormReturn<T>; errors: Record<string, string> }) {
  const { t } = useTranslation();
  // Both forms' values hold `participants`; react-hook-form's types cannot see that through T.
  const f = form as unknown as UseFormReturn<{ participants: Array<{ side: string }> }>;
  const options = PARTICIPANT_SIDES.map((s) => ({ value: s, label: t(`enums.side.${s}`) }));
  return <SelectInput name={`participants.${index}.side`} label={t('visit.side')} register={f.register} errors={errors} placeholder={false} options={options} />;
}
