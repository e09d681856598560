import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AddRowButton, RemoveRowButton } from '@/components/ui/form/row-buttons';
import { Checkboxes, TextInput } from '@/components/ui/form/fields';
import { offeredSectors } from '@/domain/sector';
import { useLabels } from '@/reference-data/use-labels';
import { addRow, removeRow, type SectionProps } from './section-props';
import { FormSection, RowCard } from '@/components/ui/form/repeated-rows';
import { TextRows } from '../../edit-form/text-rows';

/** What was discussed: sectors, a summary, statements as said, and outcomes. */
export function TopicsSection({ form, errors }: SectionProps) {
  const { t } = useTranslation();
  const reg = form.register;
  const errs = errors;
  const labels = useLabels();
  const statements = useFieldArray({ control: form.control, name: 'statements' });
  // Retired sectors are not offered (one a restored draft already names stays).
  const chosen = form.watch('sectorIds');
  const sectorOptions = offeredSectors(labels.maps.sectors.values(), chosen).map((s) => ({ value: s.id, label: labels.sector(s.id) }));
  return (
    <FormSection id="visit-topics" title={t('visit.sections.topics')}>
      <Checkboxes name="sectorIds" legend={t('visit.sectors')} register={reg} errors={errs} options={sectorOptions} />
      <TextInput name="summary" label={t('visit.summary')} register={reg} errors={errs} optional multiline />

      <h3 className="subheading">{t('visit.statements')}</h3>
      {statements.fields.map((field, index) => (
        <RowCard key={field.id} legend={t('visit.statement', { n: index + 1 })}>
          <TextInput name={`statements.${index}.speaker`} label={t('visit.speaker')} hint={t('visit.speakerHint')} register={reg} errors={errs} width="half" />
          <TextInput name={`statements.${index}.text`} label={t('visit.quote')} register={reg} errors={errs} multiline />
          <RemoveRowButton label={t('visit.removeStatement', { n: index + 1 })} onClick={() => removeRow(() => statements.remove(index), 'statements-add')} />
        </RowCard>
      ))}
      <AddRowButton id="statements-add" label={t('visit.addStatement')} onClick={() => addRow(form, () => statements.append({ speaker: '', text: '' }), `statements.${statements.fields.length}.speaker`)} />

      <h3 className="subheading">{t('visit.outcomes')}</h3>
      <TextRows form={form} errors={errs} name="outcomes" addId="outcomes-add" refocus />
    </FormSection>
  );
}
