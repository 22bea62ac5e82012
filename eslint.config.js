// Lint: typescript-eslint recommended, boundaries between shared / server / web, size budgets as warnings.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'node_modules/**', '.tmp/**', 'coverage/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'max-lines': ['warn', { max: 400, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', 'react', 'react-*', '#server/*', '#web/*', 'kysely', 'fastify'] }],
    },
  },
  {
    files: ['web/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['#server/*', 'node:*', 'kysely', 'fastify', 'pg'] }] },
  },
  {
    files: ['server/**/*.routes.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['#server/db/db.ts', '*.queries.ts'] }] },
  },
  {
    files: ['server/db/migrations/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['#server/*', '#shared/*', '../*', './*'] }] },
  },
  {
    files: ['server/**/*.ts'],
    ignores: ['server/**/*.test.ts', 'server/db/migrations/**'],
    rules: { 'max-lines-per-function': ['warn', { max: 60, skipBlankLines: true, skipComments: true }] },
  },
);
