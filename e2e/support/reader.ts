import { expect, type Locator, type Page } from '@playwright/test';
import type { Label } from '../../lib/labels';

interface CharacterBoxes {
  first: { left: number; right: number; top: number; bottom: number };
  last: { left: number; right: number; top: number; bottom: number };
}

/** Screen boxes of the first and last character of the nth occurrence of `phrase` in the reader. */
function measure(page: Page, phrase: string, occurrence: number, scroll: boolean): Promise<CharacterBoxes | null> {
  return page.evaluate(
    ({ phrase, occurrence, scroll }) => {
      let seen = 0;
      for (const paragraph of Array.from(document.querySelectorAll<HTMLElement>('[data-testid="reader"] p'))) {
        const node = paragraph.firstChild as Text;
        for (let from = node.data.indexOf(phrase); from !== -1; from = node.data.indexOf(phrase, from + 1)) {
          if (seen++ !== occurrence) continue;
          if (scroll) paragraph.scrollIntoView({ block: 'center', behavior: 'instant' });
          const box = (start: number) => {
            const range = document.createRange();
            range.setStart(node, start);
            range.setEnd(node, start + 1);
            const rect = range.getClientRects()[0]!;
            return { left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom };
          };
          return { first: box(from), last: box(from + phrase.length - 1) };
        }
      }
      return null;
    },
    { phrase, occurrence, scroll },
  );
}

async function characterBoxes(page: Page, phrase: string, occurrence = 0): Promise<CharacterBoxes> {
  await measure(page, phrase, occurrence, true);
  const boxes = await measure(page, phrase, occurrence, false);
  if (!boxes) throw new Error(`"${phrase}" (occurrence ${occurrence}) is not in the reader`);
  return boxes;
}

const middle = (box: { top: number; bottom: number }) => (box.top + box.bottom) / 2;

/** Drags the mouse from just inside the first character of `phrase` to just inside its last. */
export async function selectWithMouse(page: Page, phrase: string, occurrence = 0): Promise<void> {
  const { first, last } = await characterBoxes(page, phrase, occurrence);
  await page.mouse.move(first.left + 1, middle(first));
  await page.mouse.down();
  await page.mouse.move(last.right - 1, middle(last), { steps: 8 });
  await page.mouse.up();
}

/** Clicks on the left edge of the phrase's first character, leaving the caret just before it. */
export async function placeCaretBefore(page: Page, phrase: string, occurrence = 0): Promise<void> {
  const { first } = await characterBoxes(page, phrase, occurrence);
  await page.mouse.click(first.left + 1, middle(first));
}

/** Clicks in the middle of the first character of `phrase`: a click on whatever highlight is there. */
export async function clickOn(page: Page, phrase: string, occurrence = 0): Promise<void> {
  // Selecting an entry scrolls its highlight into view smoothly; a click aimed while the page
  // still moves lands on other text. Aim once the phrase stays put from one frame to the next.
  let first = (await characterBoxes(page, phrase, occurrence)).first;
  await expect
    .poll(async () => {
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const now = (await characterBoxes(page, phrase, occurrence)).first;
      const settled = now.top === first.top && now.left === first.left;
      first = now;
      return settled;
    })
    .toBe(true);
  await page.mouse.click((first.left + first.right) / 2, middle(first));
}

/** How many ranges the reader paints for a label, over all overlap lanes. */
export async function paintedCount(page: Page, label: Label): Promise<number> {
  return page.evaluate((label) => {
    let total = 0;
    for (const [name, highlight] of CSS.highlights) if (name.startsWith(`cc-${label}-`)) total += highlight.size;
    return total;
  }, label);
}

/** The article text covered by the dashed "will be tagged" preview. */
export async function pendingText(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const highlight = CSS.highlights.get('cc-pending');
    const range = highlight ? (Array.from(highlight)[0] as Range | undefined) : undefined;
    return range ? range.toString() : null;
  });
}

export async function openArticle(page: Page, id: number): Promise<void> {
  await page.goto(`/articles/${id}`);
  await expect(page.getByTestId('reader')).toBeVisible();
}

export const annotationItems = (page: Page) => page.getByTestId('annotation-item');
/** The panel entry whose quoted text is exactly `quote`. */
export const annotationItem = (page: Page, quote: string) =>
  annotationItems(page).filter({ has: page.locator('.quote').getByText(quote, { exact: true }) });

/**
 * The id an entry has once the server has stored it. A new annotation shows at once under a
 * negative placeholder id; reading the attribute before the create returns races the write.
 */
export async function storedAnnotationId(item: Locator): Promise<string> {
  await expect(item).toHaveAttribute('data-annotation-id', /^\d+$/);
  return (await item.getAttribute('data-annotation-id'))!;
}
