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
            <Kpi
              label={t('dashboard.activePartnerships')}
              to={link('/partners', { stage: 'mou-signed,active' })}
              value={format.number(kpis.data.activePartnerships)}
              hint={t('dashboard.activePartnershipsOf', { total: format.number(kpis.data.partnerships) })}
            />
            <Kpi
              label={t('dashboard.meetings', { year })}
              to={link('/meetings', { from: filters.from, to: filters.to })}
              value={format.number(kpis.data.meetings)}
              hint={t('dashboard.meetingsPrevious', { previous: format.number(kpis.data.meetingsPreviousPeriod) })}
            />
            <Kpi
              label={t('dashboard.openFollowUps')}
              to={link('/follow-ups', { status: 'open,in-progress,blocked' })}
              value={format.number(kpis.data.openFollowUps)}
            />
            <Kpi
              label={t('dashboard.overdueFollowUps')}
              to={link('/follow-ups', { due: 'overdue' })}
              value={format.number(kpis.data.overdueFollowUps)}
              warning
            />
            <Kpi
              label={t('dashboard.completionRate')}
              to={link('/follow-ups', { status: 'done', agreedFrom: filters.from, agreedTo: filters.to })}
              value={kpis.data.completionRate === null ? t('dashboard.noRate') : format.percent(kpis.data.completionRate)}
              hint={t('dashboard.completionRateOf', {
                done: format.number(kpis.data.followUpsDone),
                agreed: format.number(kpis.data.followUpsAgreed),
                year,
              })}
            />
          </dl>
      )}
    </section>
  );
}

/** One key figure: its label, the figure linking to the list it counts, and a line under it. */
function Kpi({ label, to, value, hint, warning }: { label: string; to: string; value: string; hint?: string; warning?: boolean }) {
  return (
    <div className={warning ? 'kpi kpi--warning' : 'kpi'}>
      <dt className="kpi__label">{label}</dt>
      <dd className="kpi__value">
        <Link to={to}>{value}</Link>
      </dd>
      {hint !== undefined && <dd className="kpi__hint">{hint}</dd>}
    </div>
  );
}
