type SearchFieldProps = {
  label: string;
  /** What the search looks in; shown under the field, or only to screen readers when `hintHidden`. */
  hint: string;
  hintHidden?: boolean;
  value: string;
  onChange: (value: string) => void;
  /** Takes the room left in the filter row. */
  grow?: boolean;
};

/** The text search of a filter form (`role="search"`): one per page, so its id is fixed. */
export function SearchField({ label, hint, hintHidden = false, value, onChange, grow = false }: SearchFieldProps) {
  return (
    <div className={grow ? 'field field--grow' : 'field'}>
      <label htmlFor="filter-q" className="label">
        {label}
      </label>
      <input
        id="filter-q"
        className="input"
        type="search"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby="filter-q-hint"
        autoComplete="off"
      />
      {hintHidden ? (
        <span id="filter-q-hint" className="visually-hidden">
          {hint}
        </span>
      ) : (
        <p id="filter-q-hint" className="hint">
          {hint}
        </p>
      )}
    </div>
  );
}
