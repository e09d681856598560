import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { localScriptLang } from '@/domain/region';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { TableScroll } from '@/components/ui/table-scroll';
import { useFormat } from '@/lib/use-format';
import { referenceQueries } from '@/reference-data/queries';
import { useLabels } from '@/reference-data/use-labels';
import { useCan } from '@/session/session';

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
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : count === 0 ? (
        <EmptyState>{empty}</EmptyState>
      ) : (
        children
      )}
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
        <TableScroll label={t('reference.sections.regions')}>
          <table className="table">
            <caption className="visually-hidden">{t('reference.sections.regions')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reference.columns.name')}</th>
                <th scope="col">{t('reference.columns.localName')}</th>
                <th scope="col">{t('reference.columns.level')}</th>
                <th scope="col">{t('reference.columns.country')}</th>
                {canRegion && <th scope="col">{t('reference.columns.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {byName(partnerRegions).map((r) => (
                <tr key={r.id}>
                  <th scope="row">{labels.region(r)}</th>
                  <td>
                    {r.localName ? (
                      <span className="local-name" lang={localScriptLang(r.countryCode)}>
                        {r.localName}
                      </span>
                    ) : (
                      none
                    )}
                  </td>
                  <td>{t(`enums.level.${r.level}`)}</td>
                  <td>{format.country(r.countryCode)}</td>
                  {canRegion && (
                    <td>
                      <EditLink to={`/regions/${encodeURIComponent(r.id)}/edit`} name={labels.region(r)} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
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
        <TableScroll label={t('reference.sections.organizations')}>
          <table className="table">
            <caption className="visually-hidden">{t('reference.sections.organizations')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reference.columns.name')}</th>
                <th scope="col">{t('reference.columns.acronym')}</th>
                <th scope="col">{t('reference.columns.kind')}</th>
                <th scope="col">{t('reference.columns.country')}</th>
                {canOrganization && <th scope="col">{t('reference.columns.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {byName(organizations.data?.items ?? []).map((o) => (
                <tr key={o.id}>
                  <th scope="row">{o.name}</th>
                  <td>{o.acronym ?? none}</td>
                  <td>{t(`reference.organizationKind.${o.kind}`)}</td>
                  <td>{o.countryCode ? format.country(o.countryCode) : none}</td>
                  {canOrganization && (
                    <td>
                      <EditLink to={`/organizations/${encodeURIComponent(o.id)}/edit`} name={o.name} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
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
        <TableScroll label={t('reference.sections.people')}>
          <table className="table">
            <caption className="visually-hidden">{t('reference.sections.people')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reference.columns.name')}</th>
                <th scope="col">{t('reference.columns.position')}</th>
                <th scope="col">{t('reference.columns.affiliation')}</th>
                {canPerson && <th scope="col">{t('reference.columns.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {byName(people.data?.items ?? []).map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.name}</th>
                  <td>{p.position ?? none}</td>
                  <td>
                    {[p.regionId ? labels.regionById(p.regionId) : undefined, p.organizationId ? labels.organization(p.organizationId) : undefined]
                      .filter(Boolean)
                      .join(' · ') || none}
                  </td>
                  {canPerson && (
                    <td>
                      <EditLink to={`/people/${encodeURIComponent(p.id)}/edit`} name={p.name} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </ListSection>
    </>
  );
}
