import type { ReactNode } from 'react';

type Props = {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
  /** The options. */
  children: ReactNode;
};

/** A small labelled select of the header's tools (language, the demo's user). */
export function ToolSelect({ id, label, value, onChange, disabled, children }: Props) {
  return (
    <div className="tool">
      <label htmlFor={id} className="tool__label">
        {label}
      </label>
      <select id={id} className="select select--small" value={value} onChange={(e) => onChange(e.target.value)} disabled={disabled}>
        {children}
      </select>
    </div>
  );
}
