import { useTranslation } from 'react-i18next';
import { ReportedFields } from '../../edit-form/record-fields';
import type { SectionProps } from './section-props';
import { FormSection } from '@/components/ui/form/repeated-rows';

/**
 * What the report said about the visit (issue 15): its aims, how large each side's delegation
 * was and the names as spelled there. The same inputs and words as the meeting edit form.
 */
export function RecordSection({ form, errors }: SectionProps) {
  const { t } = useTranslation();
  return (
    <FormSection id="visit-record" title={t('record.section')}>
      <ReportedFields form={form} errors={errors} />
    </FormSection>
  );
}
