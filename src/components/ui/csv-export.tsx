import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiDownload, type QueryParams } from '@/lib/api-client';
import { usePreferences } from '@/stores/preferences';
import { ErrorState } from './states';

/**
 * "Unduh CSV" for a list: the list's own filters, in the user's language, as the API's
 * `<path>` export streams it (issue 14: the file opens in Excel and imports back). A failed
 * download is said below the button, with a retry; the button is never disabled (focus stays).
 */
export function CsvExport({ path, params = {}, fileName }: { path: string; params?: QueryParams; fileName: string }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const download = () => {
    if (busy) return;
    setError(undefined);
    setBusy(true);
    apiDownload(path, { ...params, lang: usePreferences.getState().locale }, fileName)
      .catch((failure: unknown) => setError(failure))
      .finally(() => setBusy(false));
  };

  return (
    <div className="csv-export">
      <button type="button" className="button button--secondary button--small" onClick={download} aria-disabled={busy || undefined}>
        {t('common.exportCsv')}
        <span className="visually-hidden">: {t('common.exportCsvContext')}</span>
      </button>
      {error !== undefined && <ErrorState error={error} onRetry={download} />}
    </div>
  );
}
