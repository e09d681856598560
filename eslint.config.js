import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Layers point one way (STYLE.md): app → features → components, lib, domain; server → domain;
 * mocks → server, domain; nothing in src imports mocks or server (main.tsx's dev-only dynamic
 * import is the one door, and dynamic imports are not matched here); a feature does not import
 * another feature's components.
 */
const restrict = (...patterns) => ['error', { patterns }];
const noMocksOrServer = {
  regex: '(^|/)(mocks|server)(/|$)|^msw(/|$)|^hono(/|$)',
  message: 'src/ never imports mocks, MSW or the server: they must not reach the production bundle.',
};
const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

export default tseslint.config(
  {
    ignores: ['dist', 'dist-demo', 'coverage', 'playwright-report', 'test-results', '.tmp', 'public/mockServiceWorker.js'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  reactHooks.configs.flat['recommended-latest'],
  ...pluginQuery.configs['flat/recommended'],
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
        regex: '^@/(app|features|components|lib|stores|i18n)(/|$)|^react',
        message: 'The domain is pure: no UI, no state, no I/O.',
      }),
    },
  },
  {
    files: ['src/lib/**', 'src/components/**', 'src/stores/**', 'src/i18n/**'],
    rules: {
      'no-restricted-imports': restrict(noMocksOrServer, {
        regex: '^@/(app|features)(/|$)',
        message: 'Shared layers do not depend on features or the app.',
      }),
    },
  },
  ...features.map((feature) => ({
    files: [`src/features/${feature}/**`],
    rules: {
      'no-restricted-imports': restrict(
        noMocksOrServer,
        { regex: '^@/app(/|$)', message: 'Features do not import the app; the app composes features.' },
        {
          regex: `^@/features/(?!${feature}/)[^/]+/components(/|$)`,
          message: "A feature does not import another feature's components: compose them in src/app/routes.",
        },
      ),
    },
  })),
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
