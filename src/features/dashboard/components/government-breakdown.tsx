import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { visibleHomeRegions } from '@/domain/home-governments';
import { TableScroll } from '@/components/ui/table-scroll';
import { ErrorState } from '@/components/ui/states';
import { apiGet } from '@/lib/api-client';
import { useFormat } from '@/lib/use-format';
import { referenceQueries } from '@/reference-data/queries';
import { useLabels } from '@/reference-data/use-labels';
import { usePermissions } from '@/session/use-can';
import { statsKeys, type StatsFilters } from '../api/queries';

/** The table's columns, in order (their headings: `charts.byGovernment.*`). */
const COLUMNS = ['government', 'partnerships', 'meetings', 'open', 'overdue'] as const;

export type HomeRegionRow = {
  homeRegionId: string;
  partnerships: number;
  meetings: number;
  openFollowUps: number;
  overdueFollowUps: number;
};

export const byHomeRegionQuery = (f: StatsFilters) => ({
  queryKey: [...statsKeys.all, 'by-home-region', f] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) => apiGet<{ items: HomeRegionRow[] }>('/stats/by-home-region', f, signal),
});

/**
 * The per-government breakdown (issue 15): for a user of several home governments (or an
 * administrator of a deployment with several), one row per government they see, from
 * GET /api/stats/by-home-region; nothing for a user of one government.
 */
export function GovernmentBreakdown({ filters }: { filters: StatsFilters }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels();
  const { user } = usePermissions();
  const regions = useQuery(referenceQueries.regions());
  const visible = user ? visibleHomeRegions(user) : [];
  const governments = (regions.data?.items ?? []).filter((r) => r.role === 'home' && (visible === 'all' || visible.includes(r.id)));
  const several = governments.length > 1;
  const rows = useQuery({ ...byHomeRegionQuery(filters), enabled: several });
  if (!several || rows.isPending) return null;
  if (rows.isError) return <ErrorState error={rows.error} onRetry={() => void rows.refetch()} />;
  const title = t('charts.byGovernment.title');
  return (
    <section className="government-breakdown" aria-labelledby="government-breakdown-title">
      <h2 id="government-breakdown-title">{title}</h2>
      <p>{t('charts.byGovernment.summary')}</p>
      <TableScroll label={title}>
        <table className="table table--numeric">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              {COLUMNS.map((column) => (
                <th scope="col" key={column}>
                  {t(`charts.byGovernment.${column}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.data.items.map((row) => (
              <tr key={row.homeRegionId}>
                <th scope="row">{labels.regionById(row.homeRegionId)}</th>
                <td>{format.number(row.partnerships)}</td>
                <td>{format.number(row.meetings)}</td>
                <td>{format.number(row.openFollowUps)}</td>
                <td>{format.number(row.overdueFollowUps)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
