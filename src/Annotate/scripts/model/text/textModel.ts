import { segmentAt, segments, type Granularity, type Segment } from './segments';
import { blockAt, lastStartingAtOrBefore, type Extent } from './textIndex';

/** The canonical text and its blocks, with boundaries found per block and remembered for the last few blocks. */
export class TextModel {
  private readonly cache = new Map<string, Segment[]>();

  constructor(
    readonly text: string,
    readonly blocks: readonly Extent[],
    readonly locale?: string,
  ) {}

  /** The block holding offset; at a block's end it is still that block. -1 in the gap between blocks. */
  blockAt(offset: number): number {
    return blockAt(this.blocks, offset);
  }

  /** The first block starting at or after offset (blocks.length when none). */
  nextBlock(offset: number): number {
    const i = lastStartingAtOrBefore(this.blocks, offset);
    return i >= 0 && this.blocks[i]!.start === offset ? i : i + 1;
  }

  /** The last block ending at or before offset (-1 when none). */
  previousBlock(offset: number): number {
    let i = lastStartingAtOrBefore(this.blocks, offset);
    while (i >= 0 && this.blocks[i]!.end > offset) i--;
    return i;
  }

  segmentsOf(block: number, granularity: Granularity): Segment[] {
    const key = `${granularity}:${block}`;
    let list = this.cache.get(key);
    if (!list) {
      const b = this.blocks[block];
      list = b ? segments(this.text, b.start, b.end, granularity, this.locale) : [];
      if (this.cache.size >= 24) this.cache.delete(this.cache.keys().next().value as string);
      this.cache.set(key, list);
    }
    return list;
  }

  /** The segment of this granularity that contains offset, or null between blocks. */
  segmentAt(offset: number, granularity: Granularity): Segment | null {
    const block = this.blockAt(offset);
    return block < 0 ? null : segmentAt(this.segmentsOf(block, granularity), offset);
  }
}
