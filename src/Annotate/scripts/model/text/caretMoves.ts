import type { Granularity } from './segments';
import type { TextModel } from './textModel';

export type CaretUnit = 'grapheme' | 'word' | 'sentence' | 'block';
export type Direction = 1 | -1;

/**
 * Where the keyboard caret goes from offset: forward to the end of the next unit, backward to the start of the
 * previous one (so Shift+moves from a word's start select whole words). Crosses into neighbouring blocks; stays
 * put at either end of the text.
 */
export function moveCaret(model: TextModel, offset: number, unit: CaretUnit, direction: Direction): number {
  let block = model.blockAt(offset);
  if (block < 0) block = direction > 0 ? model.nextBlock(offset) : model.previousBlock(offset);
  for (let b = block; b >= 0 && b < model.blocks.length; b += direction) {
    const target = unit === 'block' ? blockTarget(model, b, offset, direction) : inBlock(model, b, offset, unit, direction);
    if (target !== null) return target;
  }
  return offset;
}

function blockTarget(model: TextModel, block: number, offset: number, direction: Direction): number | null {
  const { start, end } = model.blocks[block]!;
  const target = direction > 0 ? end : start;
  return (direction > 0 ? target > offset : target < offset) ? target : null;
}

function inBlock(model: TextModel, block: number, offset: number, unit: Granularity, direction: Direction): number | null {
  const list = model.segmentsOf(block, unit);
  const counts = (s: { wordLike: boolean; start: number; end: number }) =>
    unit !== 'word' || s.wordLike || !/^\s+$/u.test(model.text.slice(s.start, s.end));
  if (direction > 0) {
    for (const s of list) {
      const end = unit === 'sentence' ? trimEnd(model.text, s.start, s.end) : s.end;
      if (end > offset && counts(s)) return end;
    }
  } else {
    for (let i = list.length - 1; i >= 0; i--) {
      const s = list[i]!;
      if (s.start < offset && counts(s)) return s.start;
    }
  }
  return null;
}

/** A sentence segment includes the spaces after it; the caret stops before them. */
function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/u.test(text.charAt(end - 1))) end--;
  return end;
}
