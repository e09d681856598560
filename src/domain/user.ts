export type { User, UserInput, UserPatch, Role } from './schemas/user';
export { ROLES } from './schemas/user';
