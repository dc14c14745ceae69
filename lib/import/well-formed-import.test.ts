import { describe, expect, it } from 'vitest';
import { parseImportFile } from './parse-file';
import { illFormedImportProblems } from './well-formed-import';

const problemsOf = (name: string, content: string) => {
  const parsed = parseImportFile(name, new TextEncoder().encode(content));
  return [...parsed.problems, ...illFormedImportProblems(parsed.articles, name)];
};

describe('illFormedImportProblems', () => {
  it('refuses a javascript: or other non-web address in JSONL, with the API’s rule, at its line', () => {
    const lines = [
      JSON.stringify({ text: 'Five fighters were killed.', url: 'https://example.org/a' }),
      JSON.stringify({ text: 'Five fighters were wounded.', url: 'javascript:alert(document.cookie)' }),
      JSON.stringify({ text: 'Five militiamen.', url: 'data:text/html,<b>x</b>' }),
    ].join('\n');
    expect(problemsOf('library.jsonl', lines)).toEqual([
      { file: 'library.jsonl', line: 2, message: 'url: use a full http:// or https:// address' },
      { file: 'library.jsonl', line: 3, message: 'url: use a full http:// or https:// address' },
    ]);
  });

  it('refuses a lone surrogate in any field, naming it', () => {
    // JSON escapes are the one way a lone surrogate gets into a UTF-8 file.
    const lines = ['{"text": "Five fighters \\ud83d were killed."}', '{"text": "Fine.", "title": "Half \\ude00"}'].join('\n');
    expect(problemsOf('library.jsonl', lines)).toEqual([
      { file: 'library.jsonl', line: 1, message: 'text contains a lone surrogate (half of a character such as an emoji): send well-formed Unicode text' },
      { file: 'library.jsonl', line: 2, message: 'title contains a lone surrogate (half of a character such as an emoji): send well-formed Unicode text' },
    ]);
  });

  it('lets well-formed articles with web addresses or none through', () => {
    const lines = [JSON.stringify({ text: 'Emoji 👍🏽 are whole characters.', url: 'http://example.org' }), JSON.stringify({ text: 'No address.' })].join('\n');
    expect(problemsOf('library.jsonl', lines)).toEqual([]);
  });
});
