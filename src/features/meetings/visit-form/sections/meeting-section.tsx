import { useTranslation } from 'react-i18next';
import { DateInput, Radios, TextInput } from '@/components/ui/form/fields';
import { RECORDED_MEETING_KINDS } from '@/domain/meeting';
import type { SectionProps } from './section-props';
import { FormSection } from '@/components/ui/form/repeated-rows';

/** The meeting itself: kind, title, date, time and place. */
export function MeetingSection({ form, errors }: SectionProps) {
  const { t } = useTranslation();
  const reg = form.register;
  const errs = errors;
  return (
    <FormSection id="visit-meeting" title={t('visit.sections.meeting')}>
      <Radios
        name="kind"
        legend={t('visit.kind')}
        register={reg}
        errors={errs}
        options={RECORDED_MEETING_KINDS.map((k) => ({ value: k, label: t(`enums.meetingKind.${k}`) }))}
      />
      <TextInput name="title" label={t('visit.meetingTitle')} hint={t('visit.meetingTitleHint')} register={reg} errors={errs} />
      <DateInput name="date" legend={t('visit.date')} hint={t('visit.dateHint')} register={reg} errors={errs} />
      <div className="form-row">
        <TextInput name="time" label={t('visit.time')} hint={t('visit.timeHint')} register={reg} errors={errs} optional width="short" inputMode="numeric" />
        <TextInput name="timeZone" label={t('visit.timeZone')} register={reg} errors={errs} width="half" />
      </div>
      <TextInput name="place" label={t('visit.place')} register={reg} errors={errs} optional />
    </FormSection>
  );
}
