import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Partnership } from '@/domain/partnership';
import type { Person } from '@/domain/person';
import { DataTable } from '@/components/ui/data-table';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { useLabels } from '@/reference-data/use-labels';
import { referenceQueries, type PeopleOwner } from '@/reference-data/queries';

/** People of the partner region or organisation and of the facilitators, with their positions. */
export function Contacts({ partnership }: { partnership: Partnership }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const sources: Array<{ key: PeopleOwner; id: string }> = [
    ...(partnership.partnerRegionId ? [{ key: 'regionId' as const, id: partnership.partnerRegionId }] : []),
    ...(partnership.partnerOrganizationId ? [{ key: 'organizationId' as const, id: partnership.partnerOrganizationId }] : []),
    ...partnership.facilitatorIds.map((id) => ({ key: 'organizationId' as const, id })),
  ];
  const results = useQueries({ queries: sources.map((s) => referenceQueries.peopleOf(s.key, s.id)) });
  if (results.some((r) => r.isPending)) return <LoadingState />;
  const failed = results.find((r) => r.isError);
  if (failed) return <ErrorState error={failed.error} onRetry={() => void failed.refetch()} />;
  const seen = new Set<string>();
  const people = results.flatMap((r) => r.data?.items ?? []).filter((p) => !seen.has(p.id) && seen.add(p.id));
  if (people.length === 0) return <p>{t('partnership.noContacts')}</p>;
  const from = (p: Person) =>
    p.organizationId ? labels.organization(p.organizationId) : p.regionId ? labels.regionById(p.regionId) : t('common.none');
  return (
    <DataTable
      caption={t('partnership.contacts')}
      columns={[t('partnership.contactName'), t('partnership.contactPosition'), t('partnership.contactFrom')]}
    >
      {people.map((p) => (
        <tr key={p.id}>
          <th scope="row">
            {p.name}
          </th>
          <td>{p.position ?? t('common.none')}</td>
          <td>{from(p)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
