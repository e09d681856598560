import type { chartsId } from './locales/charts.id';
import type { formsId } from './locales/forms.id';
import type { id } from './locales/id';
import type { listsId } from './locales/lists.id';
import type { partnersId } from './locales/partners.id';
import type { adminId } from './locales/admin.id';
import type { referenceId } from './locales/reference.id';

type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** Every locale has exactly the keys of the Indonesian one (checked by the compiler and a test). */
export type LocaleResources = Widen<typeof id>;
export type FormsResources = Widen<typeof formsId>;
export type ListsResources = Widen<typeof listsId>;
export type ChartsResources = Widen<typeof chartsId>;
export type PartnersResources = Widen<typeof partnersId>;
export type AdminResources = Widen<typeof adminId>;
export type ReferenceResources = Widen<typeof referenceId>;
