import type { QueryClient } from '@tanstack/react-query';
import { preload } from '@/lib/api-client';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { VisitForm } from '@/features/meetings/visit-form/visit-form';
import { partnershipQueries } from '@/features/partners/api/queries';
import { referenceQueries } from '@/reference-data/queries';

export function logVisitLoader(queryClient: QueryClient) {
  return () => {
    preload(queryClient, partnershipQueries.list());
    preload(queryClient, referenceQueries.allPeople());
    return null;
  };
}

export function LogVisitPage() {
  const { t } = useTranslation();
  return (
    <div className="page page--form">
      <p className="back-link">
        <Link to="/meetings">{t('meetings.backToList')}</Link>
      </p>
      <h1>{t('visit.title')}</h1>
      <p className="lead">{t('visit.intro')}</p>
      <VisitForm />
    </div>
  );
}
