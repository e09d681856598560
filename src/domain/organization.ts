export type { Organization, OrganizationInput, OrganizationPatch } from './schemas/organization';

export const ORGANIZATION_KINDS = [
  'business-council',
  'embassy',
  'chamber-of-commerce',
  'international-body',
  'university',
  'ngo',
  'government-agency',
  'other',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];
