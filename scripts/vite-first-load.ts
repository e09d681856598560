/**
 * Build steps for the first load of the production SPA (vite.config.ts uses them):
 *
 * - `firstLoadPreloads`: the chunks each page needs before it can paint (its language file, its
 *   route chunk and that chunk's imports, the session shell) become `<link rel="modulepreload">`s,
 *   so the browser fetches them beside the entry instead of one after another (HTML → entry →
 *   language → route). index.html gets the links of the first route (/) in the default language
 *   (Bahasa Indonesia); `dist/.vite/preloads.json` lists them per page and per language, and the
 *   Node server (server/node/static.ts) puts the right ones into each page it serves.
 * - `precompressDir`: a brotli (.br) and a gzip (.gz) copy of every compressible file in dist/, made
 *   once at build time at the highest levels, for the server to send as they are.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin, Rollup } from 'vite';
import { preloadFiles, type LocalePart, type Preloads } from '../server/node/preloads.js';

const LOCALES = ['id', 'en'] as const;
const DEFAULT_LOCALE = 'id';

/** What a page loads before its first paint: route modules and string parts. */
type PageLoad = { path: string; modules: string[]; parts: LocalePart[]; outsideShell?: true };

/**
 * The pages and what their routes load first — keep in step with src/app/router.tsx (the build
 * fails when a module listed here is not a chunk of the bundle any more). Static paths come
 * before the parameterised ones they would also match, as the router ranks them.
 */
export const PAGE_LOADS: PageLoad[] = [
  { path: '/', modules: ['src/app/routes/dashboard.tsx'], parts: [] },
  { path: '/follow-ups', modules: ['src/app/routes/follow-ups.tsx'], parts: ['lists'] },
  {
    path: '/follow-ups/:id',
    modules: ['src/app/routes/follow-up.tsx'],
    parts: ['lists', 'partners'],
  },
  { path: '/meetings', modules: ['src/app/routes/meetings.tsx'], parts: [] },
  { path: '/meetings/new', modules: ['src/app/routes/log-visit.tsx'], parts: ['forms'] },
  { path: '/meetings/:id/edit', modules: ['src/app/routes/edit-meeting.tsx'], parts: ['forms'] },
  { path: '/meetings/:id', modules: ['src/app/routes/meeting.tsx'], parts: ['partners'] },
  { path: '/partners', modules: ['src/app/routes/partners.tsx'], parts: ['partners'] },
  {
    path: '/partners/new',
    modules: ['src/app/routes/partnership-form.tsx'],
    parts: ['forms', 'reference'],
  },
  {
    path: '/partners/:id/edit',
    modules: ['src/app/routes/partnership-form.tsx'],
    parts: ['forms', 'reference'],
  },
  {
    path: '/partners/:id',
    modules: ['src/app/routes/partnership.tsx'],
    parts: ['partners', 'charts', 'lists'],
  },
  { path: '/reference', modules: ['src/app/routes/reference.tsx'], parts: ['forms', 'reference'] },
  ...(['regions', 'organizations', 'people'] as const).flatMap((kind) =>
    ['new', ':id/edit'].map((rest) => ({
      path: `/${kind}/${rest}`,
      modules: [`src/app/routes/${{ regions: 'region', organizations: 'organization', people: 'person' }[kind]}-form.tsx`],
      parts: ['forms', 'reference'] as LocalePart[],
    })),
  ),
  { path: '/admin/users', modules: ['src/app/routes/admin-users.tsx'], parts: ['admin'] },
  {
    path: '/sign-in',
    modules: ['src/app/routes/sign-in.tsx'],
    parts: ['admin'],
    outsideShell: true,
  },
];
/** Loaded with every page inside the shell (src/app/layout.tsx): the session logic and its strings. */
const SHELL: Pick<PageLoad, 'modules' | 'parts'> = {
  modules: ['src/app/shell/shell-parts.tsx'],
  parts: ['admin'],
};

const localeModule = (locale: string, part: LocalePart) =>
  `src/i18n/locales/${part === 'core' ? locale : `${part}.${locale}`}.ts`;

export function firstLoadPreloads(): Plugin {
  let root = process.cwd();
  let base = '/';
  let outDir = 'dist';
  let preloads: Preloads | undefined;
  return {
    name: 'mitra:first-load-preloads',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      base = config.base;
      outDir = resolve(config.root, config.build.outDir);
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        if (!ctx.bundle) return;
        const chunks = Object.values(ctx.bundle).filter(
          (o): o is Rollup.OutputChunk => o.type === 'chunk',
        );
        const byModule = new Map(
          chunks
            .filter((c) => c.facadeModuleId)
            .map((c) => [c.facadeModuleId!.replace(/\\/g, '/'), c]),
        );
        const byFile = new Map(chunks.map((c) => [c.fileName, c]));
        const closure = (file: string, seen = new Set<string>()): Set<string> => {
          if (seen.has(file)) return seen;
          seen.add(file);
          for (const dep of byFile.get(file)?.imports ?? []) closure(dep, seen);
          return seen;
        };
        // The entry and its static imports: Vite preloads those already.
        const entry = new Set<string>();
        for (const c of chunks.filter((c) => c.isEntry)) closure(c.fileName, entry);
        const chunkOf = (module: string) => {
          const chunk = byModule.get(resolve(root, module).replace(/\\/g, '/'));
          if (!chunk)
            throw new Error(
              `[mitra:first-load-preloads] ${module} is not a chunk of the build: update PAGE_LOADS in scripts/vite-first-load.ts`,
            );
          return chunk.fileName;
        };
        const filesOf = (modules: string[]) => {
          const files = new Set<string>();
          for (const m of modules) closure(chunkOf(m), files);
          return [...files].filter((f) => !entry.has(f));
        };
        const parts = new Set<LocalePart>([
          'core',
          ...SHELL.parts,
          ...PAGE_LOADS.flatMap((p) => p.parts),
        ]);
        preloads = {
          pages: PAGE_LOADS.map(({ modules, ...p }) => ({ ...p, files: filesOf(modules) })),
          shell: { files: filesOf(SHELL.modules), parts: SHELL.parts },
          locales: Object.fromEntries(
            LOCALES.map((l) => [
              l,
              Object.fromEntries([...parts].map((part) => [part, chunkOf(localeModule(l, part))])),
            ]),
          ),
          defaultLocale: DEFAULT_LOCALE,
        };
        return preloadFiles(preloads, '/', DEFAULT_LOCALE).map((file) => ({
          tag: 'link',
          attrs: {
            rel: 'modulepreload',
            crossorigin: true,
            href: `${base}${file}`,
            'data-first-load': true,
          },
          injectTo: 'head' as const,
        }));
      },
    },
    writeBundle() {
      if (preloads)
        writeFileSync(
          join(outDir, '.vite', 'preloads.json'),
          `${JSON.stringify(preloads, null, 2)}\n`,
        );
    },
  };
}

const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|xml|webmanifest)$/;

/** Writes `file.br` and `file.gz` beside every compressible file of `dir` (not under .vite/) where they are smaller. */
export async function precompressDir(dir: string): Promise<void> {
  const brotli = promisify(brotliCompress);
  const gz = promisify(gzip);
  const files: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) {
        if (!name.startsWith('.')) walk(path);
      } else if (COMPRESSIBLE.test(name)) files.push(path);
    }
  };
  walk(dir);
  await Promise.all(
    files.map(async (path) => {
      const raw = readFileSync(path);
      const [br, gzipped] = await Promise.all([
        brotli(raw, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
          },
        }),
        gz(raw, { level: constants.Z_BEST_COMPRESSION }),
      ]);
      if (br.length < raw.length) writeFileSync(`${path}.br`, br);
      if (gzipped.length < raw.length) writeFileSync(`${path}.gz`, gzipped);
    }),
  );
}
