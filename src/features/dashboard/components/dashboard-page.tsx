import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { FilterSelect } from '@/components/ui/filter-select';
import { LoadingState } from '@/components/ui/states';
import { offeredYears } from '@/domain/dates';
import { dashboardFiltersFrom } from '../api/filters';
import { statsQueries } from '../api/queries';
import { KpiSection } from './kpis';
import { partnershipQueries } from '@/features/partners';
import { useLabels } from '@/reference-data/use-labels';
import { ensureLocalePart } from '@/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';

/** Recharts and the chart strings load only here, after the page itself: the first paint stays light. */
export const loadCharts = () => Promise.all([import('@/features/dashboard/components/charts'), ensureLocalePart('charts')]).then(([m]) => m);
const DashboardCharts = lazy(() => loadCharts().then((m) => ({ default: m.DashboardCharts })));
const HealthPanel = lazy(() => loadCharts().then((m) => ({ default: m.HealthPanel })));
const GovernmentBreakdown = lazy(() =>
  Promise.all([import('./government-breakdown'), ensureLocalePart('charts')]).then(([m]) => ({ default: m.GovernmentBreakdown })),
);

/** The dashboard: its filters in the URL, the key figures, then the charts (their own chunk). */
export function DashboardPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const [params, setParams] = useSearchParams();
  const { year, filters } = dashboardFiltersFrom(params);
  const kpis = useQuery(statsQueries.kpis(filters));
  const partnerships = useQuery(partnershipQueries.list());
  useDocumentTitle(t('dashboard.title'));

  const years = offeredYears();
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
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

      <KpiSection kpis={kpis} year={year} filters={filters} />

      <Suspense fallback={<LoadingState />}>
        <HealthPanel filters={filters} />
        <DashboardCharts filters={filters} periodLabel={String(year)} />
        {/* After the charts: it appears only for users of several governments, and moves nothing above it. */}
        <GovernmentBreakdown filters={filters} />
      </Suspense>
    </div>
  );
}
