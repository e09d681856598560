import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Layers point one way (ARCHITECTURE.md): app → features → shared → domain, where shared is, from
 * the top down, session and reference-data → components → lib → i18n → stores. server → domain;
 * mocks → server, domain. Nothing in src imports mocks or server except the demo entry
 * (main.tsx's dev-only dynamic import); a feature reaches another feature only through its
 * public index.ts.
 *
 * The zones below are checked on resolved paths (the TypeScript resolver reads tsconfig's `@/`
 * alias), so `../../partners/components/x` and `@/features/partners/components/x` are one import.
 * tests/build/layers.test.ts proves it on fixtures. The text rules further down stay for package
 * names (msw, hono, react) and the Node-free core of the server.
 */
const restrict = (...patterns) => ['error', { patterns }];
const noMocksOrServer = {
  regex: '(^|/)(mocks|server)(/|$)|^msw(/|$)|^hono(/|$)',
  message: 'src/ never imports mocks, MSW or the server: they must not reach the production bundle.',
};
const SRC_DIRS = ['app', 'features', 'session', 'reference-data', 'components', 'lib', 'i18n', 'stores', 'domain'];
const src = (...dirs) => dirs.map((dir) => `./src/${dir}`);
/** Each shared or lower layer may not import the layers above it. */
const layerZones = [
  { target: src('features'), from: src('app'), message: 'Features do not import the app; the app composes features.' },
  { target: src('session', 'reference-data'), from: src('app', 'features'), message: 'Shared layers do not depend on features or the app.' },
  { target: src('components'), from: src('app', 'features', 'session', 'reference-data'), message: 'UI primitives take data as props: no app, feature, session or reference data.' },
  { target: src('lib'), from: src('app', 'features', 'session', 'reference-data', 'components'), message: 'lib sits below the UI: no app, features, session, reference data or components.' },
  { target: src('i18n'), from: src('app', 'features', 'session', 'reference-data', 'components', 'lib'), message: 'i18n depends on stores and the domain only.' },
  { target: src('stores'), from: src('app', 'features', 'session', 'reference-data', 'components', 'lib', 'i18n'), message: 'Stores hold client state and depend on the domain only.' },
  { target: src('domain'), from: [...src(...SRC_DIRS.filter((d) => d !== 'domain')), './src/main.tsx'], message: 'The domain is pure: no UI, no state, no I/O.' },
  // The demo entry (src/main.tsx) is the one door to mocks/, so it is not a target here.
  { target: [...src(...SRC_DIRS), './src/zod-config.ts'], from: ['./mocks', './server'], message: 'src/ never imports mocks or the server: they must not reach the production bundle.' },
  { target: './src/main.tsx', from: './server', message: 'The demo entry reaches the API through mocks/browser only.' },
  // server → mocks is the text rule's below (the seed module has its one, documented exception).
  { target: './server', from: [...src(...SRC_DIRS.filter((d) => d !== 'domain'))], message: 'The server depends on the domain only.' },
  { target: './mocks', from: src(...SRC_DIRS.filter((d) => d !== 'domain')), message: 'Mocks depend on the server and the domain only.' },
];

const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

/** A feature imports its own files freely, another feature only through that feature's index.ts. */
const featureZones = features.map((feature) => ({
  target: `./src/features/${feature}`,
  from: './src/features',
  except: [`./${feature}`, ...features.filter((other) => other !== feature).map((other) => `./${other}/index.ts`)],
  message: "A feature reaches another feature only through its public index.ts (and never its components: compose them in src/app/routes).",
}));

export default tseslint.config(
  {
    ignores: ['dist', 'dist-demo', 'dist-server', 'coverage', 'playwright-report', 'test-results', '.tmp', 'public/mockServiceWorker.js'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  reactHooks.configs.flat['recommended-latest'],
  ...pluginQuery.configs['flat/recommended'],
  {
    files: ['src/**/*.{ts,tsx}', 'server/**/*.ts', 'mocks/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json', alwaysTryTypes: true })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: [...layerZones, ...featureZones] }],
    },
  },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': restrict(noMocksOrServer) },
  },
  {
    files: ['src/domain/**'],
    rules: {
      'no-restricted-imports': restrict(noMocksOrServer, {
        regex: '^react',
        message: 'The domain is pure: no UI, no state, no I/O.',
      }),
    },
  },
  {
    files: ['server/**'],
    rules: {
      'no-restricted-imports': restrict({
        regex: '(^|/)mocks(/|$)|(^|/)src/(app|features|components|lib|stores|i18n)(/|$)|^react|^@/',
        message: 'The server depends on the domain only.',
      }),
    },
  },
  {
    // The API runs in the browser demo too (MSW): what createApi loads must not need Node.
    files: ['server/*.ts', 'server/routes/**', 'server/auth/routes.ts', 'server/auth/rules.ts', 'server/auth/problems.ts', 'server/auth/password-rules.ts'],
    rules: {
      'no-restricted-imports': restrict(
        {
          regex: '(^|/)mocks(/|$)|(^|/)src/(app|features|components|lib|stores|i18n)(/|$)|^react|^@/',
          message: 'The server depends on the domain only.',
        },
        { regex: '^node:|^(fs|path|crypto|os|child_process)$|better-sqlite3|@hono/node-server|(^|/)(node|sqlite)/|/auth/(auth|password|sqlite|bootstrap)$', message: 'Code that createApi loads also runs in the browser demo: no Node modules here.', allowTypeImports: true },
      ),
    },
  },
  {
    files: ['mocks/**'],
    rules: {
      'no-restricted-imports': restrict({
        regex: '(^|/)src/(app|features|components|lib|stores|i18n)(/|$)|^react|^@/',
        message: 'Mocks depend on the server and the domain only.',
      }),
    },
  },
  {
    files: ['tests/**', 'scripts/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', 'no-console': 'off' },
  },
);
