export type {
  Organization,
  OrganizationInput,
  OrganizationPatch,
  OrganizationKind,
} from './schemas/organization';
export { ORGANIZATION_KINDS } from './schemas/organization';
