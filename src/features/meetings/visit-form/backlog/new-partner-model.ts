/**
 * The visit form's own part for a first contact beyond a partner region (issue 15): an
 * organisation as counterpart, and the stage the new partnership starts at, dated by the user
 * (blank: the meeting's date; never silently today). Kept apart from model.ts so the visit
 * form's other sections change independently.
 */
import { toIsoDate, type DateParts } from '@/components/ui/form/date-parts';
import type { MeetingCreate } from '@/domain/meeting';
import type { OrganizationKind } from '@/domain/organization';
import type { Stage } from '@/domain/partnership';

export type NewCounterpartKind = 'region' | 'organization';

export type NewPartnerValues = {
  newCounterpart?: NewCounterpartKind;
  newOrganization?: { name: string; acronym: string; kind: OrganizationKind | ''; countryCode: string };
  newStart?: { stage: Stage; date: DateParts };
  /** The home government of the new partnership: '' to let the API take the user's only one. */
  newHomeRegionId?: string;
};

export const emptyNewPartner = (): Required<NewPartnerValues> => ({
  newCounterpart: 'region',
  newOrganization: { name: '', acronym: '', kind: '', countryCode: '' },
  newStart: { stage: 'exploring', date: { day: '', month: '', year: '' } },
  newHomeRegionId: '',
});

const text = (value: string | undefined) => (value && value.trim() ? value.trim() : undefined);

/**
 * The new partnership's counterpart and start, merged into `newPartnership` by model.ts: the
 * organisation replaces the region when the user chose one; the start date stays out when blank
 * (the API then dates it the meeting's day).
 */
export function newPartnerBody(
  values: NewPartnerValues,
  region: NonNullable<MeetingCreate['newPartnership']>['region'],
): Pick<NonNullable<MeetingCreate['newPartnership']>, 'region' | 'organization' | 'stage' | 'stageDate' | 'homeRegionId'> {
  const start = values.newStart;
  const stageDate = start ? toIsoDate(start.date) : undefined;
  const org = values.newOrganization;
  const counterpart =
    values.newCounterpart === 'organization' && org
      ? {
          organization: {
            name: org.name.trim(),
            ...(text(org.acronym) ? { acronym: text(org.acronym) } : {}),
            kind: org.kind as OrganizationKind,
            ...(text(org.countryCode) ? { countryCode: text(org.countryCode)?.toUpperCase() } : {}),
          },
        }
      : { region };
  const home = values.newHomeRegionId ? { homeRegionId: values.newHomeRegionId } : {};
  return { ...counterpart, stage: start?.stage ?? 'exploring', ...(stageDate ? { stageDate } : {}), ...home };
}

/** Where an API error on the new organisation or the start is shown in the form. */
export function newPartnerFieldId(parts: string[]): string | undefined {
  if (parts[0] !== 'newPartnership') return undefined;
  if (parts[1] === 'organization') return `newOrganization.${parts[2] ?? 'name'}`;
  if (parts[1] === 'stage') return 'newStart.stage';
  if (parts[1] === 'stageDate') return 'newStart.date.day';
  if (parts[1] === 'homeRegionId') return 'newHomeRegionId';
  return undefined;
}
