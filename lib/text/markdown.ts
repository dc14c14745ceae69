import type { Nodes, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';

/*
 * A Markdown file is stored as the text a reader sees, not as its source: `**bold**` is the
 * word, `[link](url)` the link text, and every offset a reviewer makes points into that text.
 * The parsing is CommonMark's, by mdast-util-from-markdown (micromark), not by hand.
 */

export interface MarkdownArticle {
  /** The leading `# Heading`, when the file starts with one; it is not repeated in `text`. */
  title?: string;
  /** Blocks (paragraphs, headings, list items, quotes, code) separated by blank lines. */
  text: string;
}

// Inside a paragraph a single line break is a soft break: it reads as a space.
function inline(node: Nodes): string {
  return toString(node, { includeImageAlt: true, includeHtml: false }).replace(/[ \t]*\n[ \t]*/g, ' ').trim();
}

/** The readable blocks of one node, in order; lists and quotes give one block per inner block. */
function blocks(node: RootContent): string[] {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
      return [inline(node)];
    case 'code':
      return [node.value];
    case 'list':
    case 'listItem':
    case 'blockquote':
      return node.children.flatMap((child) => blocks(child));
    case 'table':
      // One line per row, cells separated by tabs: the words stay in reading order.
      return [node.children.map((row) => row.children.map((cell) => inline(cell)).join('\t')).join('\n')];
    // Raw HTML, rules, link definitions and front matter carry no article text.
    default:
      return [];
  }
}

export function markdownToArticle(markdown: string): MarkdownArticle {
  const root: Root = fromMarkdown(markdown);
  const [first, ...rest] = root.children;
  const leadingTitle = first?.type === 'heading' && first.depth === 1 ? inline(first) : '';
  const body = leadingTitle ? rest : root.children;
  const text = body
    .flatMap((node) => blocks(node))
    .filter((block) => block.trim() !== '')
    .join('\n\n');
  return leadingTitle ? { title: leadingTitle, text } : { text };
}

/** A Markdown file's leading "# Heading", which becomes the article's title. */
export function markdownTitle(markdown: string): string | undefined {
  return markdownToArticle(markdown).title;
}
