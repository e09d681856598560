export type { Person, PersonInput, PersonPatch } from './schemas/person';
