import type { QueryClient } from '@tanstack/react-query';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { nextFollowUpsQuery, partnershipQueries } from '@/features/partners/api/queries';
import { PartnershipTable } from '@/features/partners/components/partnership-table';
import { useDocumentTitle } from '@/lib/use-document-title';

export function partnersLoader(queryClient: QueryClient) {
  return () => {
    void queryClient.prefetchQuery(partnershipQueries.list());
    return null;
  };
}

export function PartnersPage() {
  const { t } = useTranslation();
  const list = useQuery(partnershipQueries.list());
  const next = useQuery(nextFollowUpsQuery());
  const nextMap = useMemo(() => new Map(next.data?.items.map((n) => [n.partnershipId, n.followUp])), [next.data]);
  useDocumentTitle(t('partners.title'));
  return (
    <div className="page">
      <h1>{t('partners.title')}</h1>
      <p className="lead">{t('partners.intro')}</p>
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState>{t('partners.empty')}</EmptyState>
      ) : (
        <PartnershipTable items={list.data.items} caption={t('partners.caption')} next={nextMap} />
      )}
    </div>
  );
}
