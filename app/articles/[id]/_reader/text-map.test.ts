// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { TextMap } from './text-map';

// Two paragraphs as the reader renders them: each <p data-start> holds one text node, and the
// blank line between them ("\n\n", offsets 5–6) is in the stored text but not in the DOM.
const TEXT = 'Alpha\n\nBravo charlie';

let root: HTMLElement;
let map: TextMap;

beforeEach(() => {
  document.body.innerHTML = '<div id="reader"><p data-start="0">Alpha</p><p data-start="7">Bravo charlie</p></div>';
  root = document.getElementById('reader')!;
  map = new TextMap(root, TEXT.length);
});

const paragraphText = (index: number) => root.querySelectorAll('p')[index]!.firstChild as Text;

describe('TextMap', () => {
  it('maps an offset to its paragraph’s text node and back', () => {
    expect(map.toDom(0, 'start')).toEqual({ node: paragraphText(0), offset: 0 });
    expect(map.toDom(9, 'start')).toEqual({ node: paragraphText(1), offset: 2 });
    expect(map.toOffset(paragraphText(1), 2)).toBe(9);
    expect(map.toOffset(paragraphText(0), 5)).toBe(5);
  });

  it('moves offsets in the gap between paragraphs to the nearest edge', () => {
    // A start in the gap begins the next paragraph; an end there stops at the end of the previous one.
    expect(map.toDom(6, 'start')).toEqual({ node: paragraphText(1), offset: 0 });
    expect(map.toDom(6, 'end')).toEqual({ node: paragraphText(0), offset: 5 });
  });

  it('builds a range whose text is the article’s, across paragraphs too', () => {
    expect(map.range(7, 12)!.toString()).toBe('Bravo');
    expect(map.range(13, 20)!.toString()).toBe('charlie');
    const across = map.range(2, 12)!;
    expect(across.startContainer).toBe(paragraphText(0));
    expect(across.endContainer).toBe(paragraphText(1));
  });

  it('gives no range for a non-empty span that covers only the gap', () => {
    // Both ends land on the start of the next paragraph: the range would show nothing.
    expect(map.range(6, 7)).toBeNull();
    expect(map.range(5, 7)!.toString()).toBe('');
    expect(map.range(9, 9)!.collapsed).toBe(true);
  });

  it('reads element boundaries (a triple click) as the paragraph they stand before', () => {
    expect(map.toOffset(root, 1)).toBe(7);
    expect(map.toOffset(root, 0)).toBe(0);
    // After the last child of a paragraph: the next paragraph is the first to start after it.
    expect(map.toOffset(root.querySelectorAll('p')[0]!, 1)).toBe(7);
    expect(map.toOffset(root, 2)).toBe(TEXT.length);
  });

  it('ignores positions outside the reader', () => {
    const outside = document.createElement('span');
    outside.textContent = 'legend';
    document.body.append(outside);
    expect(map.toOffset(outside.firstChild!, 1)).toBeNull();
  });

  it('refuses a paragraph that is not a single text node', () => {
    document.body.innerHTML = '<div id="bad"><p data-start="0"><b>Alpha</b></p></div>';
    expect(() => new TextMap(document.getElementById('bad')!, 5)).toThrow('single text node');
  });
});
