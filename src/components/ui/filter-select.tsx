import { useTranslation } from 'react-i18next';

type FilterSelectProps = {
  id: string;
  label: string;
  value: string;
  options: Option[];
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
        <Options options={options} first={allLabel === false ? false : (allLabel ?? t('common.all'))} />
      </select>
    </div>
  );
}

export type Option = { value: string; label: string };

/**
 * The options of a native select: `first`, when given, is the empty choice before them ("all",
 * "choose", "no change").
 */
export function Options({ options, first }: { options: readonly Option[]; first?: string | false }) {
  return (
    <>
      {typeof first === 'string' && <option value="">{first}</option>}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </>
  );
}
