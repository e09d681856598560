/**
 * What each page of the SPA preloads from its first HTML: `dist/.vite/preloads.json`, written by
 * the build (scripts/vite-first-load.ts) and read by the Node server (server/node/static.ts).
 */
export type LocalePart = 'core' | 'forms' | 'lists' | 'charts' | 'partners' | 'admin' | 'reference';

export type Preloads = {
  /** Per page pattern (`:name` = one path segment): its route's chunks (the entry's left out), files relative to dist/. */
  pages: Array<{ path: string; files: string[]; parts: LocalePart[]; outsideShell?: true }>;
  /** What every page inside the app's shell loads too. */
  shell: { files: string[]; parts: LocalePart[] };
  /** Per language and part, the chunk of its strings. */
  locales: Record<string, Partial<Record<LocalePart, string>>>;
  defaultLocale: string;
};

/** Does a page pattern (`/meetings/:id`) match a path (`/meetings/mtg-1`)? */
export function matchesPage(pattern: string, path: string): boolean {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  return (
    want.length === have.length &&
    want.every((segment, i) => segment.startsWith(':') || segment === have[i])
  );
}

/**
 * The files to preload for a page in a language, in the order they are needed: the language's
 * core strings (boot waits for them), the route's chunks, the shell, the other string parts.
 * A path no page matches (a 404 page) gets the core strings and the shell.
 */
export function preloadFiles(preloads: Preloads, path: string, locale: string): string[] {
  const strings = preloads.locales[locale] ?? preloads.locales[preloads.defaultLocale] ?? {};
  const page = preloads.pages.find((p) => matchesPage(p.path, path));
  const shell = page?.outsideShell ? { files: [], parts: [] } : preloads.shell;
  const parts = new Set([...(page?.parts ?? []), ...shell.parts]);
  const files = [
    strings.core,
    ...(page?.files ?? []),
    ...shell.files,
    ...[...parts].map((part) => strings[part]),
  ];
  return [...new Set(files.filter((f): f is string => Boolean(f)))];
}
