/** A Markdown file's leading "# Heading" is its title; the text itself is kept as written. */
export function markdownTitle(text: string): string | undefined {
  return /^\s*#\s+(.+)$/m.exec(text.split(/\n\s*\n/, 1)[0] ?? '')?.[1]?.trim();
}
