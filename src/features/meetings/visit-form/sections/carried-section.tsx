import { useTranslation } from 'react-i18next';
import { domId } from '@/components/ui/form/dom-id';
import { Options } from '@/components/ui/filter-select';
import { FOLLOW_UP_STATUSES, type FollowUp } from '@/domain/follow-up';
import { useFormat } from '@/lib/use-format';
import type { SectionProps } from './section-props';
import { FormSection } from '@/components/ui/form/repeated-rows';

/** The statuses a visit can move a carried follow-up to (not back to open, not to blocked). */
const PROGRESS_STATUSES = FOLLOW_UP_STATUSES.filter((s) => s !== 'open' && s !== 'blocked');

/** The partnership's open follow-ups: carry each into this meeting, and say how it moved on. */
export function CarriedSection({ form, items }: Pick<SectionProps, 'form'> & { items: FollowUp[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const reg = form.register;
  return (
    <FormSection id="visit-carried" title={t('visit.sections.carried')}>
      <p className="hint">{t('visit.carriedIntro')}</p>
      <ul className="carried" id={domId('carried')} tabIndex={-1}>
        {items.map((item) => (
          <li key={item.id} className="carried__item">
            <div className="checkboxes__item">
              <input type="checkbox" id={`carry-${item.id}`} value={item.id} className="checkboxes__input" {...reg('carried')} />
              <label htmlFor={`carry-${item.id}`} className="checkboxes__label">
                <span className="carried__title">{item.title}</span>{' '}
                <span className="hint">
                  ({t(`enums.status.${item.status}`)}
                  {item.dueDate ? `, ${t('followUps.columns.due')} ${format.date(item.dueDate, 'medium')}` : ''}) — {t('visit.carry')}
                </span>
              </label>
            </div>
            <div className="form-group form-group--inline">
              <label className="label label--small" htmlFor={`progress-${item.id}`}>
                {t('visit.progress')}
                <span className="visually-hidden">: {item.title}</span>
              </label>
              <select id={`progress-${item.id}`} className="select select--compact" {...reg(`progress.${item.id}`)}>
                <Options first={t('visit.noChange')} options={PROGRESS_STATUSES.map((s) => ({ value: s, label: t(`enums.status.${s}`) }))} />
              </select>
            </div>
          </li>
        ))}
      </ul>
    </FormSection>
  );
}
