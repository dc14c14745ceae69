import { describe, expect, it } from 'vitest';
import { markdownTitle, markdownToArticle } from './markdown';

describe('markdownTitle', () => {
  it('takes a leading level-one heading', () => {
    expect(markdownTitle('# Briefing on Anbar\n\nOfficials said three sites were hit.')).toBe('Briefing on Anbar');
  });

  it('gives nothing when the first paragraph has no heading', () => {
    expect(markdownTitle('Officials said.\n\n# Later heading')).toBeUndefined();
  });
});

describe('markdownToArticle', () => {
  it('takes the title from the leading heading and does not repeat it in the body', () => {
    const article = markdownToArticle('# Strikes near *Baghdad*\n\nOfficials said three sites were hit.\n');
    expect(article).toEqual({ title: 'Strikes near Baghdad', text: 'Officials said three sites were hit.' });
  });

  it('keeps bold and link text without their markup', () => {
    const article = markdownToArticle('**Kataib Hezbollah** said [five fighters](https://example.com/a "report") were killed.');
    expect(article).toEqual({ text: 'Kataib Hezbollah said five fighters were killed.' });
  });

  it('separates paragraphs by one blank line and joins the lines of a paragraph', () => {
    const article = markdownToArticle('First line\nof one paragraph.\n\n\n\nSecond paragraph.');
    expect(article.text).toBe('First line of one paragraph.\n\nSecond paragraph.');
  });

  it('keeps later headings, list items and quotes as their own paragraphs', () => {
    const article = markdownToArticle('# Title\n\n## Background\n\n- one site\n- two sites\n\n> “It was a strike,” she said.');
    expect(article).toEqual({ title: 'Title', text: 'Background\n\none site\n\ntwo sites\n\n“It was a strike,” she said.' });
  });

  it('drops raw HTML, rules and link definitions, and keeps code as written', () => {
    const article = markdownToArticle('Text <span>here</span>.\n\n---\n\n[ref]: https://example.com\n\n    const x = 1;');
    expect(article.text).toBe('Text here.\n\nconst x = 1;');
  });

  it('leaves characters Markdown does not treat as markup alone, emoji included', () => {
    expect(markdownToArticle('Officials 🚑 said 12 people were killed; 3–5 were hurt.').text).toBe('Officials 🚑 said 12 people were killed; 3–5 were hurt.');
  });

  it('gives a file that is only a heading an empty body', () => {
    expect(markdownToArticle('# Only a title\n')).toEqual({ title: 'Only a title', text: '' });
  });
});
