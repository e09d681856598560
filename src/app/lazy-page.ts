import type { ComponentType } from 'react';
import type { LoaderFunction } from 'react-router';
import { ensureLocalePart, type LocalePart } from '@/i18n';

type Page = { Component: ComponentType; loader?: LoaderFunction };

/**
 * A route's `lazy`: its page's module (a chunk of its own, loaded when the page is first visited)
 * and the locale parts its strings are in, fetched side by side; `pick` takes the page and its
 * loader from the module.
 */
export function lazyPage<M>(load: () => Promise<M>, parts: readonly LocalePart[], pick: (module: M) => Page): () => Promise<Page> {
  return async () => {
    const [module] = await Promise.all([load(), ...parts.map((part) => ensureLocalePart(part))]);
    return pick(module);
  };
}
