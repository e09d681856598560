import type { chartsId } from './locales/charts.id';
import type { formsId } from './locales/forms.id';
import type { id } from './locales/id';
import type { listsId } from './locales/lists.id';

type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** Every locale has exactly the keys of the Indonesian one (checked by the compiler and a test). */
export type LocaleResources = Widen<typeof id>;
export type FormsResources = Widen<typeof formsId>;
export type ListsResources = Widen<typeof listsId>;
export type ChartsResources = Widen<typeof chartsId>;
