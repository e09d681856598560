import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { localScriptLang } from '@/domain/region';
import { EmptyState } from '@/components/ui/states';
import { QueryState } from '@/components/ui/query-state';
import { TableScroll } from '@/components/ui/table-scroll';
import { useFormat } from '@/lib/use-format';
import { referenceQueries } from '@/reference-data/queries';
import { useLabels } from '@/reference-data/use-labels';
import { useCan } from '@/session/use-can';

type ListSectionProps = {
  id: string;
  title: string;
  addHref: string;
  addLabel: string;
  canWrite: boolean | undefined;
  query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  count: number;
  empty: string;
  children: ReactNode;
};

function ListSection({ id, title, addHref, addLabel, canWrite, query, count, empty, children }: ListSectionProps) {
  return (
    <section aria-labelledby={id} className="form-section">
      <h2 id={id}>{title}</h2>
      {canWrite && (
        <p>
          <Link to={addHref} className="button button--secondary">
            {addLabel}
          </Link>
        </p>
      )}
      <QueryState query={query} isEmpty={count === 0} empty={<EmptyState>{empty}</EmptyState>}>
        {() => children}
      </QueryState>
    </section>
  );
}

type Column<T> = { header: string; cell: (item: T) => ReactNode };

type ReferenceTableProps<T> = {
  caption: string;
  items: readonly T[];
  /** The first column, each row's header: the item's name. */
  name: { header: string; cell: (item: T) => string };
  columns: Array<Column<T>>;
  /** Where an item is edited; no actions column without it. */
  editHref?: ((item: T) => string) | undefined;
};

/** One table of reference data: the name as row header, a few columns, an edit link for those who may write. */
function ReferenceTable<T extends { id: string }>({ caption, items, name, columns, editHref }: ReferenceTableProps<T>) {
  const { t } = useTranslation();
  return (
    <TableScroll label={caption}>
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{name.header}</th>
            {columns.map((column) => (
              <th scope="col" key={column.header}>
                {column.header}
              </th>
            ))}
            {editHref && <th scope="col">{t('reference.columns.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <th scope="row">{name.cell(item)}</th>
              {columns.map((column) => (
                <td key={column.header}>{column.cell(item)}</td>
              ))}
              {editHref && (
                <td>
                  <EditLink to={editHref(item)} name={name.cell(item)} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
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
  const partnerRegions = (regions.data?.items ?? []).filter((r) => r.role === 'partner');
  const byName = <T extends { name: string }>(items: readonly T[]) => [...items].sort((a, b) => a.name.localeCompare(b.name));
  const none = t('common.none');

  return (
    <>
      {!canRegion && !canOrganization && !canPerson && canRegion !== undefined && <p className="hint">{t('reference.readOnly')}</p>}

      <ListSection
        id="reference-regions"
        title={t('reference.sections.regions')}
        addHref="/regions/new"
        addLabel={t('reference.add.regions')}
        canWrite={canRegion}
        query={regions}
        count={partnerRegions.length}
        empty={t('reference.empty.regions')}
      >
        <ReferenceTable
          caption={t('reference.sections.regions')}
          items={byName(partnerRegions)}
          name={{ header: t('reference.columns.name'), cell: (r) => labels.region(r) }}
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
          editHref={canRegion ? (r) => `/regions/${encodeURIComponent(r.id)}/edit` : undefined}
        />
      </ListSection>

      <ListSection
        id="reference-organizations"
        title={t('reference.sections.organizations')}
        addHref="/organizations/new"
        addLabel={t('reference.add.organizations')}
        canWrite={canOrganization}
        query={organizations}
        count={organizations.data?.items.length ?? 0}
        empty={t('reference.empty.organizations')}
      >
        <ReferenceTable
          caption={t('reference.sections.organizations')}
          items={byName(organizations.data?.items ?? [])}
          name={{ header: t('reference.columns.name'), cell: (o) => o.name }}
          columns={[
            { header: t('reference.columns.acronym'), cell: (o) => o.acronym ?? none },
            { header: t('reference.columns.kind'), cell: (o) => t(`reference.organizationKind.${o.kind}`) },
            { header: t('reference.columns.country'), cell: (o) => (o.countryCode ? format.country(o.countryCode) : none) },
          ]}
          editHref={canOrganization ? (o) => `/organizations/${encodeURIComponent(o.id)}/edit` : undefined}
        />
      </ListSection>

      <ListSection
        id="reference-people"
        title={t('reference.sections.people')}
        addHref="/people/new"
        addLabel={t('reference.add.people')}
        canWrite={canPerson}
        query={people}
        count={people.data?.items.length ?? 0}
        empty={t('reference.empty.people')}
      >
        <ReferenceTable
          caption={t('reference.sections.people')}
          items={byName(people.data?.items ?? [])}
          name={{ header: t('reference.columns.name'), cell: (p) => p.name }}
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
          editHref={canPerson ? (p) => `/people/${encodeURIComponent(p.id)}/edit` : undefined}
        />
      </ListSection>
    </>
  );
}
