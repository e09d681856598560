import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AddRowButton, RemoveRowButton } from '@/components/ui/form/row-buttons';
import { Checkboxes, TextInput } from '@/components/ui/form/fields';
import { offeredSectors } from '@/domain/sector';
import { useLabels } from '@/reference-data/use-labels';
import { addRow, removeRow, type SectionProps } from './section-props';

/** What was discussed: sectors, a summary, statements as said, and outcomes. */
export function TopicsSection({ form, errors }: SectionProps) {
  const { t } = useTranslation();
  const reg = form.register;
  const errs = errors;
  const labels = useLabels();
  const statements = useFieldArray({ control: form.control, name: 'statements' });
  const outcomes = useFieldArray({ control: form.control, name: 'outcomes' });
  // Retired sectors are not offered (one a restored draft already names stays).
  const chosen = form.watch('sectorIds');
  const sectorOptions = offeredSectors(labels.maps.sectors.values(), chosen).map((s) => ({ value: s.id, label: labels.sector(s.id) }));
  return (
    <section aria-labelledby="visit-topics" className="form-section">
      <h2 id="visit-topics">{t('visit.sections.topics')}</h2>
      <Checkboxes name="sectorIds" legend={t('visit.sectors')} register={reg} errors={errs} options={sectorOptions} />
      <TextInput name="summary" label={t('visit.summary')} register={reg} errors={errs} optional multiline />

      <h3 className="subheading">{t('visit.statements')}</h3>
      {statements.fields.map((field, index) => (
        <fieldset className="row-card" key={field.id}>
          <legend className="row-card__legend">{t('visit.statement', { n: index + 1 })}</legend>
          <TextInput name={`statements.${index}.speaker`} label={t('visit.speaker')} hint={t('visit.speakerHint')} register={reg} errors={errs} width="half" />
          <TextInput name={`statements.${index}.text`} label={t('visit.quote')} register={reg} errors={errs} multiline />
          <RemoveRowButton label={t('visit.removeStatement', { n: index + 1 })} onClick={() => removeRow(() => statements.remove(index), 'statements-add')} />
        </fieldset>
      ))}
      <AddRowButton id="statements-add" label={t('visit.addStatement')} onClick={() => addRow(form, () => statements.append({ speaker: '', text: '' }), `statements.${statements.fields.length}.speaker`)} />

      <h3 className="subheading">{t('visit.outcomes')}</h3>
      {outcomes.fields.map((field, index) => (
        <div className="row-inline" key={field.id}>
          <TextInput name={`outcomes.${index}.text`} label={t('visit.outcome', { n: index + 1 })} register={reg} errors={errs} />
          <RemoveRowButton label={t('visit.removeOutcome', { n: index + 1 })} onClick={() => removeRow(() => outcomes.remove(index), 'outcomes-add')} />
        </div>
      ))}
      <AddRowButton id="outcomes-add" label={t('visit.addOutcome')} onClick={() => addRow(form, () => outcomes.append({ text: '' }), `outcomes.${outcomes.fields.length}.text`)} />
    </section>
  );
}
