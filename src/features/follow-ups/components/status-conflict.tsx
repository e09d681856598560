import { useTranslation } from 'react-i18next';
import type { FollowUp, FollowUpStatus } from '@/domain/follow-up';

type Props = { mine: FollowUpStatus; current: FollowUp; onReapply: () => void; onKeepTheirs: () => void };

/** A status change refused with 412: what the item is now, and the choice to apply mine again or keep theirs. */
export function StatusConflict({ mine, current, onReapply, onKeepTheirs }: Props) {
  const { t } = useTranslation();
  return (
    <div className="conflict" role="alert">
      <h2>{t('followUps.conflictTitle', { title: current.title })}</h2>
      <p>
        {t('followUps.conflictBody', {
          status: t(`enums.status.${current.status}`),
          version: current.version,
          mine: t(`enums.status.${mine}`),
        })}
      </p>
      <div className="form-actions form-actions--tight">
        <button type="button" className="button" onClick={onReapply}>
          {t('followUps.reapply')}
        </button>
        <button type="button" className="button button--secondary" onClick={onKeepTheirs}>
          {t('followUps.keepTheirs')}
        </button>
      </div>
    </div>
  );
}
