import type { QueryClient } from '@tanstack/react-query';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { STAGES, type Stage } from '@/domain/partnership';
import { nextFollowUpsQuery, partnershipQueries, type PartnershipFilters } from '@/features/partners/api/queries';
import { useLabels } from '@/features/reference/api/use-labels';
import { PartnershipTable } from '@/features/partners/components/partnership-table';
import { useDocumentTitle } from '@/lib/use-document-title';

/** ?stage=active,mou-signed&sectorId=…&partnershipId=… (the dashboard links here); anything else is ignored. */
function partnerFiltersFrom(params: URLSearchParams): PartnershipFilters {
  const stage = (params.get('stage') ?? '').split(',').filter((s) => STAGES.includes(s as Stage));
  const sectorId = params.get('sectorId');
  const partnershipId = params.get('partnershipId');
  return {
    ...(stage.length > 0 ? { stage } : {}),
    ...(sectorId && /^[a-z0-9-]{1,40}$/.test(sectorId) ? { sectorId } : {}),
    ...(partnershipId && /^[\w-]{1,80}$/.test(partnershipId) ? { id: [partnershipId] } : {}),
  };
}

export function partnersLoader(queryClient: QueryClient) {
  return ({ request }: LoaderFunctionArgs) => {
    void queryClient.prefetchQuery(partnershipQueries.list(partnerFiltersFrom(new URL(request.url).searchParams)));
    return null;
  };
}

export function PartnersPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const filters = partnerFiltersFrom(params);
  const labels = useLabels();
  const list = useQuery(partnershipQueries.list(filters));
  const next = useQuery(nextFollowUpsQuery());
  const nextMap = useMemo(() => new Map(next.data?.items.map((n) => [n.partnershipId, n.followUp])), [next.data]);
  useDocumentTitle(t('partners.title'));
  return (
    <div className="page">
      <h1>{t('partners.title')}</h1>
      <p className="lead">{t('partners.intro')}</p>
      {(filters.stage ?? filters.sectorId ?? filters.id) && (
        <p className="filters__note">
          {t('partners.filtered', {
            what: [
              ...(filters.stage ?? []).map((s) => t(`enums.stage.${s as Stage}`)),
              ...(filters.sectorId ? [labels.sector(filters.sectorId)] : []),
              ...(filters.id ? filters.id.map((id) => labels.partnership(list.data?.items.find((p) => p.id === id))) : []),
            ].join(', '),
          })}{' '}
          <Link to="/partners">{t('common.clearFilters')}</Link>
        </p>
      )}
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
