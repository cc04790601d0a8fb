import type { Block } from '../../api/types';
import { blockAt, locate } from '../../model/text/textIndex';
import type { TextModel } from '../../model/text/textModel';

export interface DomPoint {
  node: Node;
  offset: number;
}

/**
 * Maps between DOM positions in the article and offsets into the canonical text. Inside a block, the offset is the
 * block's start plus the length of the text before the point (Range.toString counts exactly the text nodes);
 * between blocks, a point takes the start of the next block or the end of the previous one.
 */
export class TextMap {
  private readonly textNodes = new Map<number, { nodes: Text[]; lengths: number[] }>();

  constructor(
    readonly root: HTMLElement,
    readonly model: TextModel,
    private readonly blocks: readonly Block[],
    private readonly blockEls: readonly HTMLElement[],
  ) {}

  /** The offset of a DOM point inside root, or null outside it. */
  offsetOf(node: Node, offset: number, side: 'start' | 'end'): number | null {
    if (!this.root.contains(node)) return null;
    const element = node instanceof Element ? node : node.parentElement;
    const blockEl = element?.closest<HTMLElement>('[data-block]');
    if (blockEl && this.root.contains(blockEl)) {
      const block = this.blocks[Number(blockEl.dataset['block'])];
      if (block) {
        const range = document.createRange();
        range.setStart(blockEl, 0);
        range.setEnd(node, offset);
        return Math.min(block.end, block.start + range.toString().length);
      }
    }
    return this.offsetBetweenBlocks(node, offset, side);
  }

  private offsetBetweenBlocks(node: Node, offset: number, side: 'start' | 'end'): number {
    // Blocks are in document order: find the first block that comes after the point.
    let lo = 0;
    let hi = this.blockEls.length - 1;
    let after = this.blockEls.length;
    const range = document.createRange();
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const el = this.blockEls[mid];
      if (!el?.isConnected) {
        hi = mid - 1;
        continue;
      }
      range.selectNodeContents(el);
      if (range.comparePoint(node, offset) <= 0) {
        after = mid;
        hi = mid - 1;
      } else {
        lo = mid + 1;
      }
    }
    if (side === 'start') return this.blocks[after]?.start ?? this.model.text.length;
    return this.blocks[after - 1]?.end ?? 0;
  }

  /** The DOM point for an offset; at a boundary between text nodes, the later node (start) or earlier (end). */
  pointAt(offset: number, side: 'start' | 'end'): DomPoint | null {
    let index = blockAt(this.blocks, offset);
    if (index < 0) {
      index = side === 'start' ? this.model.nextBlock(offset) : this.model.previousBlock(offset);
      const b = this.blocks[index];
      if (!b) return null;
      offset = side === 'start' ? b.start : b.end;
    }
    const el = this.blockEls[index];
    if (!el) return null;
    const { nodes, lengths } = this.nodesOf(index, el);
    const at = locate(lengths, offset - this.blocks[index]!.start, side);
    return at.index < 0 ? { node: el, offset: 0 } : { node: nodes[at.index]!, offset: at.offset };
  }

  /** The text offset under a screen point (a click, the pointer), or null when the point is not over text. */
  offsetAtPoint(x: number, y: number): number | null {
    const doc = document as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null };
    let node: Node | null = null;
    let offset = 0;
    if (typeof document.caretPositionFromPoint === 'function') {
      const p = document.caretPositionFromPoint(x, y);
      if (p) ({ offsetNode: node, offset } = p);
    } else if (doc.caretRangeFromPoint) {
      const r = doc.caretRangeFromPoint(x, y);
      if (r) ({ startContainer: node, startOffset: offset } = r);
    }
    if (!(node instanceof Text)) return null;
    // The caret position nearest the point: only count it when the point is on the character beside it.
    const range = document.createRange();
    for (const [from, to] of [[offset, offset + 1], [offset - 1, offset]] as const) {
      if (from < 0 || to > node.length) continue;
      range.setStart(node, from);
      range.setEnd(node, to);
      for (const r of range.getClientRects()) {
        if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 2 && y <= r.bottom + 8) return this.offsetOf(node, from, 'start');
      }
    }
    return null;
  }

  range(start: number, end: number): Range | null {
    const a = this.pointAt(start, 'start');
    const b = this.pointAt(end, 'end');
    if (!a || !b) return null;
    const range = document.createRange();
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
    return range;
  }

  blockElement(index: number): HTMLElement | undefined {
    return this.blockEls[index];
  }

  private nodesOf(index: number, el: HTMLElement) {
    let entry = this.textNodes.get(index);
    if (!entry) {
      const nodes: Text[] = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
      entry = { nodes, lengths: nodes.map((n) => n.data.length) };
      this.textNodes.set(index, entry);
    }
    return entry;
  }
}
