/**
 * Maps between article offsets (UTF-16 units into the stored text) and DOM positions.
 * The reader renders each paragraph as one <p data-start> holding exactly one text node,
 * so a paragraph's start offset plus the offset inside its text node is the article offset.
 */
export class TextMap {
  private readonly starts: number[];
  private readonly nodes: Text[];

  constructor(
    private readonly root: HTMLElement,
    private readonly textLength: number,
  ) {
    const paragraphs = Array.from(root.querySelectorAll<HTMLElement>('p[data-start]'));
    this.starts = paragraphs.map((p) => Number(p.dataset.start));
    this.nodes = paragraphs.map((p) => {
      const node = p.firstChild;
      if (!(node instanceof Text)) throw new Error('A reader paragraph must hold a single text node.');
      return node;
    });
  }

  /** The DOM position of an article offset; offsets in the gaps between paragraphs move to the nearest edge. */
  toDom(offset: number, side: 'start' | 'end'): { node: Text; offset: number } | null {
    if (this.nodes.length === 0) return null;
    let index = this.paragraphAt(offset);
    let node = this.nodes[index]!;
    let local = offset - this.starts[index]!;
    if (local > node.length) {
      const next = this.nodes[index + 1];
      if (side === 'start' && next) {
        index += 1;
        node = next;
        local = 0;
      } else {
        local = node.length;
      }
    }
    return { node, offset: Math.max(0, local) };
  }

  range(start: number, end: number): Range | null {
    const from = this.toDom(start, 'start');
    const to = this.toDom(end, 'end');
    if (!from || !to) return null;
    const range = document.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    return range.collapsed && start < end ? null : range;
  }

  /** The article offset of a DOM boundary point, or null when it lies outside the reader. */
  toOffset(node: Node, offset: number): number | null {
    if (!this.root.contains(node)) return null;
    const paragraph = node.parentElement;
    if (node instanceof Text && paragraph?.dataset.start !== undefined) return Number(paragraph.dataset.start) + offset;
    // An element boundary (e.g. a triple-click selecting a whole paragraph): take the
    // first paragraph that starts at or after the point.
    const point = document.createRange();
    point.setStart(node, offset);
    let low = 0;
    let high = this.nodes.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (point.comparePoint(this.nodes[mid]!, 0) < 0) low = mid + 1;
      else high = mid;
    }
    if (low > 0) {
      const previous = this.nodes[low - 1]!;
      if (point.comparePoint(previous, previous.length) >= 0) return this.starts[low - 1]! + previous.length;
    }
    return low < this.nodes.length ? this.starts[low]! : this.textLength;
  }

  /** The article offset of the character under a screen point, or null when there is none. */
  characterAt(x: number, y: number): number | null {
    const caret = caretAt(x, y);
    if (!caret || !(caret.node instanceof Text)) return null;
    const base = this.toOffset(caret.node, caret.offset);
    if (base === null) return null;
    // The caret sits between two characters: the one whose box holds the point is the one clicked.
    for (const candidate of [base, base - 1]) {
      const local = candidate - (base - caret.offset);
      if (local < 0 || local >= caret.node.length) continue;
      const range = document.createRange();
      range.setStart(caret.node, local);
      range.setEnd(caret.node, local + 1);
      for (const rect of Array.from(range.getClientRects())) {
        if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return candidate;
      }
    }
    return null;
  }

  private paragraphAt(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}

function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  if (typeof document.caretPositionFromPoint === 'function') {
    const position = document.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}
