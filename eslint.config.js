import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// ARCHITECTURE.md "Imports flow one way": web → contracts → domain; server/http → features → db | integrations |
// jobs; domain imports nothing of ours; integrations never import features; the SPA never imports server; product
// code never imports the simulators or the tests.
// In flat config the last matching block's rule wins, so every layer repeats the rule that holds everywhere.
const EVERYWHERE = [{ group: ['**/sim/**', '**/tests/**'], message: 'product code never imports the simulators or tests' }];
const layer = (files, forbidden, why) => ({
  files,
  ignores: ['**/*.test.ts', '**/*.test.tsx'],
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: forbidden.length ? [...EVERYWHERE, { group: forbidden, message: why }] : EVERYWHERE },
    ],
  },
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'test-results/**', 'playwright-report/**', 'src/server/db/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  layer(['src/**'], [], ''),
  layer(['src/domain/**'], ['**/contracts/**', '**/server/**', '**/web/**', 'react', 'fastify', 'pg'], 'domain is pure: it imports nothing of ours'),
  layer(['src/contracts/**'], ['**/server/**', '**/web/**'], 'contracts import only domain'),
  layer(['src/web/**'], ['**/server/**', '**/sim/**'], 'the SPA never imports the server'),
  layer(['src/server/features/**'], ['**/http/**'], 'features never import the HTTP layer'),
  layer(['src/server/db/**'], ['**/features/**', '**/http/**', '**/jobs/**', '**/integrations/**'], 'db imports only its schema'),
  layer(['src/server/integrations/**'], ['**/features/**', '**/http/**'], 'integrations never import features'),
  layer(['src/server/jobs/**'], ['**/features/**', '**/http/**'], 'jobs never import features or http'),
  layer(['src/server/secrets/**'], ['**/features/**', '**/http/**', '**/db/**', '**/integrations/**', '**/jobs/**'], 'secrets is a leaf: it imports nothing of ours'),
  layer(['src/server/realtime/**'], ['**/features/**', '**/http/**'], 'realtime never imports features or http'),
  {
    files: ['src/server/main.ts', 'scripts/**', 'bench/**', 'sim/**', 'tests/**'],
    rules: { 'no-console': 'off' },
  },
);
