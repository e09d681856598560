import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A list page's filters kept in the address: the filters the address holds, and `change`, which
 * writes a patch of them (replacing the history entry).
 *
 * A change builds on the one before it even when the page has not yet rendered that one's
 * address: on a busy machine, an owner chosen and then at once a sort kept only the sort, as the
 * page rendered the address of an earlier change in between. While the page shows an address on
 * the way to what was last asked for, changes build on what was asked; once it shows that
 * address, or any other (the back button, a "clear filters" link), on what it shows.
 */
export function useFilterParams<F extends object>(
  from: (params: URLSearchParams) => F,
  to: (filters: F) => Record<string, string>,
): { filters: F; change: (patch: Partial<F>) => void } {
  const [params, setParams] = useSearchParams();
  const filters = from(params);
  const rendered = params.toString();
  const asked = useRef<{ on: ReadonlySet<string>; last: string; filters: F } | undefined>(undefined);
  useEffect(() => {
    if (asked.current && (rendered === asked.current.last || !asked.current.on.has(rendered))) asked.current = undefined;
  }, [rendered]);
  const change = (patch: Partial<F>) => {
    const pending = asked.current?.on.has(rendered) ? asked.current : undefined;
    const next = { ...(pending ? pending.filters : filters), ...patch };
    const nextParams = to(next);
    const last = new URLSearchParams(nextParams).toString();
    asked.current = { on: new Set([...(pending ? pending.on : [rendered]), last]), last, filters: next };
    setParams(nextParams, { replace: true });
  };
  return { filters, change };
}
