import { useTranslation } from 'react-i18next';
import { ReportedFields } from '../../edit-form/record-fields';
import type { SectionProps } from './section-props';

/**
 * What the report said about the visit (issue 15): its aims, how large each side's delegation
 * was and the names as spelled there. The same inputs and words as the meeting edit form.
 */
export function RecordSection({ form, errors }: SectionProps) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="visit-record" className="form-section">
      <h2 id="visit-record">{t('record.section')}</h2>
      <ReportedFields form={form} errors={errors} />
    </section>
  );
}
