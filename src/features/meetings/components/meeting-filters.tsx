import { useTranslation } from 'react-i18next';
import { ClearFilters } from '@/components/ui/clear-filters';
import { FilterSelect } from '@/components/ui/filter-select';
import { offeredYears } from '@/domain/dates';
import { RECORDED_MEETING_KINDS } from '@/domain/meeting';
import type { Partnership } from '@/domain/partnership';
import { useFormat } from '@/lib/use-format';
import { PartnershipFilter, SectorFilter } from '@/reference-data/filter-selects';
import type { MeetingFilters as Filters } from '../api/queries';

type Props = { filters: Filters; partnerships: Partnership[]; onChange: (patch: Partial<Filters>) => void; filtered: boolean };

/** The meetings list's filters: partnership, kind, sector, year (and a date range a dashboard link set). */
export function MeetingFilters({ filters, partnerships, onChange, filtered }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const years = offeredYears();
  return (
    <form className="filters" aria-label={t('meetings.filters')} onSubmit={(e) => e.preventDefault()}>
      <PartnershipFilter label={t('meetings.columns.partnership')} filters={filters} partnerships={partnerships} onChange={onChange} />
      <FilterSelect
        id="filter-kind"
        label={t('meetings.columns.kind')}
        value={filters.kind?.[0] ?? ''}
        options={RECORDED_MEETING_KINDS.map((k) => ({ value: k, label: t(`enums.meetingKind.${k}`) }))}
        onChange={(kind) => onChange({ kind: kind ? [kind] : undefined })}
      />
      <SectorFilter label={t('meetings.filterSector')} filters={filters} onChange={onChange} />
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
        <ClearFilters to="/meetings" />
      )}
    </form>
  );
}
