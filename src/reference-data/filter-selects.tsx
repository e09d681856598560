import { FilterSelect } from '@/components/ui/filter-select';
import type { Partnership } from '@/domain/partnership';
import { useLabels } from './use-labels';

type Field = 'sectorId' | 'partnershipId';
type Patch<K extends Field> = { [P in K]?: string };
type Props<K extends Field> = { label: string; filters: Patch<K>; onChange: (patch: Patch<K>) => void };

/** A filter bar's select of reference data (`#filter-sector`, `#filter-partnership`): sets one field of the filters. */
function ReferenceFilter<K extends Field>({ field, label, filters, onChange, options }: Props<K> & { field: K; options: Array<{ value: string; label: string }> }) {
  const id = field === 'sectorId' ? 'filter-sector' : 'filter-partnership';
  return <FilterSelect id={id} label={label} value={filters[field] ?? ''} options={options} onChange={(value) => onChange({ [field]: value } as Patch<K>)} />;
}

/** Every sector, by its name in the current language. */
export function SectorFilter(props: Props<'sectorId'>) {
  const labels = useLabels();
  const options = [...labels.maps.sectors.values()].map((s) => ({ value: s.id, label: labels.sector(s.id) }));
  return <ReferenceFilter {...props} field="sectorId" options={options} />;
}

/** The partnerships given, by their partner's name. */
export function PartnershipFilter({ partnerships, ...props }: Props<'partnershipId'> & { partnerships: Partnership[] }) {
  const labels = useLabels();
  return <ReferenceFilter {...props} field="partnershipId" options={partnerships.map((p) => ({ value: p.id, label: labels.partnership(p) }))} />;
}
