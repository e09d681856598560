export type { User, UserInput, UserPatch } from './schemas/user';

export const ROLES = ['staff', 'officer', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];
