import type { FieldPath, UseFormReturn } from 'react-hook-form';
import type { VisitFormValues } from '../model';

/** What every section of the visit form is given: the form and the messages by field name. */
export type SectionProps = { form: UseFormReturn<VisitFormValues>; errors: Record<string, string> };

/** After "add", focus the new row's first field; keyboard users stay where they work. */
export function addRow(form: UseFormReturn<VisitFormValues>, append: () => void, first: FieldPath<VisitFormValues>) {
  append();
  setTimeout(() => form.setFocus(first), 0);
}

/** After "remove", focus the section's add button (the removed row's controls are gone). */
export function removeRow(remove: () => void, addButtonId: string) {
  remove();
  document.getElementById(addButtonId)?.focus();
}
