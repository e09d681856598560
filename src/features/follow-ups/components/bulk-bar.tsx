import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FOLLOW_UP_STATUSES, type FollowUp, type FollowUpStatus } from '@/domain/follow-up';
import { isIsoDate } from '@/domain/dates';
import type { User } from '@/domain/user';
import { ErrorMessage } from '@/components/ui/form/error-message';
import { Options } from '@/components/ui/filter-select';
import type { BulkChanges } from '../api/mutations';

type BulkBarProps = {
  selected: FollowUp[];
  users: User[];
  busy: boolean;
  onApply: (changes: BulkChanges) => void;
  onClear: () => void;
};

/** Change status, owner or due date of every selected item in one request. */
export function BulkBar({ selected, users, busy, onApply, onClear }: BulkBarProps) {
  const { t } = useTranslation();
  const id = useId();
  const [status, setStatus] = useState<FollowUpStatus | ''>('');
  const [ownerId, setOwnerId] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [comment, setComment] = useState('');
  const [error, setError] = useState('');

  const handleSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!status && !ownerId && !dueDate.trim()) return setError(t('followUps.bulkNothing'));
    if (dueDate.trim() && !isIsoDate(dueDate.trim())) return setError(t('errors.field.invalidDate'));
    if (status === 'blocked' && !comment.trim()) return setError(t('errors.field.reasonRequired'));
    setError('');
    onApply({
      ...(status ? { status } : {}),
      ...(ownerId ? { ownerId } : {}),
      ...(dueDate.trim() ? { dueDate: dueDate.trim() } : {}),
      ...(comment.trim() ? { comment: comment.trim() } : {}),
    });
  };

  return (
    <form className="bulk-bar" onSubmit={handleSubmit} noValidate aria-labelledby={`${id}-legend`}>
      <p className="bulk-bar__count" id={`${id}-legend`}>
        <strong>{t('followUps.bulkSelected', { count: selected.length })}</strong> — {t('followUps.bulkLegend')}
      </p>
      {error && <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage>}
      <div className="bulk-bar__fields">
        <BulkField id={`${id}-status`} label={t('followUps.bulkStatus')}>
          <select id={`${id}-status`} className="select" value={status} onChange={(e) => setStatus(e.target.value as FollowUpStatus | '')}>
            <Options first={t('followUps.bulkNoChange')} options={FOLLOW_UP_STATUSES.map((s) => ({ value: s, label: t(`enums.status.${s}`) }))} />
          </select>
        </BulkField>
        <BulkField id={`${id}-owner`} label={t('followUps.bulkOwner')}>
          <select id={`${id}-owner`} className="select" value={ownerId} onChange={(e) => setOwnerId(e.target.value)}>
            <Options first={t('followUps.bulkNoChange')} options={users.map((u) => ({ value: u.id, label: u.name }))} />
          </select>
        </BulkField>
        <BulkField id={`${id}-due`} label={t('followUps.bulkDue')}>
          <input id={`${id}-due`} className="input input--short" inputMode="numeric" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
        </BulkField>
        <BulkField id={`${id}-comment`} label={t('followUps.comment')}>
          <input id={`${id}-comment`} className="input" value={comment} onChange={(e) => setComment(e.target.value)} />
        </BulkField>
      </div>
      <div className="form-actions form-actions--tight">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {t('followUps.bulkApply', { count: selected.length })}
        </button>
        <button type="button" className="button button--secondary" onClick={onClear}>
          {t('followUps.bulkClear')}
        </button>
      </div>
    </form>
  );
}

/** One labelled control of the bar, its label small. */
function BulkField({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="field">
      <label className="label label--small" htmlFor={id}>
        {label}
      </label>
      {children}
    </div>
  );
}
