import { describe, expect, it } from 'vitest';
import { parseImportFile } from './parse-file';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('parseImportFile, Markdown', () => {
  it('stores a .md file as its readable text with the leading heading as title', () => {
    const parsed = parseImportFile('report.md', bytes('# Strikes in Iraq\n\n**Kataib Hezbollah** said [five fighters](https://example.com) were killed.\n\nSecond paragraph.'));
    expect(parsed.problems).toEqual([]);
    expect(parsed.articles).toEqual([
      { title: 'Strikes in Iraq', text: 'Kataib Hezbollah said five fighters were killed.\n\nSecond paragraph.', annotations: [], origin: { file: 'report.md', line: null } },
    ]);
  });

  it('refuses a .md file that is only a heading', () => {
    expect(parseImportFile('title.md', bytes('# Only a title')).problems).toEqual([{ file: 'title.md', line: null, message: 'the Markdown file has no text besides its title' }]);
  });

  it('keeps a .txt file as written, markup-like characters included', () => {
    expect(parseImportFile('plain.txt', bytes('# not a heading **here**')).articles[0]?.text).toBe('# not a heading **here**');
  });
});
