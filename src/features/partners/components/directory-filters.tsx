import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ClearFilters } from '@/components/ui/clear-filters';
import { FilterSelect } from '@/components/ui/filter-select';
import { SearchField } from '@/components/ui/search-field';
import { STAGES, type Partnership, type Stage } from '@/domain/partnership';
import { useFormat } from '@/lib/use-format';
import { SectorFilter } from '@/reference-data/filter-selects';
import { useLabels } from '@/reference-data/use-labels';
import { DIRECTORY_SORTS, type DirectoryFilters as Filters, type DirectorySort } from '../directory';

type Props = {
  filters: Filters;
  /** The text box as typed; the URL follows it after a pause. */
  text: string;
  onText: (text: string) => void;
  onChange: (patch: Partial<Filters>) => void;
  /** The listed partnerships, to name those a link filters by id. */
  partnerships: Partnership[];
  filtered: boolean;
};

/** The directory's filters: text (any script), country, stage, sector and sort. */
export function DirectoryFilters({ filters, text, onText, onChange, partnerships, filtered }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels();
  const countries = useMemo(() => {
    const codes = new Set([...labels.maps.regions.values()].filter((r) => r.role === 'partner').map((r) => r.countryCode));
    return [...codes].map((code) => ({ value: code, label: format.country(code) })).sort((a, b) => a.label.localeCompare(b.label));
  }, [labels.maps.regions, format]);

  return (
    <form
      className="filters"
      role="search"
      aria-label={t('directory.filters')}
      onSubmit={(e) => {
        e.preventDefault();
        onChange({ q: text.trim() || undefined });
      }}
    >
      <SearchField label={t('directory.search')} hint={t('directory.searchHint')} value={text} onChange={onText} />
      <FilterSelect
        id="filter-country"
        label={t('directory.country')}
        value={filters.countryCode ?? ''}
        options={countries}
        onChange={(countryCode) => onChange({ countryCode })}
      />
      <FilterSelect
        id="filter-stage"
        label={t('directory.stage')}
        value={filters.stage?.length === 1 ? (filters.stage[0] ?? '') : ''}
        options={STAGES.map((s) => ({ value: s, label: t(`enums.stage.${s}`) }))}
        onChange={(stage) => onChange({ stage: stage ? [stage as Stage] : undefined })}
      />
      <SectorFilter label={t('directory.sector')} filters={filters} onChange={onChange} />
      <FilterSelect
        id="filter-sort"
        label={t('directory.sort')}
        value={filters.sort}
        allLabel={false}
        options={DIRECTORY_SORTS.map((s) => ({ value: s, label: t(`directory.sorts.${s}`) }))}
        onChange={(sort) => onChange({ sort: (sort as DirectorySort | undefined) ?? 'partner' })}
      />
      {(filters.stage?.length ?? 0) > 1 || filters.id ? (
        <p className="filters__note">
          {t('partners.filtered', {
            what: [
              ...((filters.stage?.length ?? 0) > 1 ? (filters.stage ?? []).map((s) => t(`enums.stage.${s}`)) : []),
              ...(filters.id ? filters.id.map((id) => labels.partnership(partnerships.find((p) => p.id === id))) : []),
            ].join(', '),
          })}
        </p>
      ) : null}
      {filtered && (
        <ClearFilters to="/partners" />
      )}
    </form>
  );
}
