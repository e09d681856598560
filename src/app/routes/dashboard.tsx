import type { QueryClient } from '@tanstack/react-query';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { todayIn } from '@/domain/dates';
import { FilterSelect } from '@/components/ui/filter-select';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { KpiPlaceholder } from '@/features/dashboard/components/placeholders';
import { dashboardQueries, statsQueries, type StatsFilters } from '@/features/dashboard/api/queries';
import { partnershipQueries } from '@/features/partners/api/queries';
import { useLabels } from '@/reference-data/use-labels';
import { ensureLocalePart } from '@/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useFormat } from '@/lib/use-format';

/** Recharts and the chart strings load only here, after the page itself: the first paint stays light. */
const charts = () => Promise.all([import('@/features/dashboard/components/charts'), ensureLocalePart('charts')]).then(([m]) => m);
const DashboardCharts = lazy(() => charts().then((m) => ({ default: m.DashboardCharts })));
const HealthPanel = lazy(() => charts().then((m) => ({ default: m.HealthPanel })));

const FIRST_YEAR = 2015;

/** ?year=2025&partnershipId=…&sectorId=… — the dashboard's filters, all in the URL. */
function filtersFrom(params: URLSearchParams): { year: number; filters: StatsFilters } {
  const current = Number(todayIn().slice(0, 4));
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= FIRST_YEAR && asked <= current + 1 ? asked : current;
  const partnershipId = params.get('partnershipId') ?? undefined;
  const sectorId = params.get('sectorId') ?? undefined;
  return {
    year,
    filters: {
      from: `${year}-01-01`,
      to: `${year}-12-31`,
      ...(partnershipId && /^[\w-]{1,80}$/.test(partnershipId) ? { partnershipId } : {}),
      ...(sectorId && /^[a-z0-9-]{1,40}$/.test(sectorId) ? { sectorId } : {}),
    },
  };
}

export function dashboardLoader(queryClient: QueryClient) {
  return ({ request }: LoaderFunctionArgs) => {
    const { filters } = filtersFrom(new URL(request.url).searchParams);
    void queryClient.prefetchQuery(statsQueries.kpis(filters));
    void queryClient.prefetchQuery(dashboardQueries.health(filters));
    void charts(); // start loading the charts' code beside the data
    return null;
  };
}

export function DashboardPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels();
  const [params, setParams] = useSearchParams();
  const { year, filters } = filtersFrom(params);
  const kpis = useQuery(statsQueries.kpis(filters));
  const partnerships = useQuery(partnershipQueries.list());
  useDocumentTitle(t('dashboard.title'));

  const currentYear = Number(todayIn().slice(0, 4));
  const years = Array.from({ length: currentYear + 1 - FIRST_YEAR + 1 }, (_, i) => currentYear + 1 - i);
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const scope = new URLSearchParams(
    Object.entries({ partnershipId: filters.partnershipId, sectorId: filters.sectorId }).filter((e): e is [string, string] => Boolean(e[1])),
  );
  const link = (path: string, extra: Record<string, string>) => {
    const search = new URLSearchParams({ ...Object.fromEntries(scope), ...extra }).toString();
    return `${path}${search ? `?${search}` : ''}`;
  };
  const partnership = partnerships.data?.items.find((p) => p.id === filters.partnershipId);

  return (
    <div className="page dashboard">
      <h1>{t('dashboard.title')}</h1>
      <p className="lead">{t('dashboard.intro')}</p>
      <p className="print-only">
        {t('dashboard.printFilters', {
          period: String(year),
          partnership: partnership ? labels.partnership(partnership) : t('common.all'),
          sector: filters.sectorId ? labels.sector(filters.sectorId) : t('common.all'),
        })}
      </p>

      <form className="filters" aria-label={t('dashboard.filters')} onSubmit={(e) => e.preventDefault()}>
        <FilterSelect
          id="dashboard-year"
          label={t('dashboard.year')}
          value={String(year)}
          allLabel={false}
          options={years.map((y) => ({ value: String(y), label: String(y) }))}
          onChange={(value) => set('year', value)}
        />
        <FilterSelect
          id="dashboard-partnership"
          label={t('dashboard.partnership')}
          value={filters.partnershipId ?? ''}
          options={(partnerships.data?.items ?? []).map((p) => ({ value: p.id, label: labels.partnership(p) }))}
          onChange={(value) => set('partnershipId', value)}
        />
        <FilterSelect
          id="dashboard-sector"
          label={t('dashboard.sector')}
          value={filters.sectorId ?? ''}
          options={[...labels.maps.sectors.values()].map((s) => ({ value: s.id, label: labels.sector(s.id) }))}
          onChange={(value) => set('sectorId', value)}
        />
      </form>

      <section aria-labelledby="kpis-heading">
        <h2 id="kpis-heading" className="visually-hidden">
          {t('dashboard.kpis')}
        </h2>
        {kpis.isPending ? (
          <KpiPlaceholder />
        ) : kpis.isError ? (
          <ErrorState error={kpis.error} onRetry={() => void kpis.refetch()} />
        ) : (
          <dl className="kpis">
            <div className="kpi">
              <dt className="kpi__label">{t('dashboard.activePartnerships')}</dt>
              <dd className="kpi__value">
                <Link to={link('/partners', { stage: 'mou-signed,active' })}>{format.number(kpis.data.activePartnerships)}</Link>
              </dd>
              <dd className="kpi__hint">{t('dashboard.activePartnershipsOf', { total: format.number(kpis.data.partnerships) })}</dd>
            </div>
            <div className="kpi">
              <dt className="kpi__label">{t('dashboard.meetings', { year })}</dt>
              <dd className="kpi__value">
                <Link to={link('/meetings', { from: filters.from, to: filters.to })}>{format.number(kpis.data.meetings)}</Link>
              </dd>
              <dd className="kpi__hint">{t('dashboard.meetingsPrevious', { previous: format.number(kpis.data.meetingsPreviousPeriod) })}</dd>
            </div>
            <div className="kpi">
              <dt className="kpi__label">{t('dashboard.openFollowUps')}</dt>
              <dd className="kpi__value">
                <Link to={link('/follow-ups', { status: 'open,in-progress,blocked' })}>{format.number(kpis.data.openFollowUps)}</Link>
              </dd>
            </div>
            <div className="kpi kpi--warning">
              <dt className="kpi__label">{t('dashboard.overdueFollowUps')}</dt>
              <dd className="kpi__value">
                <Link to={link('/follow-ups', { due: 'overdue' })}>{format.number(kpis.data.overdueFollowUps)}</Link>
              </dd>
            </div>
            <div className="kpi">
              <dt className="kpi__label">{t('dashboard.completionRate')}</dt>
              <dd className="kpi__value">
                <Link to={link('/follow-ups', { status: 'done', agreedFrom: filters.from, agreedTo: filters.to })}>
                  {kpis.data.completionRate === null ? t('dashboard.noRate') : format.percent(kpis.data.completionRate)}
                </Link>
              </dd>
              <dd className="kpi__hint">
                {t('dashboard.completionRateOf', {
                  done: format.number(kpis.data.followUpsDone),
                  agreed: format.number(kpis.data.followUpsAgreed),
                  year,
                })}
              </dd>
            </div>
          </dl>
        )}
      </section>

      {/* Nothing below this section is on screen (the footer starts below the first screen): its
          content arriving moves nothing. The attention panel's figures are asked for in the loader,
          beside the charts' code, so the panel comes in whole. */}
      <Suspense fallback={<LoadingState />}>
        <HealthPanel filters={filters} />
        <DashboardCharts filters={filters} periodLabel={String(year)} />
      </Suspense>
    </div>
  );
}
