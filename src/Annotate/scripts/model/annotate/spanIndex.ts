import { blocksTouching, type Extent } from '../text/textIndex';

export interface IndexedSpan {
  id: string;
  start: number;
  end: number;
}

/** Spans by the blocks they touch, so drawing a block or finding the spans under the pointer reads only its own. */
export class SpanIndex<T extends IndexedSpan> {
  private readonly byBlock = new Map<number, Map<string, T>>();
  private readonly spans = new Map<string, { span: T; blocks: number[] }>();

  constructor(private readonly blocks: readonly Extent[]) {}

  get size(): number {
    return this.spans.size;
  }

  get(id: string): T | undefined {
    return this.spans.get(id)?.span;
  }

  *values(): IterableIterator<T> {
    for (const entry of this.spans.values()) yield entry.span;
  }

  /** Adds or replaces; returns the blocks touched before and after (to redraw). */
  set(span: T): number[] {
    const old = this.delete(span.id);
    const blocks = blocksTouching(this.blocks, span.start, span.end);
    for (const b of blocks) {
      let bucket = this.byBlock.get(b);
      if (!bucket) this.byBlock.set(b, (bucket = new Map<string, T>()));
      bucket.set(span.id, span);
    }
    this.spans.set(span.id, { span, blocks });
    return [...new Set([...old, ...blocks])];
  }

  /** Removes; returns the blocks it touched. */
  delete(id: string): number[] {
    const entry = this.spans.get(id);
    if (!entry) return [];
    for (const b of entry.blocks) this.byBlock.get(b)?.delete(id);
    this.spans.delete(id);
    return entry.blocks;
  }

  inBlock(block: number): Iterable<T> {
    return this.byBlock.get(block)?.values() ?? [];
  }

  blocksOf(id: string): readonly number[] {
    return this.spans.get(id)?.blocks ?? [];
  }

  /** Spans covering offset, innermost (shortest) first. */
  at(offset: number, block: number): T[] {
    return [...this.inBlock(block)].filter((s) => s.start <= offset && offset < s.end).sort((a, b) => (a.end - a.start) - (b.end - b.start));
  }

  /** Spans overlapping [start, end). */
  overlapping(start: number, end: number): T[] {
    const seen = new Map<string, T>();
    for (const b of blocksTouching(this.blocks, start, end)) {
      for (const s of this.inBlock(b)) if (s.start < Math.max(end, start + 1) && start < Math.max(s.end, s.start + 1)) seen.set(s.id, s);
    }
    return [...seen.values()];
  }
}
