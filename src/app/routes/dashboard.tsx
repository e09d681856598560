import type { QueryClient } from '@tanstack/react-query';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { todayIn } from '@/domain/dates';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { statsQueries, type StatsFilters } from '@/features/dashboard/api/queries';
import { QuarterKindTable, SectorStatusTable, StageTable } from '@/features/dashboard/components/stat-tables';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useFormat } from '@/lib/use-format';

const FIRST_YEAR = 2015;

function yearFrom(params: URLSearchParams): number {
  const current = Number(todayIn().slice(0, 4));
  const year = Number(params.get('year'));
  return Number.isInteger(year) && year >= FIRST_YEAR && year <= current + 1 ? year : current;
}

const filtersFor = (year: number): StatsFilters => ({ from: `${year}-01-01`, to: `${year}-12-31` });

export function dashboardLoader(queryClient: QueryClient) {
  return ({ request }: { request: Request }) => {
    const filters = filtersFor(yearFrom(new URL(request.url).searchParams));
    void queryClient.prefetchQuery(statsQueries.kpis(filters));
    void queryClient.prefetchQuery(statsQueries.bySector(filters));
    return null;
  };
}

export function DashboardPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const year = yearFrom(params);
  const filters = filtersFor(year);
  const kpis = useQuery(statsQueries.kpis(filters));
  const bySector = useQuery(statsQueries.bySector(filters));
  const byQuarter = useQuery(statsQueries.byQuarter(filters));
  const byStage = useQuery(statsQueries.byStage(filters));
  useDocumentTitle(t('dashboard.title'));

  const currentYear = Number(todayIn().slice(0, 4));
  const years = Array.from({ length: currentYear + 1 - FIRST_YEAR + 1 }, (_, i) => currentYear + 1 - i);

  return (
    <div className="page">
      <h1>{t('dashboard.title')}</h1>
      <p className="lead">{t('dashboard.intro')}</p>

      <div className="filters">
        <div className="field field--inline">
          <label htmlFor="dashboard-year" className="label">
            {t('dashboard.year')}
          </label>
          <select
            id="dashboard-year"
            className="select"
            value={year}
            onChange={(e) => setParams({ year: e.target.value }, { replace: true })}
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
      </div>

      <section aria-labelledby="kpis-heading">
        <h2 id="kpis-heading" className="visually-hidden">
          {t('dashboard.kpis')}
        </h2>
        {kpis.isPending ? (
          <LoadingState />
        ) : kpis.isError ? (
          <ErrorState error={kpis.error} onRetry={() => void kpis.refetch()} />
        ) : (
          <ul className="kpis">
            <li className="kpi">
              <span className="kpi__label">{t('dashboard.activePartnerships')}</span>
              <span className="kpi__value">{format.number(kpis.data.activePartnerships)}</span>
              <span className="kpi__hint">{t('dashboard.activePartnershipsOf', { total: format.number(kpis.data.partnerships) })}</span>
            </li>
            <li className="kpi">
              <span className="kpi__label">{t('dashboard.meetings', { year })}</span>
              <span className="kpi__value">{format.number(kpis.data.meetings)}</span>
              <span className="kpi__hint">{t('dashboard.meetingsPrevious', { previous: format.number(kpis.data.meetingsPreviousPeriod) })}</span>
            </li>
            <li className="kpi">
              <span className="kpi__label">{t('dashboard.openFollowUps')}</span>
              <span className="kpi__value">{format.number(kpis.data.openFollowUps)}</span>
            </li>
            <li className="kpi kpi--warning">
              <span className="kpi__label">{t('dashboard.overdueFollowUps')}</span>
              <span className="kpi__value">{format.number(kpis.data.overdueFollowUps)}</span>
            </li>
            <li className="kpi">
              <span className="kpi__label">{t('dashboard.completionRate')}</span>
              <span className="kpi__value">
                {kpis.data.completionRate === null ? t('dashboard.noRate') : format.percent(kpis.data.completionRate)}
              </span>
              <span className="kpi__hint">
                {t('dashboard.completionRateOf', {
                  done: format.number(kpis.data.followUpsDone),
                  agreed: format.number(kpis.data.followUpsAgreed),
                  year,
                })}
              </span>
            </li>
          </ul>
        )}
      </section>

      <section aria-labelledby="by-sector-heading">
        <h2 id="by-sector-heading">{t('dashboard.bySector')}</h2>
        {bySector.isPending ? (
          <LoadingState />
        ) : bySector.isError ? (
          <ErrorState error={bySector.error} onRetry={() => void bySector.refetch()} />
        ) : (
          <SectorStatusTable rows={bySector.data.items} caption={t('dashboard.bySectorCaption', { year })} />
        )}
      </section>

      <div className="grid-2">
        <section aria-labelledby="by-quarter-heading">
          <h2 id="by-quarter-heading">{t('dashboard.byQuarter')}</h2>
          {byQuarter.isPending ? (
            <LoadingState />
          ) : byQuarter.isError ? (
            <ErrorState error={byQuarter.error} onRetry={() => void byQuarter.refetch()} />
          ) : (
            <QuarterKindTable rows={byQuarter.data.items} caption={t('dashboard.byQuarterCaption', { year })} />
          )}
        </section>
        <section aria-labelledby="by-stage-heading">
          <h2 id="by-stage-heading">{t('dashboard.byStage')}</h2>
          {byStage.isPending ? (
            <LoadingState />
          ) : byStage.isError ? (
            <ErrorState error={byStage.error} onRetry={() => void byStage.refetch()} />
          ) : (
            <StageTable rows={byStage.data.items} caption={t('dashboard.byStageCaption')} />
          )}
        </section>
      </div>
    </div>
  );
}
