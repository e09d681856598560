export type {
  Organization,
  OrganizationInput,
  OrganizationPatch,
} from './schemas/organization';
export type { OrganizationKind } from './value-lists';
export { ORGANIZATION_KINDS } from './value-lists';
