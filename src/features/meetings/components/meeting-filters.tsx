import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FilterSelect } from '@/components/ui/filter-select';
import { offeredYears } from '@/domain/dates';
import { RECORDED_MEETING_KINDS } from '@/domain/meeting';
import type { Partnership } from '@/domain/partnership';
import { useFormat } from '@/lib/use-format';
import { useLabels } from '@/reference-data/use-labels';
import type { MeetingFilters as Filters } from '../api/queries';

type Props = { filters: Filters; partnerships: Partnership[]; onChange: (patch: Partial<Filters>) => void; filtered: boolean };

/** The meetings list's filters: partnership, kind, sector, year (and a date range a dashboard link set). */
export function MeetingFilters({ filters, partnerships, onChange, filtered }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const format = useFormat();
  const years = offeredYears();
  return (
    <form className="filters" aria-label={t('meetings.filters')} onSubmit={(e) => e.preventDefault()}>
      <FilterSelect
        id="filter-partnership"
        label={t('meetings.columns.partnership')}
        value={filters.partnershipId ?? ''}
        options={partnerships.map((p) => ({ value: p.id, label: labels.partnership(p) }))}
        onChange={(partnershipId) => onChange({ partnershipId })}
      />
      <FilterSelect
        id="filter-kind"
        label={t('meetings.columns.kind')}
        value={filters.kind?.[0] ?? ''}
        options={RECORDED_MEETING_KINDS.map((k) => ({ value: k, label: t(`enums.meetingKind.${k}`) }))}
        onChange={(kind) => onChange({ kind: kind ? [kind] : undefined })}
      />
      <FilterSelect
        id="filter-sector"
        label={t('meetings.filterSector')}
        value={filters.sectorId ?? ''}
        options={[...labels.maps.sectors.values()].map((s) => ({ value: s.id, label: labels.sector(s.id) }))}
        onChange={(sectorId) => onChange({ sectorId })}
      />
      <FilterSelect
        id="filter-year"
        label={t('dashboard.year')}
        value={filters.year === undefined ? '' : String(filters.year)}
        options={years.map((y) => ({ value: String(y), label: String(y) }))}
        onChange={(year) => onChange({ year: year ? Number(year) : undefined })}
      />
      {(filters.from ?? filters.to) && (
        <p className="filters__note">
          {t('meetings.range', {
            from: filters.from ? format.date(filters.from, 'medium') : '…',
            to: filters.to ? format.date(filters.to, 'medium') : '…',
          })}
        </p>
      )}
      {filtered && (
        <p className="filters__clear">
          <Link to="/meetings" replace>
            {t('common.clearFilters')}
          </Link>
        </p>
      )}
    </form>
  );
}
