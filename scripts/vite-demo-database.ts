/**
 * The demo build's ready-made database (vite.config.ts uses this plugin in `--mode demo` only):
 * scripts/demo-database-file.ts makes the demo database at build time with the page's own code
 * (migrations, then the seed, on SQLite in WebAssembly), the build ships it as a content-hashed
 * file, and mocks/browser.ts reads its URL from `import.meta.env.MITRA_DEMO_DATABASE_URL`. A new
 * visitor's page (and every new browser context of the e2e suite) then opens those bytes in a
 * fraction of a second instead of migrating and seeding for seconds. `npm run dev` has no such
 * file: the page makes its database as before.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';

export const DEMO_DATABASE_ENV = 'import.meta.env.MITRA_DEMO_DATABASE_URL';

export function demoDatabaseAsset(mode: string): Plugin {
  let bytes: Buffer | undefined;
  let fileName = '';
  return {
    name: 'mitra:demo-database',
    apply: 'build',
    config(config) {
      if (mode !== 'demo') return undefined;
      const root = resolve(config.root ?? process.cwd());
      const dir = mkdtempSync(join(tmpdir(), 'mitra-demo-db-'));
      try {
        const file = join(dir, 'demo.sqlite');
        // A separate process: the page's TypeScript modules and the WebAssembly SQLite run under tsx.
        execFileSync(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'scripts', 'demo-database-file.ts'), file], { cwd: root, stdio: 'inherit' });
        bytes = readFileSync(file);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      const hash = createHash('sha256').update(bytes).digest('base64url').slice(0, 10);
      fileName = `assets/demo-database-${hash}.sqlite`;
      const base = config.base ?? '/';
      return { define: { [DEMO_DATABASE_ENV]: JSON.stringify(`${base}${fileName}`) } };
    },
    generateBundle() {
      if (bytes) this.emitFile({ type: 'asset', fileName, source: bytes });
    },
  };
}
