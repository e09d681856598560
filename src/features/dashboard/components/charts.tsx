import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { FOLLOW_UP_STATUSES, type FollowUpStatus } from '@/domain/follow-up';
import { MEETING_KINDS, type MeetingKind } from '@/domain/meeting';
import { STAGES } from '@/domain/partnership';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { formatMonth, topNames } from '@/lib/format';
import { useFormat } from '@/lib/use-format';
import { partnershipQueries } from '@/features/partners';
import { useLabels } from '@/reference-data/use-labels';
import { dashboardQueries, statsQueries, type StatsFilters } from '../api/queries';
import { ChartCard, type ChartTable } from './chart-card';
import { HealthPlaceholder } from './placeholders';

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
            maxBarSize={36}
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

/** A frame's height in px for a chart of so many rows (one horizontal bar each). */
const rowsHeight = (rows: number) => Math.max(160, rows * 30 + 70);

/**
 * Every chart frame's height, known before its data: a chart whose rows are not known in advance
 * (sectors, owners) gets room for ten, and its bars spread out when there are fewer.
 */
const HEIGHTS = {
  rows: rowsHeight(10),
  stages: rowsHeight(STAGES.length),
  quarters: 260,
  months: 240,
};

/** What every chart of the dashboard needs: strings, formats, labels, navigation, the filters' scope. */
function useChartKit(filters: StatsFilters) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const labels = useLabels();
  const navigate = useNavigate();
  const n = (v: number) => format.number(v);
  return {
    t,
    format,
    labels,
    n,
    go: (href: string) => void navigate(href),
    scope: { partnershipId: filters.partnershipId, sectorId: filters.sectorId },
    /** The name of the row with the largest value — every one of them when several tie ("Q1 and Q3") — or "—". */
    top: <T,>(rows: T[], value: (r: T) => number, name: (r: T) => string) => topNames(rows, value, name, i18n.language) ?? t('common.none'),
    segment: (label: string, series: string, value: number) => t('charts.segment', { label, series, value: n(value) }),
    overdueHref: (extra: Record<string, string>) => `/follow-ups${query({ due: 'overdue', partnershipId: filters.partnershipId, sectorId: filters.sectorId, ...extra })}`,
  };
}
type ChartKit = ReturnType<typeof useChartKit>;

/** A chart of the dashboard as its data makes it: the words, the table, the bars (none when empty). */
type Built = {
  summary: string;
  table: ChartTable;
  chart?: Omit<LinkedBarChartProps, 'height' | 'go' | 'format'> & { format?: (value: number) => string };
};

type DashboardChartProps<T> = {
  query: UseQueryResult<T>;
  title: string;
  note?: string;
  fileName: string;
  height: number;
  kit: ChartKit;
  build: (data: T) => Built;
};

/**
 * One card: its frame at its final height at once, the chart drawn as soon as its own query
 * answers (not when the slowest of six does), an error with a retry of that query alone.
 */
function DashboardChart<T>({ query: result, title, note, fileName, height, kit, build }: DashboardChartProps<T>) {
  const built = result.data === undefined ? undefined : build(result.data);
  const state = result.isError ? (
    <ErrorState error={result.error} onRetry={() => void result.refetch()} />
  ) : built ? undefined : (
    <LoadingState />
  );
  return (
    <ChartCard title={title} note={note} summary={built?.summary} table={built?.table} fileName={fileName} height={height} state={state}>
      {built?.chart && <LinkedBarChart format={kit.n} {...built.chart} height={height} go={kit.go} />}
    </ChartCard>
  );
}

type ChartProps = { filters: StatsFilters; kit: ChartKit; periodLabel: string };

/** 1. Follow-ups by sector × status (agreed in the period). */
function BySectorChart({ filters, kit, periodLabel }: ChartProps) {
  const { t, n, labels } = kit;
  const href = (sectorId: string, status?: string) =>
    `/follow-ups${query({ sectorId, status, agreedFrom: filters.from, agreedTo: filters.to, partnershipId: filters.partnershipId })}`;
  return (
    <DashboardChart
      query={useQuery(statsQueries.bySector(filters))}
      title={t('dashboard.bySector')}
      fileName={`mitra-follow-ups-by-sector-${periodLabel}`}
      height={HEIGHTS.rows}
      kit={kit}
      build={({ items }) => {
        const total = items.reduce((sum, r) => sum + r.total, 0);
        const rows: Row[] = items.filter((r) => r.total > 0).map((r) => ({ label: labels.sector(r.sectorId), sectorId: r.sectorId, ...r.counts }));
        return {
          summary: total === 0 ? t('charts.noData') : t('charts.bySectorSummary', { total: n(total), top: kit.top(items, (r) => r.total, (r) => labels.sector(r.sectorId)) }),
          table: {
            columns: [t('dashboard.sector'), ...FOLLOW_UP_STATUSES.map((s) => t(`enums.status.${s}`)), t('dashboard.total')],
            rows: items.map((r) => ({
              label: labels.sector(r.sectorId),
              cells: [
                ...FOLLOW_UP_STATUSES.map((s) => ({ text: n(r.counts[s]), value: r.counts[s], href: r.counts[s] > 0 ? href(r.sectorId, s) : undefined })),
                { text: n(r.total), value: r.total, href: r.total > 0 ? href(r.sectorId) : undefined },
              ],
            })),
          },
          chart:
            rows.length === 0
              ? undefined
              : {
                  data: rows,
                  layout: 'rows',
                  axisWidth: 170,
                  margin: { left: 8, right: 16 },
                  stack: { id: 'status', looks: STATUS_LOOKS },
                  series: FOLLOW_UP_STATUSES.map((s) => ({
                    key: s,
                    name: t(`enums.status.${s}`),
                    fill: `url(#pattern-status-${s})`,
                    stroke: STATUS_LOOKS[s].color,
                    href: (row) => href(String(row.sectorId), s),
                    describe: (row, value) => kit.segment(row.label, t(`enums.status.${s}`), value),
                  })),
                },
        };
      }}
    />
  );
}

/** 2. Meetings per quarter × kind. */
function ByQuarterChart({ filters, kit, periodLabel }: ChartProps) {
  const { t, n } = kit;
  const range = (quarter: string) => {
    const [year, q] = quarter.split('-Q').map(Number) as [number, number];
    const from = `${year}-${String(q * 3 - 2).padStart(2, '0')}-01`;
    const to = new Date(Date.UTC(year, q * 3, 0)).toISOString().slice(0, 10);
    return { from: from < filters.from ? filters.from : from, to: to > filters.to ? filters.to : to };
  };
  const href = (quarter: string, kind?: string) => `/meetings${query({ kind, ...range(quarter), ...kit.scope })}`;
  const name = (quarter: string) => quarter.replace('-', ' ');
  return (
    <DashboardChart
      query={useQuery(statsQueries.byQuarter(filters))}
      title={t('dashboard.byQuarter')}
      fileName={`mitra-meetings-by-quarter-${periodLabel}`}
      height={HEIGHTS.quarters}
      kit={kit}
      build={({ items }) => {
        const total = items.reduce((sum, r) => sum + r.total, 0);
        return {
          summary: total === 0 ? t('charts.noData') : t('charts.byQuarterSummary', { total: n(total), top: kit.top(items, (r) => r.total, (r) => name(r.quarter)) }),
          table: {
            columns: [t('dashboard.quarter'), ...MEETING_KINDS.map((k) => t(`enums.meetingKind.${k}`)), t('dashboard.total')],
            rows: items.map((r) => ({
              label: name(r.quarter),
              cells: [
                ...MEETING_KINDS.map((k) => ({ text: n(r.counts[k]), value: r.counts[k], href: r.counts[k] > 0 ? href(r.quarter, k) : undefined })),
                { text: n(r.total), value: r.total, href: r.total > 0 ? href(r.quarter) : undefined },
              ],
            })),
          },
          chart: {
            data: items.map((r) => ({ label: name(r.quarter), quarter: r.quarter, ...r.counts })),
            layout: 'columns',
            axisWidth: 32,
            stack: { id: 'kind', looks: KIND_LOOKS },
            series: MEETING_KINDS.map((k) => ({
              key: k,
              name: t(`enums.meetingKind.${k}`),
              fill: `url(#pattern-kind-${k})`,
              stroke: KIND_LOOKS[k].color,
              href: (row) => href(String(row.quarter), k),
              describe: (row, value) => kit.segment(row.label, t(`enums.meetingKind.${k}`), value),
            })),
          },
        };
      }}
    />
  );
}

/** A single series of counts, one horizontal bar per row: stages, overdue by sector, by owner. */
function countChart(kit: ChartKit, rows: Row[], fill: string, seriesName: string, href: (row: Row) => string, axisWidth: number): Built['chart'] {
  return {
    data: rows,
    layout: 'rows',
    axisWidth,
    series: [
      {
        key: 'count',
        name: kit.t('dashboard.count'),
        fill,
        href,
        describe: (row, value) => kit.segment(row.label, seriesName, value),
      },
    ],
  };
}

/** The table of a count chart: the rows' names, their counts, a link per count. */
function countTable(kit: ChartKit, first: string, rows: Row[], href: (row: Row) => string): ChartTable {
  return {
    columns: [first, kit.t('dashboard.count')],
    rows: rows.map((r) => ({ label: r.label, cells: [{ text: kit.n(Number(r.count)), value: Number(r.count), href: Number(r.count) > 0 ? href(r) : undefined }] })),
  };
}

/** 3. Partnerships by stage. */
function ByStageChart({ filters, kit }: ChartProps) {
  const { t, n } = kit;
  const href = (row: Row) => `/partners${query({ stage: String(row.stage), ...kit.scope })}`;
  return (
    <DashboardChart
      query={useQuery(statsQueries.byStage(filters))}
      title={t('dashboard.byStage')}
      fileName="mitra-partnerships-by-stage"
      height={HEIGHTS.stages}
      kit={kit}
      build={({ items }) => {
        const rows: Row[] = items.map((r) => ({ label: t(`enums.stage.${r.stage}`), stage: r.stage, count: r.count }));
        return {
          summary: t('charts.byStageSummary', { total: n(items.reduce((s, r) => s + r.count, 0)), top: kit.top(rows, (r) => Number(r.count), (r) => r.label) }),
          table: countTable(kit, t('dashboard.stage'), rows, href),
          chart: countChart(kit, rows, '#1d70b8', t('dashboard.count'), href, 150),
        };
      }}
    />
  );
}

/** 4. Overdue follow-ups (as of today) by sector. */
function OverdueBySectorChart({ filters, kit }: ChartProps) {
  const { t, n, labels } = kit;
  const href = (row: Row) => kit.overdueHref({ sectorId: String(row.sectorId) });
  return (
    <DashboardChart
      query={useQuery(dashboardQueries.overdueBySector(filters))}
      title={t('charts.overdueBySector')}
      note={t('charts.asOfToday')}
      fileName="mitra-overdue-by-sector"
      height={HEIGHTS.rows}
      kit={kit}
      build={({ items }) => {
        const rows: Row[] = items.map((r) => ({ label: labels.sector(r.sectorId), sectorId: r.sectorId, count: r.count }));
        const shown = rows.filter((r) => Number(r.count) > 0);
        const total = items.reduce((s, r) => s + r.count, 0);
        return {
          summary: total === 0 ? t('charts.noData') : t('charts.overdueBySectorSummary', { total: n(total), top: kit.top(shown, (r) => Number(r.count), (r) => r.label) }),
          table: countTable(kit, t('dashboard.sector'), rows, href),
          chart: shown.length === 0 ? undefined : countChart(kit, shown, '#d4351c', t('followUps.overdue'), href, 150),
        };
      }}
    />
  );
}

/** 5. Overdue follow-ups (as of today) by owner. */
function OverdueByOwnerChart({ filters, kit }: ChartProps) {
  const { t, n, labels } = kit;
  const href = (row: Row) => kit.overdueHref({ ownerId: String(row.ownerId) });
  return (
    <DashboardChart
      query={useQuery(dashboardQueries.overdueByOwner(filters))}
      title={t('charts.overdueByOwner')}
      note={t('charts.asOfToday')}
      fileName="mitra-overdue-by-owner"
      height={HEIGHTS.rows}
      kit={kit}
      build={({ items }) => {
        const rows: Row[] = items.map((r) => ({ label: labels.user(r.ownerId), ownerId: r.ownerId, count: r.count }));
        const total = items.reduce((s, r) => s + r.count, 0);
        return {
          summary: total === 0 ? t('charts.noData') : t('charts.overdueByOwnerSummary', { total: n(total), top: kit.top(rows, (r) => Number(r.count), (r) => r.label) }),
          table: countTable(kit, t('charts.owner'), rows, href),
          chart: countChart(kit, rows, '#d4351c', t('followUps.overdue'), href, 130),
        };
      }}
    />
  );
}

/** 6. The share of follow-ups agreed in each month that are done. */
function CompletionChart({ filters, kit, periodLabel }: ChartProps) {
  const { t, n, format } = kit;
  const href = (r: { from: string; to: string }, status: string) => `/follow-ups${query({ agreedFrom: r.from, agreedTo: r.to, status, ...kit.scope })}`;
  const month = (m: string) => formatMonth(m, format.locale);
  const percent = (v: number) => format.percent(v / 100);
  return (
    <DashboardChart
      query={useQuery(dashboardQueries.completionByMonth(filters))}
      title={t('charts.completion')}
      fileName={`mitra-completion-by-month-${periodLabel}`}
      height={HEIGHTS.months}
      kit={kit}
      build={({ items }) => {
        const agreed = items.reduce((s, r) => s + r.agreed, 0);
        const done = items.reduce((s, r) => s + r.done, 0);
        return {
          summary: agreed === 0 ? t('charts.noData') : t('charts.completionSummary', { done: n(done), agreed: n(agreed), rate: format.percent(done / agreed) }),
          table: {
            columns: [t('charts.month'), t('charts.agreed'), t('charts.done'), t('charts.rate')],
            rows: items.map((r) => ({
              label: month(r.month),
              cells: [
                { text: n(r.agreed), value: r.agreed, href: r.agreed > 0 ? href(r, 'open,in-progress,blocked,done') : undefined },
                { text: n(r.done), value: r.done, href: r.done > 0 ? href(r, 'done') : undefined },
                { text: r.rate === null ? t('common.none') : format.percent(r.rate), value: r.rate === null ? '' : r.rate },
              ],
            })),
          },
          chart: {
            data: items.map((r) => ({ label: month(r.month), month: r.month, rate: r.rate === null ? 0 : Math.round(r.rate * 1000) / 10, from: r.from, to: r.to })),
            layout: 'columns',
            axisWidth: 48,
            format: percent,
            domain: [0, 100],
            xInterval: 'preserveStartEnd',
            series: [
              {
                key: 'rate',
                name: t('charts.rate'),
                fill: '#00703c',
                href: (row) => href({ from: String(row.from), to: String(row.to) }, 'done'),
                describe: (row, value) => t('charts.segment', { label: row.label, series: t('charts.rate'), value: percent(value) }),
              },
            ],
          },
        };
      }}
    />
  );
}

/** The six charts, each on its own query: a card draws as soon as its own figures are in. */
export function DashboardCharts({ filters, periodLabel }: { filters: StatsFilters; periodLabel: string }) {
  const kit = useChartKit(filters);
  const props = { filters, kit, periodLabel };
  return (
    <div className="charts">
      <BySectorChart {...props} />
      <div className="grid-2">
        <ByQuarterChart {...props} />
        <ByStageChart {...props} />
      </div>
      <div className="grid-2">
        <OverdueBySectorChart {...props} />
        <OverdueByOwnerChart {...props} />
      </div>
      <CompletionChart {...props} />
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
  // The names come with the partnerships: the panel shows once both are in (never "unknown" first).
  if (health.isPending || partnerships.isPending) return <HealthPlaceholder />;
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
