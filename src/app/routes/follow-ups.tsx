import type { QueryClient } from '@tanstack/react-query';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { FOLLOW_UP_STATUSES, type FollowUpStatus } from '@/domain/follow-up';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { followUpQueries, type FollowUpFilters } from '@/features/follow-ups/api/queries';
import { FollowUpTable } from '@/features/follow-ups/components/follow-up-table';
import { partnershipQueries } from '@/features/partners/api/queries';
import { LoadMore } from '@/components/ui/load-more';
import { useDocumentTitle } from '@/lib/use-document-title';

function filtersFrom(params: URLSearchParams): FollowUpFilters {
  const status = params.get('status');
  return FOLLOW_UP_STATUSES.includes(status as FollowUpStatus) ? { status: [status as FollowUpStatus] } : {};
}

export function followUpsLoader(queryClient: QueryClient) {
  return ({ request }: { request: Request }) => {
    void queryClient.prefetchInfiniteQuery(followUpQueries.list(filtersFrom(new URL(request.url).searchParams)));
    return null;
  };
}

export function FollowUpsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const list = useInfiniteQuery(followUpQueries.list(filters));
  const partnerships = useQuery(partnershipQueries.list());
  const partnershipMap = useMemo(() => new Map(partnerships.data?.items.map((p) => [p.id, p])), [partnerships.data]);
  useDocumentTitle(t('followUps.title'));

  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;

  return (
    <div className="page">
      <h1>{t('followUps.title')}</h1>
      <p className="lead">{t('followUps.intro')}</p>
      <div className="filters">
        <div className="field field--inline">
          <label htmlFor="status-filter" className="label">
            {t('followUps.filterStatus')}
          </label>
          <select
            id="status-filter"
            className="select"
            value={filters.status?.[0] ?? ''}
            onChange={(e) => setParams(e.target.value ? { status: e.target.value } : {}, { replace: true })}
          >
            <option value="">{t('common.all')}</option>
            {FOLLOW_UP_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`enums.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState>{t('followUps.empty')}</EmptyState>
      ) : (
        <>
          <FollowUpTable items={items} partnerships={partnershipMap} caption={t('followUps.caption')} />
          <LoadMore query={list} shown={items.length} total={total} />
        </>
      )}
    </div>
  );
}
