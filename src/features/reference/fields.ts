import { useTranslation } from 'react-i18next';
import { ORGANIZATION_KINDS } from '@/domain/organization';
import { PARTNERSHIP_TYPES, STAGES } from '@/domain/partnership';
import { localScriptLang, REGION_LEVELS } from '@/domain/region';
import { offeredSectors } from '@/domain/sector';
import { useLabels } from '@/reference-data/use-labels';
import type { FieldDescriptor, FormValues, Option } from './model';

/** The language of a local-script name follows the country typed beside it (CN → zh-Hans). */
const langOfCountry = (values: FormValues) =>
  typeof values.countryCode === 'string' ? localScriptLang(values.countryCode.trim().toUpperCase()) : undefined;

/** The options and field lists of the four reference forms, in the active language. */
export function useReferenceFields(chosenSectorIds: readonly string[] = []) {
  const { t } = useTranslation();
  const labels = useLabels();
  // Retired sectors are not offered, except those the record names already (it keeps them).
  const sectors: Option[] = offeredSectors(labels.maps.sectors.values(), chosenSectorIds).map((s) => ({ value: s.id, label: labels.sector(s.id) }));
  const organizations: Option[] = [...labels.maps.organizations.values()]
    .map((o) => ({ value: o.id, label: labels.organization(o.id) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const regions = (role?: 'partner') =>
    [...labels.maps.regions.values()]
      .filter((r) => role === undefined || r.role === role)
      .map((r) => ({ value: r.id, label: labels.region(r) }))
      .sort((a, b) => a.label.localeCompare(b.label));
  const illustrative: FieldDescriptor = { kind: 'boolean', name: 'illustrative', label: t('reference.illustrative') };
  const dateHint = t('reference.dateHint');

  const region: FieldDescriptor[] = [
    { kind: 'text', name: 'name', label: t('reference.region.name'), hint: t('reference.region.nameHint'), width: 'half' },
    { kind: 'text', name: 'localName', label: t('reference.region.localName'), hint: t('reference.region.localNameHint'), optional: true, width: 'half', lang: langOfCountry },
    { kind: 'select', name: 'level', label: t('reference.region.level'), options: REGION_LEVELS.map((l) => ({ value: l, label: t(`enums.level.${l}`) })) },
    { kind: 'text', name: 'countryCode', label: t('reference.region.countryCode'), hint: t('reference.region.countryCodeHint'), width: 'short', upperCase: true },
    { kind: 'text', name: 'province', label: t('reference.region.province'), optional: true, width: 'half' },
    { kind: 'checkboxes', name: 'strengths', label: t('reference.region.strengths'), options: sectors },
    { kind: 'textarea', name: 'notes', label: t('reference.region.notes'), optional: true },
    illustrative,
  ];

  const organization: FieldDescriptor[] = [
    { kind: 'text', name: 'name', label: t('reference.organization.name') },
    { kind: 'text', name: 'acronym', label: t('reference.organization.acronym'), hint: t('reference.organization.acronymHint'), optional: true, width: 'short' },
    { kind: 'select', name: 'kind', label: t('reference.organization.kind'), options: ORGANIZATION_KINDS.map((k) => ({ value: k, label: t(`reference.organizationKind.${k}`) })) },
    { kind: 'text', name: 'countryCode', label: t('reference.organization.countryCode'), hint: t('reference.region.countryCodeHint'), optional: true, width: 'short', upperCase: true },
    { kind: 'text', name: 'city', label: t('reference.organization.city'), optional: true, width: 'half' },
    { kind: 'text', name: 'website', label: t('reference.organization.website'), hint: t('reference.organization.websiteHint'), optional: true, inputMode: 'url' },
    illustrative,
  ];

  const person: FieldDescriptor[] = [
    { kind: 'text', name: 'name', label: t('reference.person.name'), width: 'half' },
    { kind: 'text', name: 'position', label: t('reference.person.position'), hint: t('reference.person.positionHint'), optional: true },
    { kind: 'select', name: 'regionId', label: t('reference.person.regionId'), hint: t('reference.person.affiliationHint'), optional: true, options: regions() },
    { kind: 'select', name: 'organizationId', label: t('reference.person.organizationId'), optional: true, options: organizations },
    { kind: 'text', name: 'email', label: t('reference.person.email'), hint: t('reference.person.contactHint'), optional: true, width: 'half', inputMode: 'email', personal: true },
    { kind: 'text', name: 'phone', label: t('reference.person.phone'), optional: true, width: 'half', inputMode: 'tel', personal: true },
    illustrative,
  ];

  const users: Option[] = [...labels.maps.users.values()]
    .filter((u) => u.active)
    .map((u) => ({ value: u.id, label: `${u.name} (${t(`enums.role.${u.role}`)})` }));
  const partnershipStart: FieldDescriptor[] = [
    { kind: 'select', name: 'partnerRegionId', label: t('reference.partnership.partnerRegionId'), hint: t('reference.partnership.partnerHint'), optional: true, options: regions('partner'), section: t('reference.partnership.partnerSection') },
    { kind: 'select', name: 'partnerOrganizationId', label: t('reference.partnership.partnerOrganizationId'), optional: true, options: organizations },
    { kind: 'radios', name: 'type', label: t('reference.partnership.type'), options: PARTNERSHIP_TYPES.map((p) => ({ value: p, label: t(`enums.partnershipType.${p}`) })) },
  ];
  const partnershipStage: FieldDescriptor[] = [
    { kind: 'select', name: 'stage', label: t('reference.partnership.stage'), options: STAGES.map((s) => ({ value: s, label: t(`enums.stage.${s}`) })), section: t('reference.partnership.stageSection') },
    { kind: 'date', name: 'stageDate', label: t('reference.partnership.stageDate'), hint: dateHint },
    { kind: 'text', name: 'stageNote', label: t('reference.partnership.stageNote'), optional: true },
  ];
  const partnershipRest: FieldDescriptor[] = [
    { kind: 'checkboxes', name: 'focusSectorIds', label: t('reference.partnership.focusSectorIds'), options: sectors, section: t('reference.partnership.workSection') },
    { kind: 'checkboxes', name: 'facilitatorIds', label: t('reference.partnership.facilitatorIds'), options: organizations },
    { kind: 'select', name: 'coordinatorId', label: t('reference.partnership.coordinatorId'), optional: true, options: users },
    { kind: 'date', name: 'loiDate', path: 'agreements.loiDate', label: t('reference.partnership.loiDate'), hint: dateHint, optional: true, section: t('reference.partnership.agreementsSection') },
    { kind: 'date', name: 'mouSignedDate', path: 'agreements.mouSignedDate', label: t('reference.partnership.mouSignedDate'), hint: dateHint, optional: true },
    { kind: 'date', name: 'mouExpiresDate', path: 'agreements.mouExpiresDate', label: t('reference.partnership.mouExpiresDate'), hint: dateHint, optional: true },
    { kind: 'textarea', name: 'notes', label: t('reference.partnership.notes'), optional: true },
    illustrative,
  ];

  return {
    region,
    organization,
    person,
    /** A new partnership: everything, with its first stage. */
    newPartnership: [...partnershipStart, ...partnershipStage, ...partnershipRest],
    /** An edit: everything but the stage, which moves only through a recorded stage change. */
    partnership: [...partnershipStart, ...partnershipRest],
  };
}
