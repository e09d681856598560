export type { User, UserInput, UserPatch } from './schemas/user';
export type { Role } from './value-lists';
export { ROLES } from './value-lists';
