// Word, sentence and grapheme boundaries with Intl.Segmenter, looked up in a window of text (a block) rather than
// the whole article, so a 100,000-word text costs no more than a paragraph.

export type Granularity = 'grapheme' | 'word' | 'sentence';

export interface Segment {
  start: number;
  end: number;
  wordLike: boolean;
}

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(granularity: Granularity, locale?: string): Intl.Segmenter {
  const key = `${granularity}:${locale ?? ''}`;
  let s = segmenters.get(key);
  if (!s) {
    s = new Intl.Segmenter(locale ? [locale] : undefined, { granularity });
    segmenters.set(key, s);
  }
  return s;
}

/** The segments of text[from, to), with offsets into text. */
export function segments(text: string, from: number, to: number, granularity: Granularity, locale?: string): Segment[] {
  const out: Segment[] = [];
  for (const s of segmenter(granularity, locale).segment(text.slice(from, to))) {
    const start = from + s.index;
    out.push({ start, end: start + s.segment.length, wordLike: granularity === 'word' ? !!s.isWordLike : true });
  }
  return out;
}

/** The segment containing offset (the one that starts there, or spans it), or null outside [from, to). */
export function segmentAt(list: readonly Segment[], offset: number): Segment | null {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = list[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return null;
}

