import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext } from '@playwright/test';

export const SAMPLE_PATH = path.join(__dirname, '..', '..', 'samples', 'us-strikes-iraq-2023-11-22.txt');
export const sampleText = () => fs.readFileSync(SAMPLE_PATH, 'utf8');

export interface StoredArticle {
  id: number;
  title: string;
  text: string;
  publishedOn: string | null;
}

/** A fresh copy of an article for one test, so tests never see each other's annotations. */
export async function createArticle(
  request: APIRequestContext,
  fields: { text?: string; title?: string; source?: string } = {},
): Promise<StoredArticle> {
  const response = await request.post('/api/articles', { data: { text: sampleText(), source: 'The National', ...fields } });
  if (response.status() !== 201) throw new Error(`creating an article failed: ${response.status()} ${await response.text()}`);
  return (await response.json()).article as StoredArticle;
}
