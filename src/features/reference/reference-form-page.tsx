import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { z } from 'zod';
import type { Action } from '@/domain/permissions';
import type { Organization } from '@/domain/organization';
import type { Partnership } from '@/domain/partnership';
import type { Person } from '@/domain/person';
import type { Region } from '@/domain/region';
import { organizationInput } from '@/domain/schemas/organization';
import { partnershipCreate, partnershipWhole } from '@/domain/schemas/partnership';
import { personInput } from '@/domain/schemas/person';
import { regionInput } from '@/domain/schemas/region';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { useDocumentTitle } from '@/lib/use-document-title';
import { partnershipQueries } from '@/features/partners';
import { useHomeGovernmentChoice } from '@/reference-data/home-government-picker';
import { referenceQueries } from '@/reference-data/queries';
import { useRegionLabel } from '@/reference-data/use-labels';
import { sessionQuery } from '@/session/session';
import { useCan } from '@/session/use-can';
import { createResource, referenceDetail, updateResource } from './api';
import { useReferenceFields } from './fields';
import type { FieldDescriptor } from './model';
import { ResourceForm, type SaveMode } from './resource-form';

export type FormKind = 'regions' | 'organizations' | 'people' | 'partnerships';
type Stored = { id: string; version: number; createdAt: string; updatedAt: string };
type AnyResource = Region | Organization | Person | Partnership;

/** What the reference page shows after a save (location state). */
export type SavedState = { saved: { kind: 'region' | 'organization' | 'person' | 'partnership' | 'unchanged'; name: string } };

const ACTIONS: Record<FormKind, { create: Action; update: Action }> = {
  regions: { create: 'region.write', update: 'region.write' },
  organizations: { create: 'organization.write', update: 'organization.write' },
  people: { create: 'person.write', update: 'person.write' },
  partnerships: { create: 'partnership.create', update: 'partnership.update' },
};

const SCHEMAS: Record<FormKind, z.ZodType> = {
  regions: regionInput,
  organizations: organizationInput,
  people: personInput,
  partnerships: partnershipCreate,
};

const SAVED_KIND = { regions: 'region', organizations: 'organization', people: 'person', partnerships: 'partnership' } as const;

const TITLES = {
  regions: ['reference.pages.newRegion', 'reference.pages.editRegion'],
  organizations: ['reference.pages.newOrganization', 'reference.pages.editOrganization'],
  people: ['reference.pages.newPerson', 'reference.pages.editPerson'],
  partnerships: ['reference.pages.newPartnership', 'reference.pages.editPartnership'],
} as const;

/** The fields a stored resource's input is made of (what its create schema checks). */
function inputOf(resource: AnyResource): Record<string, unknown> {
  const { id: _i, version: _v, createdAt: _c, updatedAt: _u, ...fields } = resource as AnyResource & Stored;
  if ('stageHistory' in fields) {
    const { stage: _s, stageHistory: _h, ...rest } = fields;
    return rest;
  }
  return fields;
}

export function formTitleKey(kind: FormKind, editing: boolean) {
  return TITLES[kind][editing ? 1 : 0];
}

/**
 * Create (no `id`) or edit one region, organisation, person or partnership. Loads the lists the
 * form picks from and, for an edit, the resource as saved now, then mounts the form.
 */
export function ReferenceFormPage({ kind, id }: { kind: FormKind; id?: string | undefined }) {
  const { t } = useTranslation();
  const editing = id !== undefined;
  const session = useQuery(sessionQuery());
  const allowed = useCan(ACTIONS[kind][editing ? 'update' : 'create']);
  const needed = [
    session,
    useQuery(referenceQueries.sectors()),
    useQuery(referenceQueries.regions()),
    useQuery(referenceQueries.organizations()),
    useQuery(referenceQueries.users()),
  ];
  const detail = useQuery({
    ...(kind === 'partnerships'
      ? partnershipQueries.detail(id ?? '')
      : (referenceDetail(kind, id ?? '') as unknown as ReturnType<typeof partnershipQueries.detail>)),
    enabled: editing,
    // Always the current version when the page opens: an edit starts from what is saved now.
    staleTime: 0,
    refetchOnWindowFocus: false,
  });
  const failed = [...needed, ...(editing ? [detail] : [])].find((q) => q.isError);
  if (failed) return <ErrorState error={failed.error} onRetry={() => [...needed, detail].forEach((q) => void q.refetch())} />;
  if (allowed === undefined || needed.some((q) => q.isPending) || (editing && detail.isPending)) return <LoadingState />;
  if (!allowed) {
    return (
      <div className="notification notification--warning" role="status">
        <p>{t('reference.notAllowed')}</p>
      </div>
    );
  }
  return <LoadedForm kind={kind} resource={editing ? (detail.data as AnyResource | undefined) : undefined} />;
}

function LoadedForm({ kind, resource }: { kind: FormKind; resource: AnyResource | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const named = resource as { strengths?: string[]; focusSectorIds?: string[] } | undefined;
  const all = useReferenceFields([...(named?.strengths ?? []), ...(named?.focusSectorIds ?? [])]);
  const homeChoice = useHomeGovernmentChoice();
  const regionName = useRegionLabel();
  // A new partnership of a user of several governments: which one it belongs to, asked first.
  const homeField: FieldDescriptor = {
    kind: 'select',
    name: 'homeRegionId',
    label: t('homeGovernment.pick'),
    hint: t('homeGovernment.pickHint'),
    options: homeChoice.governments.map((g) => ({ value: g.id, label: regionName(g) })),
    initial: homeChoice.preselected,
    homeGovernment: true,
  };
  const fields: FieldDescriptor[] =
    kind === 'regions'
      ? all.region
      : kind === 'organizations'
        ? all.organization
        : kind === 'people'
          ? all.person
          : resource
            ? all.partnership
            : homeChoice.choose
              ? [homeField, ...all.newPartnership]
              : all.newPartnership;
  const path = `/${kind}`;
  const backHref =
    kind === 'partnerships' ? (resource ? `/partners/${encodeURIComponent(resource.id)}` : '/partners') : '/reference';

  const onSaved = (saved: AnyResource, changed: boolean) => {
    const name = 'name' in saved ? saved.name : '';
    const state: SavedState = { saved: { kind: changed ? SAVED_KIND[kind] : 'unchanged', name } };
    const to = kind === 'partnerships' ? `/partners/${encodeURIComponent(saved.id)}` : '/reference';
    void navigate(to, { state });
  };

  const mode: SaveMode<AnyResource> = resource
    ? {
        kind: 'edit',
        resource,
        inputOf,
        save: (patch, version) => updateResource<AnyResource>(`${path}/${encodeURIComponent(resource.id)}`, patch, version),
      }
    : {
        kind: 'create',
        fixed:
          kind === 'regions'
            ? { role: 'partner' }
            : kind === 'partnerships' && homeChoice.preselected
              ? { homeRegionId: homeChoice.preselected }
              : {},
        save: (body, key) => createResource<AnyResource>(path, body, key),
      };

  return (
    <>
      {kind === 'partnerships' && resource && <p className="hint">{t('reference.partnership.stageLocked')}</p>}
      <ResourceForm<AnyResource>
        key={resource ? `${resource.id}` : 'new'}
        draftKey={`reference:${kind}:${resource ? resource.id : 'new'}`}
        pageTitle={t(formTitleKey(kind, resource !== undefined))}
        fields={fields}
        schema={kind === 'partnerships' && resource ? partnershipWhole : SCHEMAS[kind]}
        mode={mode}
        submitLabel={resource ? t('reference.update') : t('reference.create')}
        onSaved={onSaved}
        backHref={backHref}
      />
    </>
  );
}

/** The heading and back link every reference form page has. */
export function ReferenceFormShell({ kind, id }: { kind: FormKind; id?: string | undefined }) {
  const { t } = useTranslation();
  const back =
    kind === 'partnerships'
      ? id
        ? { to: `/partners/${encodeURIComponent(id)}`, label: t('reference.backToPartnership') }
        : { to: '/partners', label: t('reference.backToPartners') }
      : { to: '/reference', label: t('reference.backToList') };
  useDocumentTitle(t(formTitleKey(kind, id !== undefined)));
  return (
    <div className="page page--form">
      <p className="back-link">
        <Link to={back.to}>{back.label}</Link>
      </p>
      <h1>{t(formTitleKey(kind, id !== undefined))}</h1>
      <ReferenceFormPage kind={kind} id={id} />
    </div>
  );
}
