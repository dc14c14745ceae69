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

// db/ query modules are written once for both engines (db/database.ts): through the Database they
// are given, never a connection of their own, and only with the part of drizzle both engines share.
// The engine files (and tests, which set up raw fixtures) are where each engine's own words live.
const engineFiles = ['db/client.ts', 'db/database.ts', 'db/sqlite-database.ts', 'db/pg-database.ts', 'db/copy-to-postgres.ts', 'db/raw.ts', 'db/backup.ts', 'db/**/*.test.ts', 'db/**/*.test-helper.ts'];
const queryModuleSyntax = [
  {
    selector: "CallExpression[arguments.length=0][callee.type='MemberExpression'][callee.property.name=/^(get|all|run)$/]",
    message: "better-sqlite3's synchronous .get()/.all()/.run() exist on one engine only: await the query (rows come back as an array; `const [row] = await …limit(1)`).",
  },
  {
    selector: "CallExpression[callee.type='MemberExpression'][callee.property.name='transaction']",
    message: 'Transactions go through the Database you were given: `db.write(async (tx) => …)` (it joins an outer write of the same flow).',
  },
];
const queryModuleImports = {
  paths: [
    { name: './client', importNames: ['appDatabase'], message: 'A query module takes the Database as its first parameter; only app/, scripts and tests open one.' },
  ],
  patterns: [
    { regex: '^(better-sqlite3|pg|drizzle-orm/(better-sqlite3|node-postgres|sqlite-core|pg-core))(/|$)', message: 'Engine-specific: it belongs in the engine files (db/sqlite-database.ts, db/pg-database.ts, the schemas), not in a query module.' },
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
    files: ['db/**/*.ts'],
    ignores: [...engineFiles, 'db/sqlite-schema.ts', 'db/pg-schema.ts', 'db/schema.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...queryModuleSyntax],
      'no-restricted-imports': ['error', queryModuleImports],
    },
  },
  {
    // The rule reads the 'use client' directive itself, so it can run on every file.
    plugins: { crosscheck },
    rules: { 'crosscheck/client-no-db': 'error' },
  },
  globalIgnores(['.next/**', 'node_modules/**', 'next-env.d.ts', 'db/migrations/**', 'test-results/**', 'playwright-report/**']),
]);
