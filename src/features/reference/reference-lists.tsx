import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { localScriptLang } from '@/domain/region';
import { EmptyState, LoadingState } from '@/components/ui/states';
import { QueryState } from '@/components/ui/query-state';
import { DataTable } from '@/components/ui/data-table';
import { CsvExport } from '@/components/ui/csv-export';
import { useFormat } from '@/lib/use-format';
import { referenceQueries } from '@/reference-data/queries';
import { useLabels } from '@/reference-data/use-labels';
import { useNamesReady } from '@/reference-data/use-names-ready';
import { useCan } from '@/session/use-can';
import { useSessionSettled } from '@/session/use-session-settled';

type ReferenceKind = 'regions' | 'organizations' | 'people';

type ReferenceSectionProps<T> = {
  /** Names the section, its strings and its links (/regions/new, /regions/:id/edit). */
  kind: ReferenceKind;
  canWrite: boolean | undefined;
  query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  items: readonly T[];
  /** Each row's header: the item's name. */
  name: (item: T) => string;
  columns: Array<{ header: string; cell: (item: T) => ReactNode }>;
  /** Below the table: a download of the section (people: the CSV export the import reads back). */
  tools?: ReactNode;
};

/** One kind of reference data: heading, an add link for those who may write, and its table by name (or the empty state). */
function ReferenceSection<T extends { id: string; name: string }>({ kind, canWrite, query, items, name, columns, tools }: ReferenceSectionProps<T>) {
  const { t } = useTranslation();
  const title = t(`reference.sections.${kind}`);
  const sorted = [...items].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <section aria-labelledby={`reference-${kind}`} className="form-section">
      <h2 id={`reference-${kind}`}>{title}</h2>
      {canWrite && (
        <p>
          <Link to={`/${kind}/new`} className="button button--secondary">
            {t(`reference.add.${kind}`)}
          </Link>
        </p>
      )}
      <QueryState query={query} isEmpty={items.length === 0} empty={<EmptyState>{t(`reference.empty.${kind}`)}</EmptyState>}>
        {() => (
          <DataTable caption={title} columns={[t('reference.columns.name'), ...columns.map((c) => c.header), canWrite === true && t('reference.columns.actions')]}>
            {sorted.map((item) => (
              <tr key={item.id}>
                <th scope="row">{name(item)}</th>
                {columns.map((column) => (
                  <td key={column.header}>{column.cell(item)}</td>
                ))}
                {canWrite && (
                  <td>
                    <EditLink to={`/${kind}/${encodeURIComponent(item.id)}/edit`} name={name(item)} />
                  </td>
                )}
              </tr>
            ))}
          </DataTable>
        )}
      </QueryState>
      {items.length > 0 && tools}
    </section>
  );
}

/** An "Edit" link whose accessible name says what it edits ("Ubah Kota Binzhou"). */
function EditLink({ to, name }: { to: string; name: string }) {
  const { t } = useTranslation();
  return (
    <Link to={to}>
      {t('reference.edit')}
      <span className="visually-hidden"> {name}</span>
    </Link>
  );
}

/**
 * "Data rujukan": partner regions, organisations and people, with add and edit links for the
 * roles that may write them.
 */
export function ReferenceLists() {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels();
  const regions = useQuery(referenceQueries.regions());
  const organizations = useQuery(referenceQueries.organizations());
  const people = useQuery(referenceQueries.allPeople());
  const canRegion = useCan('region.write');
  const canOrganization = useCan('organization.write');
  const canPerson = useCan('person.write');
  const namesReady = useNamesReady();
  const sessionSettled = useSessionSettled();
  const partnerRegions = (regions.data?.items ?? []).filter((r) => r.role === 'partner');
  const none = t('common.none');

  // The three sections paint together, with their add buttons and names: a section that filled in
  // later would push the ones below it down the page.
  if (regions.isPending || organizations.isPending || people.isPending || !sessionSettled || !namesReady) return <LoadingState />;

  return (
    <>
      {!canRegion && !canOrganization && !canPerson && canRegion !== undefined && <p className="hint">{t('reference.readOnly')}</p>}

      <ReferenceSection
        kind="regions"
        canWrite={canRegion}
        query={regions}
        items={partnerRegions}
        name={(r) => labels.region(r)}
        columns={[
          {
            header: t('reference.columns.localName'),
            cell: (r) =>
              r.localName ? (
                <span className="local-name" lang={localScriptLang(r.countryCode)}>
                  {r.localName}
                </span>
              ) : (
                none
              ),
          },
          { header: t('reference.columns.level'), cell: (r) => t(`enums.level.${r.level}`) },
          { header: t('reference.columns.country'), cell: (r) => format.country(r.countryCode) },
        ]}
      />
      <ReferenceSection
        kind="organizations"
        canWrite={canOrganization}
        query={organizations}
        items={organizations.data?.items ?? []}
        name={(o) => o.name}
        columns={[
          { header: t('reference.columns.acronym'), cell: (o) => o.acronym ?? none },
          { header: t('reference.columns.kind'), cell: (o) => t(`reference.organizationKind.${o.kind}`) },
          { header: t('reference.columns.country'), cell: (o) => (o.countryCode ? format.country(o.countryCode) : none) },
        ]}
      />
      <ReferenceSection
        kind="people"
        canWrite={canPerson}
        query={people}
        items={people.data?.items ?? []}
        name={(p) => p.name}
        tools={<CsvExport path="/people/export.csv" fileName="mitra-people.csv" />}
        columns={[
          { header: t('reference.columns.position'), cell: (p) => p.position ?? none },
          {
            header: t('reference.columns.affiliation'),
            cell: (p) =>
              [p.regionId ? labels.regionById(p.regionId) : undefined, p.organizationId ? labels.organization(p.organizationId) : undefined]
                .filter(Boolean)
                .join(' · ') || none,
          },
        ]}
      />
    </>
  );
}
