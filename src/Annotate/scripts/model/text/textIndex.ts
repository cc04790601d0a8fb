// Offsets into the canonical text and the blocks that hold them. Blocks are sorted and never overlap; the
// "\n\n" between two blocks belongs to neither.

export interface Extent {
  start: number;
  end: number;
}

/** Index of the last item whose start is <= offset, or -1 (items sorted by start). */
export function lastStartingAtOrBefore(items: readonly Extent[], offset: number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** The block containing offset (its end counts as inside), or -1 in a gap or out of range. */
export function blockAt(blocks: readonly Extent[], offset: number): number {
  const i = lastStartingAtOrBefore(blocks, offset);
  return i >= 0 && offset <= blocks[i]!.end ? i : -1;
}

/** Every block index that [start, end) touches; an empty range touches the block it sits in. */
export function blocksTouching(blocks: readonly Extent[], start: number, end: number): number[] {
  const first = Math.max(0, lastStartingAtOrBefore(blocks, start));
  const out: number[] = [];
  for (let i = first; i < blocks.length && blocks[i]!.start <= Math.max(start, end - 1); i++) {
    if (blocks[i]!.end > start || (start === end && blocks[i]!.end >= start)) out.push(i);
  }
  return out;
}

/**
 * Finds the piece holding a character offset, given the pieces' lengths in order (the text nodes of a block).
 * An offset on a boundary goes to the earlier piece ("end" side) or the later one ("start" side).
 */
export function locate(lengths: readonly number[], offset: number, side: 'start' | 'end' = 'start'): { index: number; offset: number } {
  let before = 0;
  for (let i = 0; i < lengths.length; i++) {
    const length = lengths[i]!;
    const inside = side === 'start' ? offset < before + length : offset <= before + length;
    if (inside) return { index: i, offset: offset - before };
    before += length;
  }
  const last = lengths.length - 1;
  return last < 0 ? { index: -1, offset: 0 } : { index: last, offset: lengths[last]! };
}
