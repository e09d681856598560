import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FOLLOW_UP_STATUSES, type FollowUp, type FollowUpStatus } from '@/domain/follow-up';
import { describedBy } from '@/components/ui/form/error-message';
import { FormGroup } from '@/components/ui/form/form-group';
import { useModalDialog } from '@/components/ui/use-modal-dialog';

type StatusDialogProps = {
  item: FollowUp;
  onSubmit: (change: { item: FollowUp; status: FollowUpStatus; comment: string }) => void;
  onClose: () => void;
};

/**
 * One step: pick the new status, optionally say why, save. A blocked item needs a reason.
 * A native <dialog>, mounted while it is open: focus moves in, Escape closes, focus returns to
 * the button that opened it.
 */
export function StatusDialog({ item, onSubmit, onClose }: StatusDialogProps) {
  const { t } = useTranslation();
  // Opens as a modal when shown; on the way out, focus goes back to what opened it (the row's button).
  const ref = useModalDialog();
  const id = useId();
  const [status, setStatus] = useState<FollowUpStatus>(item.status);
  const [comment, setComment] = useState('');
  const [error, setError] = useState('');


  const blocked = status === 'blocked';
  const handleSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    if (blocked && !comment.trim()) {
      setError(t('errors.field.reasonRequired'));
      document.getElementById(`${id}-comment`)?.focus();
      return;
    }
    onSubmit({ item, status, comment });
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <form method="dialog" onSubmit={handleSubmit} noValidate>
        <h2 id={`${id}-title`} className="dialog__title">
          {t('followUps.changeStatusOf', { title: item.title })}
        </h2>
        <fieldset className="fieldset form-group">
          <legend className="fieldset__legend fieldset__legend--small">{t('followUps.newStatus')}</legend>
          <div className="radios">
            {FOLLOW_UP_STATUSES.map((s) => (
              <div className="radios__item" key={s}>
                <input
                  type="radio"
                  className="radios__input"
                  id={`${id}-${s}`}
                  name="status"
                  value={s}
                  checked={status === s}
                  onChange={() => {
                    setStatus(s);
                    setError('');
                  }}
                  autoFocus={s === item.status}
                />
                <label htmlFor={`${id}-${s}`} className="radios__label">
                  {t(`enums.status.${s}`)}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <FormGroup
          id={`${id}-comment`}
          label={blocked ? t('followUps.reason') : t('followUps.comment')}
          optional={!blocked}
          hint={blocked ? t('followUps.reasonHint') : undefined}
          error={error || undefined}
        >
          <textarea
            id={`${id}-comment`}
            className={`input${error ? ' input--error' : ''}`}
            rows={3}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            aria-describedby={describedBy(`${id}-comment`, blocked ? t('followUps.reasonHint') : undefined, error)}
            aria-invalid={error ? true : undefined}
          />
        </FormGroup>
        <div className="form-actions">
          <button type="submit" className="button">
            {t('followUps.save')}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('followUps.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
