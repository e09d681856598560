import 'i18next';
import type { chartsId } from './locales/charts.id';
import type { formsId } from './locales/forms.id';
import type { id } from './locales/id';
import type { listsId } from './locales/lists.id';
import type { partnersId } from './locales/partners.id';
import type { adminId } from './locales/admin.id';
import type { referenceId } from './locales/reference.id';
import type { importId } from './locales/import.id';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    // One namespace, delivered in parts: the core with the app, the rest with the pages using them.
    resources: { translation: typeof id & typeof formsId & typeof listsId & typeof chartsId & typeof partnersId & typeof adminId & typeof referenceId & typeof importId };
  }
}
