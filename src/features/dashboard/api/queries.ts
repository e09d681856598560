import { queryOptions } from '@tanstack/react-query';
import type { FollowUpStatus } from '@/domain/follow-up';
import type { RecordedMeetingKind } from '@/domain/meeting';
import type { Stage } from '@/domain/partnership';
import { apiGet } from '@/lib/api-client';

export type StatsFilters = { from: string; to: string; partnershipId?: string; sectorId?: string };

export type Kpis = {
  activePartnerships: number;
  partnerships: number;
  meetings: number;
  meetingsPreviousPeriod: number;
  openFollowUps: number;
  overdueFollowUps: number;
  followUpsAgreed: number;
  followUpsDone: number;
  completionRate: number | null;
};
export type SectorStatusRow = { sectorId: string; counts: Record<FollowUpStatus, number>; total: number };
export type QuarterKindRow = { quarter: string; counts: Record<RecordedMeetingKind, number>; total: number };
export type StageRow = { stage: Stage; count: number };

export const statsKeys = {
  all: ['stats'] as const,
  kpis: (filters: StatsFilters) => [...statsKeys.all, 'kpis', filters] as const,
  bySector: (filters: StatsFilters) => [...statsKeys.all, 'follow-ups-by-sector', filters] as const,
  byQuarter: (filters: StatsFilters) => [...statsKeys.all, 'meetings-by-quarter', filters] as const,
  byStage: (filters: StatsFilters) => [...statsKeys.all, 'partnerships-by-stage', filters] as const,
};

/** Aggregates come from the API's stats endpoints; the browser never counts rows. */
export const statsQueries = {
  kpis: (f: StatsFilters) =>
    queryOptions({ queryKey: statsKeys.kpis(f), queryFn: ({ signal }) => apiGet<Kpis>('/stats/kpis', f, signal) }),
  bySector: (f: StatsFilters) =>
    queryOptions({
      queryKey: statsKeys.bySector(f),
      queryFn: ({ signal }) => apiGet<{ items: SectorStatusRow[] }>('/stats/follow-ups-by-sector', f, signal),
    }),
  byQuarter: (f: StatsFilters) =>
    queryOptions({
      queryKey: statsKeys.byQuarter(f),
      queryFn: ({ signal }) => apiGet<{ items: QuarterKindRow[] }>('/stats/meetings-by-quarter', f, signal),
    }),
  byStage: (f: StatsFilters) =>
    queryOptions({
      queryKey: statsKeys.byStage(f),
      queryFn: ({ signal }) => apiGet<{ items: StageRow[] }>('/stats/partnerships-by-stage', f, signal),
    }),
};

export type CountRow<K extends string> = { [key in K]: string } & { count: number };
export type MonthRow = { month: string; from: string; to: string; agreed: number; done: number; rate: number | null };
export type HealthRow = { partnershipId: string; reasons: Array<{ code: string; params?: Record<string, string | number> }> };

export const dashboardQueries = {
  overdueBySector: (f: StatsFilters) =>
    queryOptions({
      queryKey: [...statsKeys.all, 'overdue-by-sector', f] as const,
      queryFn: ({ signal }) => apiGet<{ items: Array<{ sectorId: string; count: number }> }>('/stats/overdue-by-sector', f, signal),
    }),
  overdueByOwner: (f: StatsFilters) =>
    queryOptions({
      queryKey: [...statsKeys.all, 'overdue-by-owner', f] as const,
      queryFn: ({ signal }) => apiGet<{ items: Array<{ ownerId: string; count: number }> }>('/stats/overdue-by-owner', f, signal),
    }),
  completionByMonth: (f: StatsFilters) =>
    queryOptions({
      queryKey: [...statsKeys.all, 'completion-by-month', f] as const,
      queryFn: ({ signal }) => apiGet<{ items: MonthRow[] }>('/stats/completion-by-month', f, signal),
    }),
  health: (f: StatsFilters) =>
    queryOptions({
      queryKey: [...statsKeys.all, 'health', f] as const,
      queryFn: ({ signal }) => apiGet<{ today: string; items: HealthRow[] }>('/stats/health', f, signal),
    }),
};
