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
