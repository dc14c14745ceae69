import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import crosscheck from './eslint-rules/client-no-db.mjs';

// The layers' arrows point down only (app → db → lib): lib/ stays pure TypeScript, so its rules
// are unit-tested without a database or a renderer, and run the same in the CLI, the server and
// the browser. A type import counts too: it would tie lib/ to a table's shape.
const libRestrictions = {
  patterns: [
    {
      regex: '^(@/(db|app)|(\\.\\./)+(db|app))(/|$)',
      message: 'lib/ is pure domain code: db/ and app/ call lib/, never the reverse. Pass plain data in instead.',
    },
    {
      regex: '^(next|react|react-dom)(/|$)',
      message: 'lib/ is pure domain code: no Next or React, so it runs and is tested anywhere. Keep rendering in app/.',
    },
    {
      regex: '^(better-sqlite3|drizzle-orm)(/|$)',
      message: 'lib/ is pure domain code: SQL and the database driver belong in db/, which calls lib/ with plain data.',
    },
  ],
};

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      // A leading underscore marks a value destructured only to leave it out.
      '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['lib/**'],
    rules: { 'no-restricted-imports': ['error', libRestrictions] },
  },
  {
    // The rule reads the 'use client' directive itself, so it can run on every file.
    plugins: { crosscheck },
    rules: { 'crosscheck/client-no-db': 'error' },
  },
  globalIgnores(['.next/**', 'node_modules/**', 'next-env.d.ts', 'db/migrations/**', 'test-results/**', 'playwright-report/**']),
]);
