import type { ReactNode } from 'react';

export type DescriptionItem = { term: string; value: ReactNode; hidden?: boolean };

/** A summary list (term, value) in the GOV.UK manner. */
export function DescriptionList({ items }: { items: DescriptionItem[] }) {
  return (
    <dl className="summary-list">
      {items
        .filter((item) => !item.hidden)
        .map((item) => (
          <div className="summary-list__row" key={item.term}>
            <dt className="summary-list__key">{item.term}</dt>
            <dd className="summary-list__value">{item.value}</dd>
          </div>
        ))}
    </dl>
  );
}
