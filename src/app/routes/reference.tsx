import type { QueryClient } from '@tanstack/react-query';
import { preload } from '@/lib/api-client';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { SavedState } from '@/features/reference/reference-form-page';
import { ReferenceLists } from '@/features/reference/reference-lists';
import { referenceQueries } from '@/reference-data/queries';
import { preloadNames } from '@/reference-data/use-names-ready';
import { useDocumentTitle } from '@/lib/use-document-title';

export function referenceLoader(queryClient: QueryClient) {
  return () => {
    preload(queryClient, referenceQueries.regions());
    preload(queryClient, referenceQueries.organizations());
    preload(queryClient, referenceQueries.allPeople());
    preloadNames(queryClient);
    return null;
  };
}

/** "Data rujukan": partner regions, organisations and people, and the confirmation after a save. */
export function ReferencePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('reference.title'));
  const saved = (useLocation().state as Partial<SavedState> | null)?.saved;
  return (
    <div className="page">
      <h1>{t('reference.title')}</h1>
      <p className="lead">{t('reference.intro')}</p>
      {saved && (
        <div className="notification notification--success" role="status">
          <p>{t(`reference.saved.${saved.kind}`, { name: saved.name })}</p>
        </div>
      )}
      <ReferenceLists />
    </div>
  );
}
