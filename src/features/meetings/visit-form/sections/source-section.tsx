import { useTranslation } from 'react-i18next';
import { TextInput } from '@/components/ui/form/fields';
import type { SectionProps } from './section-props';
import { FormSection } from '@/components/ui/form/repeated-rows';

/** Where the account of the visit comes from (a news item, a report). */
export function SourceSection({ form, errors }: SectionProps) {
  const { t } = useTranslation();
  const reg = form.register;
  const errs = errors;
  return (
    <FormSection id="visit-source" title={t('visit.sections.source')}>
      <TextInput name="source.url" label={t('visit.sourceUrl')} hint={t('visit.sourceUrlHint')} register={reg} errors={errs} optional inputMode="url" />
      <TextInput name="source.publisher" label={t('visit.publisher')} register={reg} errors={errs} optional width="half" />
      <TextInput name="source.dateAsReported" label={t('visit.dateAsReported')} hint={t('visit.dateAsReportedHint')} register={reg} errors={errs} optional width="half" />
    </FormSection>
  );
}
