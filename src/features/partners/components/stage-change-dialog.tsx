import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, type SummaryError } from '@/components/ui/form/error-summary';
import { ErrorMessage } from '@/components/ui/form/error-message';
import { useModalDialog } from '@/components/ui/use-modal-dialog';
import { isIsoDate, todayIn } from '@/domain/dates';
import { nextStages, type Partnership, type Stage } from '@/domain/partnership';
import type { FieldError } from '@/domain/validation';
import { isApiError } from '@/lib/api-client';
import { describeError } from '@/lib/describe-error';
import { useChangeStage } from '../api/mutations';
import { FormGroup } from '@/components/ui/form/form-group';

type Props = {
  partnership: Partnership;
  name: string;
  onClose: () => void;
  onSaved: (saved: Partnership) => void;
};

type Values = { to: string; day: string; month: string; year: string; note: string };

function isoOf(v: Values): string {
  const pad = (s: string) => s.trim().padStart(2, '0');
  return `${v.year.trim()}-${pad(v.month)}-${pad(v.day)}`;
}

/**
 * Moves a partnership to a next stage: only the transitions the domain allows are offered, with
 * the date (typed day / month / year) and a note. Errors appear GOV.UK-style (summary + beside the
 * field); a 412 keeps what the user typed and shows the stage as it now is.
 */
export function StageChangeDialog({ partnership, name, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const ref = useModalDialog();
  const [base, setBase] = useState(partnership);
  const [today] = useState(() => todayIn());
  const [values, setValues] = useState<Values>(() => {
    const [year = '', month = '', day = ''] = today.split('-');
    return { to: '', day: String(Number(day)), month: String(Number(month)), year, note: '' };
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState('');
  const [focusKey, setFocusKey] = useState(0);
  const options = nextStages(base.stage);
  const stageName = (s: string) => t(`enums.stage.${s as Stage}`, { defaultValue: s });


  const fieldIds = { to: `${id}-to`, date: `${id}-day`, note: `${id}-note` };

  const messageOf = (e: FieldError) =>
    t(`errors.field.${e.code}`, {
      ...e.params,
      ...(e.params?.from ? { from: stageName(String(e.params.from)) } : {}),
      ...(e.params?.to ? { to: stageName(String(e.params.to)) } : {}),
      defaultValue: e.message,
    });

  const mutation = useChangeStage();
  const onError = (error: unknown) => {
    setFocusKey((k) => k + 1);
    if (!isApiError(error)) return setNotice(describeError(error, t));
    if (error.status === 412 && error.current) {
      const current = error.current as Partnership;
      setBase(current);
      setNotice(t('stageChange.conflict', { stage: stageName(current.stage) }));
      setErrors({});
      return;
    }
    if (error.status === 403) return setNotice(t('stageChange.forbidden'));
    if (error.status === 400 && error.fieldErrors.length > 0) {
      const next: Record<string, string> = {};
      for (const e of error.fieldErrors) {
        const key = e.path.startsWith('date') ? 'date' : e.path.startsWith('note') ? 'note' : 'to';
        next[key] ??= messageOf(e);
      }
      setNotice('');
      return setErrors(next);
    }
    setNotice(describeError(error, t));
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!values.to) found.to = t('errors.field.required');
    else if (!options.includes(values.to as Stage))
      found.to = t('errors.field.invalidTransition', { from: stageName(base.stage), to: stageName(values.to) });
    if (!isIsoDate(isoOf(values)) || values.year.trim().length !== 4) found.date = t('errors.field.invalidDate');
   
    setErrors(found);
    setNotice('');
    if (Object.keys(found).length > 0) {
      setFocusKey((k) => k + 1);
      return;
    }
    const note = values.note.trim();
    mutation.mutate({ partnership: base, to: values.to, date: isoOf(values), ...(note ? { note } : {}) }, { onSuccess: onSaved, onError });
  };

  const summary: SummaryError[] = (['to', 'date', 'note'] as const)
    .filter((k) => errors[k])
    .map((k) => ({ fieldId: fieldIds[k], message: errors[k] ?? '' }));

  const set = (key: keyof Values) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <h2 id={`${id}-title`} className="dialog__title">
          {t('stageChange.title', { name })}
        </h2>
        <ErrorSummary errors={summary} focusKey={summary.length > 0 ? focusKey : 0} />
        {notice && (
          <div className="save-failed" role="alert">
            {notice}
          </div>
        )}
        <p>{t('stageChange.current', { stage: stageName(base.stage) })}</p>
        {options.length === 0 ? (
          <p>{t('stageChange.final')}</p>
        ) : (
          <>
            <FormGroup id={fieldIds.to} label={t('stageChange.to')} hint={t('stageChange.toHint')} error={errors.to}>
              <select
                id={fieldIds.to}
                className={`select${errors.to ? ' select--error' : ''}`}
                value={values.to}
                onChange={set('to')}
                aria-describedby={`${fieldIds.to}-hint${errors.to ? ` ${fieldIds.to}-error` : ''}`}
                aria-invalid={errors.to ? true : undefined}
              >
                <option value="">{t('form.choose')}</option>
                {options.map((s) => (
                  <option key={s} value={s}>
                    {stageName(s)}
                  </option>
                ))}
              </select>
            </FormGroup>
            <div className={`form-group${errors.date ? ' form-group--error' : ''}`}>
              <fieldset className="fieldset" role="group" aria-describedby={`${id}-date-hint${errors.date ? ` ${id}-date-error` : ''}`}>
                <legend className="fieldset__legend">{t('stageChange.date')}</legend>
                <p className="hint" id={`${id}-date-hint`}>
                  {t('stageChange.dateHint')}
                </p>
                {errors.date && <ErrorMessage id={`${id}-date-error`}>{errors.date}</ErrorMessage>}
                <div className="date-input">
                  {(
                    [
                      ['day', t('form.day'), 2],
                      ['month', t('form.month'), 2],
                      ['year', t('form.year'), 4],
                    ] as const
                  ).map(([key, label, width]) => (
                    <div className="date-input__item" key={key}>
                      <label className="label label--small" htmlFor={`${id}-${key}`}>
                        {label}
                      </label>
                      <input
                        id={`${id}-${key}`}
                        type="text"
                        inputMode="numeric"
                        autoComplete="off"
                        className={`input input--${width}${errors.date ? ' input--error' : ''}`}
                        aria-invalid={errors.date ? true : undefined}
                        value={values[key]}
                        onChange={set(key)}
                      />
                    </div>
                  ))}
                </div>
              </fieldset>
            </div>
            <FormGroup id={fieldIds.note} label={t('stageChange.note')} hint={t('stageChange.noteHint')} error={errors.note}>
              <textarea
                id={fieldIds.note}
                className="input"
                rows={3}
                maxLength={500}
                value={values.note}
                onChange={set('note')}
                aria-describedby={`${fieldIds.note}-hint${errors.note ? ` ${fieldIds.note}-error` : ''}`}
              />
            </FormGroup>
          </>
        )}
        <div className="form-actions">
          {options.length > 0 && (
            <button type="submit" className="button" disabled={mutation.isPending}>
              {mutation.isPending ? t('stageChange.saving') : t('stageChange.save')}
            </button>
          )}
          <button type="button" className="button button--secondary" onClick={() => ref.current?.close()}>
            {t('stageChange.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
