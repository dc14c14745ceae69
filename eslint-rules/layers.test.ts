import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/*
 * The layer rules are only worth something if the project's own config fires them, so these
 * tests lint inline snippets through eslint.config.mjs as if they sat at the given paths.
 */

const root = path.resolve(__dirname, '..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax' || m.ruleId === 'crosscheck/client-no-db')
    .map((m) => `${m.ruleId}@${m.line}`);
}

describe('lib/ imports nothing from the layers above it', () => {
  it('refuses db/, app/, Next, React, the driver and drizzle, by alias or relative path', async () => {
    const code = [
      "import { getDb } from '@/db/client';",
      "import { articles } from '../../db/schema';",
      "import { action } from '@/app/articles/actions';",
      "import { notFound } from 'next/navigation';",
      "import { useState } from 'react';",
      "import { createRoot } from 'react-dom/client';",
      "import Database from 'better-sqlite3';",
      "import { eq } from 'drizzle-orm';",
      "import type { Article } from '@/db/schema';",
      "export { x } from '@/db';",
      'export const y = [getDb, articles, action, notFound, useState, createRoot, Database, eq] as unknown as Article;',
    ].join('\n');
    expect(await problems('lib/figures/fixture.ts', code)).toEqual(
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((line) => `no-restricted-imports@${line}`),
    );
  }, 60_000);

  it('lets lib/ import lib/ and ordinary packages, and db/ import anything', async () => {
    const code = [
      "import { AppError } from '@/lib/errors';",
      "import { normalize } from '../text/normalize';",
      "import nlp from 'compromise';",
      "import { nextThing } from './next';",
      'export const y = [AppError, normalize, nlp, nextThing];',
    ].join('\n');
    expect(await problems('lib/figures/fixture.ts', code)).toEqual([]);
    expect(await problems('db/fixture.ts', "import { eq } from 'drizzle-orm';\nexport const y = eq;")).toEqual([]);
  }, 60_000);
});

describe("client components import only types from db/", () => {
  it('refuses a runtime import, a re-export and a dynamic import of db/ under use client', async () => {
    const code = [
      "'use client';",
      "import { listActors } from '@/db/actors';",
      "import { annotationState } from '../../../../db/annotation-details';",
      "import type { ActorSummary } from '@/db/actors';",
      "import { type LayerSummary } from '@/db/layers';",
      "export { getDb } from '@/db/client';",
      "export const load = () => import('@/db/search');",
      'export const y: [unknown, unknown, ActorSummary?, LayerSummary?] = [listActors, annotationState];',
    ].join('\n');
    expect(await problems('app/articles/[id]/_reader/Fixture.tsx', code)).toEqual([
      'crosscheck/client-no-db@2',
      'crosscheck/client-no-db@3',
      'crosscheck/client-no-db@6',
      'crosscheck/client-no-db@7',
    ]);
  }, 60_000);

  it('leaves server modules alone', async () => {
    const code = "import { listActors } from '@/db/actors';\nexport const y = listActors;";
    expect(await problems('app/actors/page.tsx', code)).toEqual([]);
    // The directive must lead the module to count; a string later on is just a string.
    const late = "import { listActors } from '@/db/actors';\n'use client';\nexport const y = listActors;";
    expect(await problems('app/actors/Late.tsx', late)).toEqual([]);
  }, 60_000);
});

describe('db/ query modules keep to the contract both engines share', () => {
  it('refuses a connection of their own, synchronous driver calls, raw transactions and engine imports', async () => {
    const code = [
      "import { appDatabase } from './client';",
      "import Database from 'better-sqlite3';",
      "import { sqliteTable } from 'drizzle-orm/sqlite-core';",
      "import { articles } from './schema';",
      'export function one() {',
      '  return appDatabase().conn.select().from(articles).get();',
      '}',
      'export function many() {',
      '  return appDatabase().conn.transaction((tx) => tx.select().from(articles).all());',
      '}',
      'export const z = [Database, sqliteTable];',
    ].join('\n');
    expect(await problems('db/fixture.ts', code)).toEqual([
      'no-restricted-imports@1',
      'no-restricted-imports@2',
      'no-restricted-imports@3',
      'no-restricted-syntax@6',
      'no-restricted-syntax@9',
      'no-restricted-syntax@9',
    ]);
  }, 60_000);

  it('leaves the awaited, Database-passing style alone', async () => {
    const code = [
      "import type { Database } from './database';",
      "import { articles } from './schema';",
      'export async function one(db: Database) {',
      '  return db.read(async (conn) => {',
      '    const [row] = await conn.select().from(articles).limit(1);',
      '    return row;',
      '  });',
      '}',
    ].join('\n');
    expect(await problems('db/fixture.ts', code)).toEqual([]);
  }, 60_000);
});
