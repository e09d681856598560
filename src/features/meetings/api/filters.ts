import { isIsoDate } from '@/domain/dates';
import { RECORDED_MEETING_KINDS, type RecordedMeetingKind } from '@/domain/meeting';
import type { MeetingFilters } from './queries';

/**
 * The meetings list's filters live in the URL (?partnershipId=…&kind=…&sectorId=…&year=…), so a
 * link reproduces the view. Values that make no sense are dropped, not sent to the API.
 */
export function meetingFiltersFrom(params: URLSearchParams): MeetingFilters {
  const filters: MeetingFilters = {};
  const partnershipId = params.get('partnershipId');
  if (partnershipId) filters.partnershipId = partnershipId;
  const kind = params.get('kind');
  if (kind && RECORDED_MEETING_KINDS.includes(kind as RecordedMeetingKind)) filters.kind = [kind];
  const sectorId = params.get('sectorId');
  if (sectorId && /^[a-z0-9-]{1,40}$/.test(sectorId)) filters.sectorId = sectorId;
  for (const key of ['from', 'to'] as const) {
    const value = params.get(key);
    if (value && isIsoDate(value)) filters[key] = value;
  }
  const year = Number(params.get('year'));
  if (Number.isInteger(year) && year >= 1900 && year <= 2999) filters.year = year;
  return filters;
}

export function meetingFiltersToParams(filters: MeetingFilters): Record<string, string> {
  const params: Record<string, string> = {};
  if (filters.partnershipId) params.partnershipId = filters.partnershipId;
  if (filters.kind?.[0]) params.kind = filters.kind[0];
  if (filters.sectorId) params.sectorId = filters.sectorId;
  if (filters.year !== undefined) params.year = String(filters.year);
  if (filters.from) params.from = filters.from;
  if (filters.to) params.to = filters.to;
  return params;
}
