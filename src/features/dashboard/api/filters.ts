import { FIRST_YEAR, todayIn } from '@/domain/dates';
import type { StatsFilters } from './queries';

/** ?year=2025&partnershipId=…&sectorId=… — the dashboard's filters, all in the URL. */
export function dashboardFiltersFrom(params: URLSearchParams): { year: number; filters: StatsFilters } {
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
