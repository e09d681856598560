import 'i18next';
import type { formsId } from './locales/forms.id';
import type { id } from './locales/id';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    // One namespace, delivered in parts: the core with the app, the forms with the form pages.
    resources: { translation: typeof id & typeof formsId };
  }
}
