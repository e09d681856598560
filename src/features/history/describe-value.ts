import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDate } from '@/domain/dates';
import { referenceQueries } from '@/reference-data/queries';
import { useLabels } from '@/reference-data/use-labels';
import { useFormat } from '@/lib/use-format';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const MAX_TEXT = 240;

type Enums = 'status' | 'priority' | 'stage' | 'partnershipType' | 'meetingKind' | 'level' | 'role';
const ENUM_OF: Record<string, Enums> = {
  status: 'status',
  priority: 'priority',
  stage: 'stage',
  type: 'partnershipType',
  kind: 'meetingKind',
  level: 'level',
};

/**
 * A stored value in words, for the history panels: names instead of ids, dates and enums in the
 * user's language, lists of records as a count — never raw JSON.
 */
export function useDescribeValue() {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels();
  const people = useQuery(referenceQueries.allPeople());
  const person = useCallback(
    (id: string) => people.data?.items.find((p) => p.id === id)?.name ?? id,
    [people.data],
  );

  return useCallback(
    function describe(field: string, value: unknown, entity?: string): string {
      const empty = t('history.emptyValue');
      if (value === undefined || value === null || value === '') return empty;
      if (typeof value === 'boolean') return value ? t('history.yes') : t('history.no');
      if (typeof value === 'number') return format.number(value);
      if (Array.isArray(value)) {
        if (value.length === 0) return empty;
        if (value.every((v) => typeof v === 'string')) {
          const strings = value as string[];
          if (field === 'sectorIds' || field === 'focusSectorIds' || field === 'strengths') return strings.map(labels.sector).join(', ');
          if (field === 'facilitatorIds') return strings.map(labels.organization).join(', ');
          if (field === 'meetingIds') return t('history.entries', { count: strings.length });
          return strings.join(', ');
        }
        return t('history.entries', { count: value.length });
      }
      if (typeof value === 'object') {
        const parts = Object.entries(value as Record<string, unknown>)
          .filter(([, v]) => v !== undefined && v !== null && v !== '')
          .map(([k, v]) => `${t(`history.fields.${k as 'name'}`, { defaultValue: k })}: ${describe(k, v)}`);
        return parts.length ? parts.join('; ') : empty;
      }
      const text = String(value);
      const enumKey = field === 'role' ? (entity === 'user' ? 'role' : undefined) : ENUM_OF[field];
      if (enumKey) return t(`enums.${enumKey}.${text as 'open'}`, { defaultValue: text });
      if (field === 'ownerId' || field === 'coordinatorId') return labels.user(text);
      if (field === 'hostLeadId' || field === 'delegationLeadId') return person(text);
      if (field === 'partnerRegionId' || field === 'homeRegionId' || field === 'regionId') return labels.regionById(text);
      if (field === 'partnerOrganizationId' || field === 'organizationId') return labels.organization(text);
      if (field === 'countryCode') return format.country(text);
      if (isIsoDate(text)) return format.date(text, 'long');
      if (INSTANT.test(text)) return format.dateTime(text);
      return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
    },
    [t, format, labels, person],
  );
}
