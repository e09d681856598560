import { useTranslation } from 'react-i18next';

type FilterSelectProps = {
  id: string;
  label: string;
  value: string;
  options: Array<{ value: string; label: string }>;
  onChange: (value: string | undefined) => void;
  /** The first option, meaning "no filter" (default: "Semua" / "All"); false for none. */
  allLabel?: string | false;
};

/** One labelled select of a filter bar; choosing the first option removes the filter. */
export function FilterSelect({ id, label, value, options, onChange, allLabel }: FilterSelectProps) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id} className="label">
        {label}
      </label>
      <select id={id} className="select" value={value} onChange={(e) => onChange(e.target.value || undefined)}>
        {allLabel !== false && <option value="">{allLabel ?? t('common.all')}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
