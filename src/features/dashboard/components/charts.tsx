import { useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { FOLLOW_UP_STATUSES, type FollowUpStatus } from '@/domain/follow-up';
import { MEETING_KINDS, type MeetingKind } from '@/domain/meeting';
import { STAGES } from '@/domain/partnership';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { useFormat } from '@/lib/use-format';
import { partnershipQueries } from '@/features/partners';
import { useLabels } from '@/reference-data/use-labels';
import { dashboardQueries, statsQueries, type StatsFilters } from '../api/queries';
import { ChartCard, type ChartTable } from './chart-card';

/**
 * Colours at 3:1 or more against white, and never the only cue: each status also has its own
 * pattern (stripes, checks, dots, lines), and its name in the legend, the tooltip and the table.
 */
type Mark = 'solid' | 'stripes' | 'cross' | 'dots' | 'lines';
type Look = { color: string; mark: Mark };

const STATUS_LOOKS: Record<FollowUpStatus, Look> = {
  open: { color: '#1d70b8', mark: 'solid' },
  'in-progress': { color: '#8a6d00', mark: 'stripes' },
  blocked: { color: '#d4351c', mark: 'cross' },
  done: { color: '#00703c', mark: 'dots' },
  cancelled: { color: '#6f777b', mark: 'lines' },
};

/** Meeting kinds, likewise: a colour and a pattern each. */
const KIND_LOOKS: Record<MeetingKind, Look> = {
  'inbound-visit': { color: '#1d70b8', mark: 'solid' },
  'outbound-visit': { color: '#6f3c96', mark: 'stripes' },
  virtual: { color: '#00703c', mark: 'dots' },
  forum: { color: '#b35900', mark: 'cross' },
};

const MARKS: Record<Mark, ReactElement | null> = {
  solid: null,
  stripes: <path d="M-2 2 L2 -2 M0 8 L8 0 M6 10 L10 6" stroke="#fff" strokeWidth="1.5" />,
  cross: <path d="M0 4 H8 M4 0 V8" stroke="#fff" strokeWidth="1.5" />,
  dots: <circle cx="4" cy="4" r="1.6" fill="#fff" />,
  lines: <path d="M0 2 H8 M0 6 H8" stroke="#fff" strokeWidth="1.2" />,
};

/** One 8 × 8 pattern per series: its colour with its mark on top, used as the bar's fill. */
function Patterns({ prefix, looks }: { prefix: string; looks: Record<string, Look> }) {
  return (
    <defs>
      {Object.entries(looks).map(([key, look]) => (
        <pattern key={key} id={`pattern-${prefix}-${key}`} width="8" height="8" patternUnits="userSpaceOnUse">
          <rect width="8" height="8" fill={look.color} />
          {MARKS[look.mark]}
        </pattern>
      ))}
    </defs>
  );
}

type Row = { label: string; [series: string]: string | number };
type ShapeProps = { x?: number; y?: number; width?: number; height?: number; fill?: string; payload?: Row };

/**
 * A bar segment that is a link: reachable with Tab, followed with Enter or a click, named for
 * screen readers ("Pendidikan, Terbuka: 3"). Empty segments are not drawn and not focusable.
 */
function linkShape(series: string, seriesLabel: string, hrefOf: (row: Row) => string, go: (href: string) => void, describe: (row: Row, value: number) => string) {
  return function LinkBar(props: unknown): ReactElement {
    const { x = 0, y = 0, width = 0, height = 0, fill, payload } = props as ShapeProps;
    const value = Number(payload?.[series] ?? 0);
    if (!payload || value === 0 || width <= 0 || height <= 0) return <g />;
    const href = hrefOf(payload);
    return (
      <rect
        x={x}
        y={y}
        width={width}
        height={height}
        fill={fill}
        className="chart-bar"
        tabIndex={0}
        role="link"
        aria-label={describe(payload, value)}
        data-series={seriesLabel}
        onClick={() => go(href)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            go(href);
          }
        }}
      />
    );
  };
}

const AXIS = { fontSize: 12, fill: '#0b0c0c' };

type Series = {
  key: string;
  name: string;
  fill: string;
  stroke?: string;
  href: (row: Row) => string;
  describe: (row: Row, value: number) => string;
};

type LinkedBarChartProps = {
  data: Row[];
  /** `rows`: one horizontal bar per row, named on the left; `columns`: vertical bars over time. */
  layout: 'rows' | 'columns';
  height: number;
  /** The width of the axis that names the rows (rows) or carries the values (columns). */
  axisWidth: number;
  series: Series[];
  /** Stacked series with their patterns and a legend; a single series has neither. */
  stack?: { id: string; looks: Record<string, Look> };
  go: (href: string) => void;
  format: (value: number) => string;
  /** A fixed value range (percentages); counts have whole-number ticks from zero. */
  domain?: [number, number];
  margin?: { left?: number; right: number };
  xInterval?: 'preserveStartEnd';
};

/** The one bar chart of the dashboard: every segment a link to the items behind it. */
function LinkedBarChart({ data, layout, height, axisWidth, series, stack, go, format, domain, margin = { right: 16 }, xInterval }: LinkedBarChartProps) {
  const counts = domain === undefined ? { allowDecimals: false } : { domain };
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={data} {...(layout === 'rows' ? { layout: 'vertical' as const } : {})} margin={margin} accessibilityLayer={false}>
        {stack && <Patterns prefix={stack.id} looks={stack.looks} />}
        {layout === 'rows' ? <CartesianGrid horizontal={false} stroke="#d8d8d8" /> : <CartesianGrid vertical={false} stroke="#d8d8d8" />}
        {layout === 'rows' ? (
          <XAxis type="number" {...counts} tick={AXIS} tickFormatter={format} />
        ) : (
          <XAxis dataKey="label" tick={AXIS} {...(xInterval ? { interval: xInterval } : {})} />
        )}
        {layout === 'rows' ? (
          <YAxis type="category" dataKey="label" width={axisWidth} tick={AXIS} />
        ) : (
          <YAxis {...counts} tick={AXIS} width={axisWidth} tickFormatter={format} />
        )}
        <Tooltip formatter={(value) => format(Number(value))} />
        {stack && <Legend />}
        {series.map((s) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.name}
            {...(stack ? { stackId: stack.id } : {})}
            fill={s.fill}
            {...(s.stroke ? { stroke: s.stroke } : {})}
            isAnimationActive={false}
            shape={linkShape(s.key, s.name, s.href, go, s.describe)}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

const query = (params: Record<string, string | undefined>) => {
  const search = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1]))).toString();
  return search ? `?${search}` : '';
};

export function DashboardCharts({ filters, periodLabel }: { filters: StatsFilters; periodLabel: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels();
  const navigate = useNavigate();
  const go = (href: string) => void navigate(href);
  const bySector = useQuery(statsQueries.bySector(filters));
  const byQuarter = useQuery(statsQueries.byQuarter(filters));
  const byStage = useQuery(statsQueries.byStage(filters));
  const overdueSector = useQuery(dashboardQueries.overdueBySector(filters));
  const overdueOwner = useQuery(dashboardQueries.overdueByOwner(filters));
  const completion = useQuery(dashboardQueries.completionByMonth(filters));
  const all = [bySector, byQuarter, byStage, overdueSector, overdueOwner, completion];
  const failed = all.find((q) => q.isError);
  if (failed) return <ErrorState error={failed.error} onRetry={() => all.forEach((q) => void q.refetch())} />;
  if (!bySector.data || !byQuarter.data || !byStage.data || !overdueSector.data || !overdueOwner.data || !completion.data) return <LoadingState />;

  const scope = { partnershipId: filters.partnershipId, sectorId: filters.sectorId };
  const n = (v: number) => format.number(v);
  const top = <T,>(rows: T[], value: (r: T) => number, name: (r: T) => string) => {
    const best = [...rows].sort((a, b) => value(b) - value(a))[0];
    return best && value(best) > 0 ? name(best) : t('common.none');
  };
  const segment = (label: string, series: string, value: number) => t('charts.segment', { label, series, value: n(value) });

  // 1. Follow-ups by sector × status (agreed in the period)
  const sectorRows: Row[] = bySector.data.items
    .filter((r) => r.total > 0)
    .map((r) => ({ label: labels.sector(r.sectorId), sectorId: r.sectorId, ...r.counts }));
  const sectorHref = (sectorId: string, status?: string) =>
    `/follow-ups${query({ sectorId, status, agreedFrom: filters.from, agreedTo: filters.to, partnershipId: filters.partnershipId })}`;
  const sectorTable: ChartTable = {
    columns: [t('dashboard.sector'), ...FOLLOW_UP_STATUSES.map((s) => t(`enums.status.${s}`)), t('dashboard.total')],
    rows: bySector.data.items.map((r) => ({
      label: labels.sector(r.sectorId),
      cells: [
        ...FOLLOW_UP_STATUSES.map((s) => ({ text: n(r.counts[s]), value: r.counts[s], href: r.counts[s] > 0 ? sectorHref(r.sectorId, s) : undefined })),
        { text: n(r.total), value: r.total, href: r.total > 0 ? sectorHref(r.sectorId) : undefined },
      ],
    })),
  };
  const agreedTotal = bySector.data.items.reduce((sum, r) => sum + r.total, 0);

  // 2. Meetings per quarter × kind
  const quarterRange = (quarter: string) => {
    const [year, q] = quarter.split('-Q').map(Number) as [number, number];
    const from = `${year}-${String(q * 3 - 2).padStart(2, '0')}-01`;
    const to = new Date(Date.UTC(year, q * 3, 0)).toISOString().slice(0, 10);
    return { from: from < filters.from ? filters.from : from, to: to > filters.to ? filters.to : to };
  };
  const quarterRows: Row[] = byQuarter.data.items.map((r) => ({ label: r.quarter.replace('-', ' '), quarter: r.quarter, ...r.counts }));
  const quarterHref = (quarter: string, kind?: string) => `/meetings${query({ kind, ...quarterRange(quarter), ...scope })}`;
  const quarterTable: ChartTable = {
    columns: [t('dashboard.quarter'), ...MEETING_KINDS.map((k) => t(`enums.meetingKind.${k}`)), t('dashboard.total')],
    rows: byQuarter.data.items.map((r) => ({
      label: r.quarter.replace('-', ' '),
      cells: [
        ...MEETING_KINDS.map((k) => ({ text: n(r.counts[k]), value: r.counts[k], href: r.counts[k] > 0 ? quarterHref(r.quarter, k) : undefined })),
        { text: n(r.total), value: r.total, href: r.total > 0 ? quarterHref(r.quarter) : undefined },
      ],
    })),
  };
  const meetingsTotal = byQuarter.data.items.reduce((sum, r) => sum + r.total, 0);

  // 3. Partnerships by stage
  const stageRows: Row[] = byStage.data.items.map((r) => ({ label: t(`enums.stage.${r.stage}`), stage: r.stage, count: r.count }));
  const stageHref = (stage: string) => `/partners${query({ stage, ...scope })}`;
  const stageTable: ChartTable = {
    columns: [t('dashboard.stage'), t('dashboard.count')],
    rows: byStage.data.items.map((r) => ({
      label: t(`enums.stage.${r.stage}`),
      cells: [{ text: n(r.count), value: r.count, href: r.count > 0 ? stageHref(r.stage) : undefined }],
    })),
  };

  // 4. Overdue (as of today) by sector and by owner
  const overdueHref = (extra: Record<string, string>) => `/follow-ups${query({ due: 'overdue', ...scope, ...extra })}`;
  const overdueSectorRows: Row[] = overdueSector.data.items
    .filter((r) => r.count > 0)
    .map((r) => ({ label: labels.sector(r.sectorId), sectorId: r.sectorId, count: r.count }));
  const overdueOwnerRows: Row[] = overdueOwner.data.items.map((r) => ({ label: labels.user(r.ownerId), ownerId: r.ownerId, count: r.count }));
  const countTable = (first: string, rows: Row[], href: (r: Row) => string): ChartTable => ({
    columns: [first, t('dashboard.count')],
    rows: rows.map((r) => ({ label: r.label, cells: [{ text: n(Number(r.count)), value: Number(r.count), href: Number(r.count) > 0 ? href(r) : undefined }] })),
  });
  const overdueTotal = overdueOwner.data.items.reduce((sum, r) => sum + r.count, 0);

  // 5. Completion per month
  const monthLabel = (month: string) =>
    new Intl.DateTimeFormat(format.locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
  const monthRows: Row[] = completion.data.items.map((r) => ({ label: monthLabel(r.month), month: r.month, rate: r.rate === null ? 0 : Math.round(r.rate * 1000) / 10, from: r.from, to: r.to }));
  const monthHref = (r: { from: string; to: string }, status: string) => `/follow-ups${query({ agreedFrom: r.from, agreedTo: r.to, status, ...scope })}`;
  const monthTable: ChartTable = {
    columns: [t('charts.month'), t('charts.agreed'), t('charts.done'), t('charts.rate')],
    rows: completion.data.items.map((r) => ({
      label: monthLabel(r.month),
      cells: [
        { text: n(r.agreed), value: r.agreed, href: r.agreed > 0 ? monthHref(r, 'open,in-progress,blocked,done') : undefined },
        { text: n(r.done), value: r.done, href: r.done > 0 ? monthHref(r, 'done') : undefined },
        { text: r.rate === null ? t('common.none') : format.percent(r.rate), value: r.rate === null ? '' : r.rate },
      ],
    })),
  };
  const agreed = completion.data.items.reduce((s, r) => s + r.agreed, 0);
  const done = completion.data.items.reduce((s, r) => s + r.done, 0);

  const height = (rows: number) => Math.max(160, rows * 30 + 70);

  return (
    <div className="charts">
      <ChartCard
        title={t('dashboard.bySector')}
        summary={agreedTotal === 0 ? t('charts.noData') : t('charts.bySectorSummary', { total: n(agreedTotal), top: top(bySector.data.items, (r) => r.total, (r) => labels.sector(r.sectorId)) })}
        table={sectorTable}
        fileName={`mitra-follow-ups-by-sector-${periodLabel}`}
      >
        {sectorRows.length > 0 && (
          <LinkedBarChart
            data={sectorRows}
            layout="rows"
            height={height(sectorRows.length)}
            axisWidth={170}
            margin={{ left: 8, right: 16 }}
            stack={{ id: 'status', looks: STATUS_LOOKS }}
            go={go}
            format={n}
            series={FOLLOW_UP_STATUSES.map((s) => ({
              key: s,
              name: t(`enums.status.${s}`),
              fill: `url(#pattern-status-${s})`,
              stroke: STATUS_LOOKS[s].color,
              href: (row) => sectorHref(String(row.sectorId), s),
              describe: (row, value) => segment(row.label, t(`enums.status.${s}`), value),
            }))}
          />
        )}
      </ChartCard>

      <div className="grid-2">
        <ChartCard
          title={t('dashboard.byQuarter')}
          summary={meetingsTotal === 0 ? t('charts.noData') : t('charts.byQuarterSummary', { total: n(meetingsTotal), top: top(byQuarter.data.items, (r) => r.total, (r) => r.quarter.replace('-', ' ')) })}
          table={quarterTable}
          fileName={`mitra-meetings-by-quarter-${periodLabel}`}
        >
          <LinkedBarChart
            data={quarterRows}
            layout="columns"
            height={260}
            axisWidth={32}
            stack={{ id: 'kind', looks: KIND_LOOKS }}
            go={go}
            format={n}
            series={MEETING_KINDS.map((k) => ({
              key: k,
              name: t(`enums.meetingKind.${k}`),
              fill: `url(#pattern-kind-${k})`,
              stroke: KIND_LOOKS[k].color,
              href: (row) => quarterHref(String(row.quarter), k),
              describe: (row, value) => segment(row.label, t(`enums.meetingKind.${k}`), value),
            }))}
          />
        </ChartCard>

        <ChartCard
          title={t('dashboard.byStage')}
          summary={t('charts.byStageSummary', {
            total: n(byStage.data.items.reduce((s, r) => s + r.count, 0)),
            top: top(byStage.data.items, (r) => r.count, (r) => t(`enums.stage.${r.stage}`)),
          })}
          table={stageTable}
          fileName="mitra-partnerships-by-stage"
        >
          <LinkedBarChart
            data={stageRows}
            layout="rows"
            height={height(STAGES.length)}
            axisWidth={150}
            go={go}
            format={n}
            series={[
              {
                key: 'count',
                name: t('dashboard.count'),
                fill: '#1d70b8',
                href: (row) => stageHref(String(row.stage)),
                describe: (row, value) => segment(row.label, t('dashboard.count'), value),
              },
            ]}
          />
        </ChartCard>
      </div>

      <div className="grid-2">
        <ChartCard
          title={t('charts.overdueBySector')}
          note={t('charts.asOfToday')}
          summary={overdueTotal === 0 ? t('charts.noData') : t('charts.overdueBySectorSummary', { total: n(overdueTotal), top: top(overdueSector.data.items, (r) => r.count, (r) => labels.sector(r.sectorId)) })}
          table={countTable(
            t('dashboard.sector'),
            overdueSector.data.items.map((r) => ({ label: labels.sector(r.sectorId), sectorId: r.sectorId, count: r.count })),
            (r) => overdueHref({ sectorId: String(r.sectorId) }),
          )}
          fileName="mitra-overdue-by-sector"
        >
          {overdueSectorRows.length > 0 && (
            <LinkedBarChart
              data={overdueSectorRows}
              layout="rows"
              height={height(overdueSectorRows.length)}
              axisWidth={150}
              go={go}
              format={n}
              series={[
                {
                  key: 'count',
                  name: t('dashboard.count'),
                  fill: '#d4351c',
                  href: (row) => overdueHref({ sectorId: String(row.sectorId) }),
                  describe: (row, value) => segment(row.label, t('followUps.overdue'), value),
                },
              ]}
            />
          )}
        </ChartCard>

        <ChartCard
          title={t('charts.overdueByOwner')}
          note={t('charts.asOfToday')}
          summary={overdueTotal === 0 ? t('charts.noData') : t('charts.overdueByOwnerSummary', { total: n(overdueTotal), top: top(overdueOwner.data.items, (r) => r.count, (r) => labels.user(r.ownerId)) })}
          table={countTable(t('charts.owner'), overdueOwnerRows, (r) => overdueHref({ ownerId: String(r.ownerId) }))}
          fileName="mitra-overdue-by-owner"
        >
          <LinkedBarChart
            data={overdueOwnerRows}
            layout="rows"
            height={height(overdueOwnerRows.length)}
            axisWidth={130}
            go={go}
            format={n}
            series={[
              {
                key: 'count',
                name: t('dashboard.count'),
                fill: '#d4351c',
                href: (row) => overdueHref({ ownerId: String(row.ownerId) }),
                describe: (row, value) => segment(row.label, t('followUps.overdue'), value),
              },
            ]}
          />
        </ChartCard>
      </div>

      <ChartCard
        title={t('charts.completion')}
        summary={agreed === 0 ? t('charts.noData') : t('charts.completionSummary', { done: n(done), agreed: n(agreed), rate: format.percent(done / agreed) })}
        table={monthTable}
        fileName={`mitra-completion-by-month-${periodLabel}`}
      >
        <LinkedBarChart
          data={monthRows}
          layout="columns"
          height={240}
          axisWidth={48}
          go={go}
          format={(v) => format.percent(v / 100)}
          domain={[0, 100]}
          xInterval="preserveStartEnd"
          series={[
            {
              key: 'rate',
              name: t('charts.rate'),
              fill: '#00703c',
              href: (row) => monthHref({ from: String(row.from), to: String(row.to) }, 'done'),
              describe: (row, value) => t('charts.segment', { label: row.label, series: t('charts.rate'), value: format.percent(value / 100) }),
            },
          ]}
        />
      </ChartCard>
    </div>
  );
}

/** Partnerships that need attention, with the reasons in words. */
export function HealthPanel({ filters }: { filters: StatsFilters }) {
  const { t } = useTranslation();
  const format = useFormat();
  const health = useQuery(dashboardQueries.health(filters));
  const partnerships = useQuery(partnershipQueries.list());
  const labels = useLabels();
  if (health.isPending) return <LoadingState />;
  if (health.isError) return <ErrorState error={health.error} onRetry={() => void health.refetch()} />;
  return (
    <section className="health" aria-labelledby="health-title">
      <h2 id="health-title">
        {t('charts.health')} <span className="hint">({t('charts.asOfToday')})</span>
      </h2>
      {health.data.items.length === 0 ? (
        <p>{t('charts.healthNone')}</p>
      ) : (
        <>
          <p>{t('charts.healthSummary', { count: health.data.items.length })}</p>
          <ul className="health__list">
            {health.data.items.map((row) => (
              <li key={row.partnershipId}>
                <Link to={`/partners/${encodeURIComponent(row.partnershipId)}`}>
                  {labels.partnership(partnerships.data?.items.find((p) => p.id === row.partnershipId))}
                </Link>
                <ul className="list list--bullet">
                  {row.reasons.map((r) => (
                    <li key={r.code}>
                      {t(`charts.reasons.${r.code as 'mouExpired'}`, { defaultValue: r.code })}
                      {r.code === 'overdueFollowUps' && r.params?.count !== undefined ? ` (${format.number(Number(r.params.count))})` : ''}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
