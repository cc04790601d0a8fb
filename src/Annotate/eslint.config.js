// Lints the TypeScript front end (`npm run lint`; the C# suite runs it in Frontend/FrontendUnitTests.cs): ESLint's
// recommended rules and typescript-eslint's recommended rules with type information (from tsconfig.json and
// scripts/tests/tsconfig.json).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  // scripts/wire holds type-level assertions only, over obj/openapi.d.ts, which exists once the wire check has run.
  { ignores: ['node_modules/', 'obj/', 'wwwroot/', 'scripts/wire/'] },
  {
    files: ['scripts/**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      globals: globals.browser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Views take bags of callbacks typed with method syntax (`close(): void`) and built from arrow functions,
      // so passing `actions.close` on loses no `this`.
      '@typescript-eslint/unbound-method': 'off',
      // `addEventListener('submit', async (event) => …)` is how forms post here; the rule's other checks
      // (a promise in a condition, a spread or a method that should return void) stay on.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
    },
  },
  {
    files: ['scripts/tests/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      // node:test's test() returns a promise the runner itself awaits.
      '@typescript-eslint/no-floating-promises': 'off',
      // Fakes stand in for async APIs with async functions that need not await, and throw the
      // plain classes the code under test recognises.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/only-throw-error': 'off',
      // Tests read back JSON the code under test stored.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
);
