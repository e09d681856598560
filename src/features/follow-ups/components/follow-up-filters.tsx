import { useTranslation } from 'react-i18next';
import { ClearFilters } from '@/components/ui/clear-filters';
import { FilterSelect } from '@/components/ui/filter-select';
import { SearchField } from '@/components/ui/search-field';
import { useFilterPanel } from '@/components/ui/filter-panel';
import { DUE_WINDOWS, FOLLOW_UP_STATUSES, type FollowUpStatus } from '@/domain/follow-up';
import type { Partnership } from '@/domain/partnership';
import { PartnershipFilter, SectorFilter } from '@/reference-data/filter-selects';
import { useLabels } from '@/reference-data/use-labels';
import { FOLLOW_UP_SORTS, followUpFiltersToParams } from '../api/filters';
import type { FollowUpFilters as Filters } from '../api/queries';

type Props = {
  filters: Filters;
  partnerships: Partnership[];
  /** The text box, exactly as typed (the filter holds it trimmed). */
  search: string;
  onSearch: (value: string) => void;
  onChange: (patch: Partial<Filters>) => void;
  onClear: () => void;
};

/** The follow-ups list's filters: text, status, due window, sector, partnership, owner and sort, all in the URL. */
export function FollowUpFilters({ filters, partnerships, search, onSearch, onChange, onClear }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  // On a phone the selects fold behind a button that counts the active ones; the search stays.
  const filterPanel = useFilterPanel(
    'follow-up-filters',
    [filters.status, filters.due, filters.sectorId, filters.partnershipId, filters.ownerId, filters.sort].filter(Boolean).length,
  );
  return (
    <form className="filters" {...filterPanel.form} aria-label={t('followUps.filters')} onSubmit={(e) => e.preventDefault()} role="search">
      <SearchField label={t('followUps.search')} hint={t('followUps.searchHint')} hintHidden value={search} onChange={onSearch} grow />
      {filterPanel.toggle}
      <FilterSelect
        id="status-filter"
        label={t('followUps.filterStatus')}
        value={filters.status?.join(',') ?? ''}
        options={[
          ...FOLLOW_UP_STATUSES.map((s) => ({ value: s, label: t(`enums.status.${s}`) })),
          // A link may hold several statuses (?status=open,blocked): say so, do not show "all".
          ...((filters.status?.length ?? 0) > 1
            ? [{ value: filters.status?.join(',') ?? '', label: filters.status?.map((s) => t(`enums.status.${s as FollowUpStatus}`)).join(' + ') ?? '' }]
            : []),
        ]}
        onChange={(status) => onChange({ status: status ? status.split(',') : undefined })}
      />
      <FilterSelect
        id="filter-due"
        label={t('followUps.filterDue')}
        value={filters.due ?? ''}
        options={DUE_WINDOWS.map((w) => ({ value: w, label: t(`followUps.dueWindows.${w}`) }))}
        onChange={(due) => onChange({ due })}
      />
      <SectorFilter label={t('followUps.filterSector')} filters={filters} onChange={onChange} />
      <PartnershipFilter label={t('followUps.filterPartnership')} filters={filters} partnerships={partnerships} onChange={onChange} />
      <FilterSelect
        id="filter-owner"
        label={t('followUps.filterOwner')}
        value={filters.ownerId ?? ''}
        options={[...labels.maps.users.values()].map((u) => ({ value: u.id, label: u.name }))}
        onChange={(ownerId) => onChange({ ownerId })}
      />
      <FilterSelect
        id="filter-sort"
        label={t('followUps.sort')}
        value={filters.sort ?? 'dueDate'}
        allLabel={false}
        options={FOLLOW_UP_SORTS.map((s) => ({ value: s, label: t(`followUps.sorts.${s}`) }))}
        onChange={(sort) => onChange({ sort: sort === 'dueDate' ? undefined : sort })}
      />
      {Object.keys(followUpFiltersToParams(filters)).length > 0 && (
        <ClearFilters to="/follow-ups" onClick={onClear} />
      )}
    </form>
  );
}
