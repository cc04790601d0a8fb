import type { Extent } from './textIndex';
import type { TextModel } from './textModel';

/**
 * Turns a raw selection into the span to label: each end moves outward to a word boundary (or, with words off, a
 * grapheme boundary, so a surrogate pair or combining sequence is never split), then whitespace is trimmed from
 * both ends. Ends in the gap between blocks move into the nearest block. Null when nothing but space is left.
 */
export function snapRange(model: TextModel, rawStart: number, rawEnd: number, words: boolean): Extent | null {
  const unit = words ? 'word' : 'grapheme';
  let start = Math.max(0, Math.min(rawStart, rawEnd));
  let end = Math.min(model.text.length, Math.max(rawStart, rawEnd));
  if (start === end) return null;

  start = intoBlockForward(model, start);
  end = intoBlockBackward(model, end);
  if (start >= end) return null;
  start = model.segmentAt(start, unit)?.start ?? start;
  end = model.segmentAt(end - 1, unit)?.end ?? end;

  // Trim by whole graphemes, so a space followed by a combining mark stays with its mark.
  while (start < end) {
    const g = model.segmentAt(start, 'grapheme');
    if (g && /^\s+$/u.test(model.text.slice(g.start, g.end))) start = intoBlockForward(model, g.end);
    else if (!g) start = intoBlockForward(model, start + 1);
    else break;
  }
  while (start < end) {
    const g = model.segmentAt(end - 1, 'grapheme');
    if (g && /^\s+$/u.test(model.text.slice(g.start, g.end))) end = intoBlockBackward(model, g.start);
    else if (!g) end = intoBlockBackward(model, end - 1);
    else break;
  }
  return start < end ? { start, end } : null;
}

/** A start offset at a block's end or in a gap moves to the next block's start. */
function intoBlockForward(model: TextModel, offset: number): number {
  const b = model.blockAt(offset);
  if (b >= 0 && offset < model.blocks[b]!.end) return offset;
  const next = model.blocks[model.nextBlock(offset + (b >= 0 ? 1 : 0))];
  return next ? next.start : model.text.length;
}

/** An end offset at a block's start or in a gap moves to the previous block's end. */
function intoBlockBackward(model: TextModel, offset: number): number {
  const b = model.blockAt(offset);
  if (b >= 0 && offset > model.blocks[b]!.start) return offset;
  const previous = model.blocks[model.previousBlock(offset - (b >= 0 ? 1 : 0))];
  return previous ? previous.end : 0;
}
