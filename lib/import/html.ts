import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { calendarDate, optionalText } from './shared';
import { importText } from './text-for-import';
import type { ImportedArticle, ImportProblem } from './types';

/*
 * A saved news page reduced to its article, as a browser's reader mode does it:
 * Mozilla's Readability (the library behind Firefox Reader View) picks the content and
 * the metadata. The page is parsed by jsdom without running scripts (jsdom's default;
 * never turn it on for uploads) and without loading anything (no `resources` option),
 * and with a silent console, so a hostile page can neither run nor reach out nor fill
 * the server log. Only text and metadata leave this module, never markup.
 */

// Elements that end a paragraph. Readability's `textContent` runs paragraphs together,
// so the content is walked instead and a break made at each of these; the list goes
// beyond p/h1–h6/li/blockquote/pre so text in a div is not glued to its neighbour.
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIGCAPTION',
  'FIGURE', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P',
  'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);
// Never text, whatever Readability left in.
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'SVG', 'MATH', 'BUTTON', 'SELECT']);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Paragraphs of a content tree, joined by blank lines as the app's paragraphs are. */
function paragraphsOf(root: Node): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const paragraph = current.trim();
    if (paragraph) paragraphs.push(paragraph);
    current = '';
  };
  const walk = (node: Node, inPre: boolean) => {
    if (node.nodeType === TEXT_NODE) {
      const value = node.nodeValue ?? '';
      // Outside <pre> white space collapses as a browser shows it; inside, lines stay.
      current += inPre ? value : value.replace(/\s+/g, ' ');
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) {
      for (const child of Array.from(node.childNodes)) walk(child, inPre);
      return;
    }
    const name = (node as Element).tagName.toUpperCase();
    if (SKIPPED.has(name)) return;
    if (name === 'BR') {
      current += '\n';
      return;
    }
    const block = BLOCKS.has(name);
    if (block) flush();
    for (const child of Array.from(node.childNodes)) walk(child, inPre || name === 'PRE');
    if (block) flush();
  };
  walk(root, false);
  flush();
  // A <br> leaves "a \n b": the spaces either side of a line break are not text.
  return paragraphs.map((p) => p.replace(/[ \t]*\n[ \t]*/g, '\n')).join('\n\n');
}

function canonicalUrl(document: Document): string | undefined {
  const href = document.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href')?.trim();
  if (!href) return undefined;
  try {
    const url = new URL(href);
    // A relative canonical has no base to resolve against in a saved file; other schemes are not pages.
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function articleFromHtml(html: string, file: string): { article?: ImportedArticle; problems: ImportProblem[] } {
  const problem = (message: string) => ({ problems: [{ file, line: null, message }] });

  // Defaults on purpose: runScripts off, no resources; only the console is silenced.
  const dom = new JSDOM(html, { virtualConsole: new VirtualConsole() });
  let url: string | undefined;
  let result: ReturnType<Readability<Node>['parse']>;
  let body: string;
  try {
    // The page's own address, when it states one, is what Readability resolves links
    // against; a saved file otherwise has none (about:blank).
    url = canonicalUrl(dom.window.document);
    if (url) dom.reconfigure({ url });
    result = new Readability<Node>(dom.window.document, { serializer: (node) => node }).parse();
    body = result?.content ? paragraphsOf(result.content) : '';
  } catch (error) {
    return problem(`the page could not be read (${error instanceof Error ? error.message : String(error)})`);
  } finally {
    dom.window.close();
  }
  if (!result?.content) return problem('no article found on the page');

  const { text, dateFromText } = importText(body);
  if (text === '') return problem('no article text found on the page');

  // Only the date part: the time zone of a timestamp is the publisher's, and the day
  // as they printed it is the one a reviewer compares with other reports.
  const published = result.publishedTime?.trim().slice(0, 10);
  return {
    article: {
      title: optionalText(withoutSiteName(result.title, result.siteName)),
      // The byline names the writer, not the outlet, so it is not the source.
      source: optionalText(result.siteName),
      url,
      publishedOn: (published && calendarDate(published)) || (dateFromText ?? undefined),
      text,
      annotations: [],
      origin: { file, line: null },
    },
    problems: [],
  };
}

/** Page titles often end with the outlet ("Strike report | Example News"); reader modes drop it, and so do we. */
function withoutSiteName(title: string | null | undefined, siteName: string | null | undefined): string | null | undefined {
  if (!title || !siteName) return title;
  const suffix = new RegExp(`\\s*[|\\-–—:·]\\s*${siteName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, 'i');
  const stripped = title.replace(suffix, '');
  return stripped.trim() === '' ? title : stripped;
}
