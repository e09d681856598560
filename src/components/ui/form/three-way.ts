/**
 * Two edits of the same version, field by field: what I changed, what they changed (someone who
 * saved first, answered with 412), and where we disagree. Used by every edit form.
 */

export type Choice = 'mine' | 'theirs';

/** Equal as JSON; absent and null are the same (nothing there). */
export const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const same = sameValue;

/** The fields both sides changed, to different values. Fields only one side changed merge without asking. */
export function conflictingKeys<T extends object, K extends keyof T & string>(keys: readonly K[], base: T, mine: T, theirs: T): K[] {
  return keys.filter((k) => !same(mine[k], base[k]) && !same(theirs[k], base[k]) && !same(mine[k], theirs[k]));
}

/**
 * Their version, with each field I changed on top of it, unless they changed it too and the
 * choice for that field is theirs (the default: nothing of theirs is overwritten unasked).
 */
export function mergeEdits<T extends object, K extends keyof T & string>(
  keys: readonly K[],
  base: T,
  mine: T,
  theirs: T,
  choices: Partial<Record<K, Choice>>,
): T {
  const result = { ...theirs };
  for (const key of keys) {
    if (same(mine[key], base[key])) continue;
    const conflict = !same(theirs[key], base[key]) && !same(mine[key], theirs[key]);
    if (!conflict || choices[key] === 'mine') result[key] = mine[key];
  }
  return result;
}

/** The fields `next` changes relative to `base`, as a merge patch: a field now empty is sent as null (removed). */
export function patchOf<T extends object, K extends keyof T & string>(keys: readonly K[], base: T, next: T): Partial<Record<K, unknown>> {
  const patch: Partial<Record<K, unknown>> = {};
  for (const key of keys) {
    if (!same(base[key], next[key])) patch[key] = next[key] ?? null;
  }
  return patch;
}
