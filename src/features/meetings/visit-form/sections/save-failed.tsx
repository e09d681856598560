import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '@/lib/api-client';
import { describeError } from '@/lib/describe-error';

/**
 * A save that failed for another reason than the form's content. A 422 means the first attempt
 * may have been saved under the same key with other content: look first, or save as new.
 * Anything else keeps the form and offers a retry.
 */
export function SaveFailed({ error, onSaveAsNew }: { error: unknown; onSaveAsNew: () => void }) {
  const { t } = useTranslation();
  return (
    isApiError(error) && error.status === 422 ? (
      <div className="save-failed" role="alert">
        <h2 className="save-failed__title">{t('visit.maybeSaved')}</h2>
        <p>{t('visit.maybeSavedBody')}</p>
        <p>
          <Link to="/meetings" target="_blank" rel="noopener">
            {t('visit.maybeSavedCheck')}
          </Link>
        </p>
        <button type="button" className="button button--secondary" onClick={onSaveAsNew}>
          {t('visit.saveAsNew')}
        </button>
      </div>
    ) : (
      <div className="save-failed" role="alert">
        <h2 className="save-failed__title">{t('visit.saveFailed')}</h2>
        <p>{describeError(error, t)}</p>
        <p>{t('visit.saveFailedKeep')}</p>
        <button type="submit" className="button">
          {t('visit.retry')}
        </button>
      </div>
    )
  );
}
