/**
 * Canonical form of an article's text. Every stored offset points into the
 * output of `prepareArticleText`, so this must stay deterministic: changing
 * it would silently shift the annotations of articles imported later.
 */

const BOM = '\uFEFF';

function isSpaceOrTab(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

// A hand-written scan instead of /[ \t]+$/gm, whose backtracking goes
// quadratic on long runs of spaces in the middle of a line.
function trimLineEnds(text: string): string {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    let end = line.length;
    while (end > 0 && isSpaceOrTab(line.charCodeAt(end - 1))) end--;
    if (end !== line.length) lines[i] = line.slice(0, end);
  }
  return lines.join('\n');
}

export function normaliseText(raw: string): string {
  let text = raw.startsWith(BOM) ? raw.slice(1) : raw;
  text = text.replace(/\r\n?/g, '\n');
  // NFC so that the same visible text always has the same offsets,
  // whichever editor or scraper produced the file.
  text = text.normalize('NFC');
  text = trimLineEnds(text);
  return text.trim();
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

// The date must be followed by whitespace or the end, so "2023-11-225"
// is not read as a date followed by "5".
const DATE_LINE = /^date[ \t]+(\d{4})-(\d{2})-(\d{2})(?=\s|$)\s*/i;

export function parseDateLine(text: string): { date: string | null; body: string } {
  const match = DATE_LINE.exec(text);
  if (!match) return { date: null, body: text };
  const [token, y, m, d] = match as unknown as [string, string, string, string];
  if (!isCalendarDate(Number(y), Number(m), Number(d))) return { date: null, body: text };
  return { date: `${y}-${m}-${d}`, body: text.slice(token.length) };
}

export function prepareArticleText(raw: string): { text: string; dateFromText: string | null } {
  const { date, body } = parseDateLine(normaliseText(raw));
  return { text: body.trim(), dateFromText: date };
}
