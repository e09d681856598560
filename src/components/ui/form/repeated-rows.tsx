import type { ReactNode } from 'react';

/** One row of a repeated group that holds several fields (a participant, a statement, a follow-up). */
export function RowCard({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="row-card">
      <legend className="row-card__legend">{legend}</legend>
      {children}
    </fieldset>
  );
}

/** A section of a long form: its heading (`id`, which the section is labelled by) and its fields. */
export function FormSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="form-section">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
