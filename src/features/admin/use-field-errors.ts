import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { domId } from '@/components/ui/form/dom-id';
import type { SummaryError } from '@/components/ui/form/error-summary';
import type { FieldError } from '@/domain/validation';
import { fieldMessage } from './messages';

/**
 * The error summary of a small admin form: `show` keeps the first error of each field the form has
 * (`fieldOf` names it from the API's path, or undefined for none), in the form's order, each
 * "Label: message", and moves the focus to the summary (`focusKey`).
 */
export function useFieldErrors<N extends string>(fields: readonly N[], label: (name: N) => string, fieldOf: (apiName: string) => N | undefined) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<Array<SummaryError & { name: N }>>([]);
  const [focusKey, setFocusKey] = useState(0);
  const show = (list: FieldError[]) => {
    const seen = new Set<string>();
    const shown: Array<SummaryError & { name: N }> = [];
    for (const e of list) {
      const name = fieldOf(e.path.split('.')[0] ?? '');
      if (!name || seen.has(name)) continue;
      seen.add(name);
      shown.push({ name, fieldId: domId(name), message: t('form.withLabel', { label: label(name), message: fieldMessage(t, e) }) });
    }
    shown.sort((a, b) => fields.indexOf(a.name) - fields.indexOf(b.name));
    setErrors(shown);
    setFocusKey((k) => k + 1);
  };
  return { errors, setErrors, focusKey, show };
}
