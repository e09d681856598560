import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '@/components/ui/states';
import { KpiPlaceholder } from './placeholders';
import { useFormat } from '@/lib/use-format';
import type { Kpis, StatsFilters } from '../api/queries';

type Props = { kpis: UseQueryResult<Kpis>; year: number; filters: StatsFilters };

/**
 * The five key figures of the period (the switch is written out, not QueryState: the first route
 * stays within its size budget).
 */
export function KpiSection({ kpis, year, filters }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const scope = new URLSearchParams(
    Object.entries({ partnershipId: filters.partnershipId, sectorId: filters.sectorId }).filter(
      (e): e is [string, string] => Boolean(e[1]),
    ),
  );
  const link = (path: string, extra: Record<string, string>) => {
    const search = new URLSearchParams({ ...Object.fromEntries(scope), ...extra }).toString();
    return `${path}${search ? `?${search}` : ''}`;
  };
  return (
    <section aria-labelledby="kpis-heading">
      <h2 id="kpis-heading" className="visually-hidden">
        {t('dashboard.kpis')}
      </h2>
      {kpis.isPending ? (
        // Cards of the final shape while loading: nothing moves when the figures arrive.
        <KpiPlaceholder />
      ) : kpis.isError ? (
        <ErrorState error={kpis.error} onRetry={() => void kpis.refetch()} />
      ) : (
          <dl className="kpis">
            <div className="kpi">
              <dt className="kpi__label">{t('dashboard.activePartnerships')}</dt>
              <dd className="kpi__value">
                <Link to={link('/partners', { stage: 'mou-signed,active' })}>
                  {format.number(kpis.data.activePartnerships)}
                </Link>
              </dd>
              <dd className="kpi__hint">
                {t('dashboard.activePartnershipsOf', { total: format.number(kpis.data.partnerships) })}
              </dd>
            </div>
            <div className="kpi">
              <dt className="kpi__label">{t('dashboard.meetings', { year })}</dt>
              <dd className="kpi__value">
                <Link to={link('/meetings', { from: filters.from, to: filters.to })}>
                  {format.number(kpis.data.meetings)}
                </Link>
              </dd>
              <dd className="kpi__hint">
                {t('dashboard.meetingsPrevious', {
                  previous: format.number(kpis.data.meetingsPreviousPeriod),
                })}
              </dd>
            </div>
            <div className="kpi">
              <dt className="kpi__label">{t('dashboard.openFollowUps')}</dt>
              <dd className="kpi__value">
                <Link to={link('/follow-ups', { status: 'open,in-progress,blocked' })}>
                  {format.number(kpis.data.openFollowUps)}
                </Link>
              </dd>
            </div>
            <div className="kpi kpi--warning">
              <dt className="kpi__label">{t('dashboard.overdueFollowUps')}</dt>
              <dd className="kpi__value">
                <Link to={link('/follow-ups', { due: 'overdue' })}>
                  {format.number(kpis.data.overdueFollowUps)}
                </Link>
              </dd>
            </div>
            <div className="kpi">
              <dt className="kpi__label">{t('dashboard.completionRate')}</dt>
              <dd className="kpi__value">
                <Link
                  to={link('/follow-ups', {
                    status: 'done',
                    agreedFrom: filters.from,
                    agreedTo: filters.to,
                  })}
                >
                  {kpis.data.completionRate === null
                    ? t('dashboard.noRate')
                    : format.percent(kpis.data.completionRate)}
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
  );
}
