// Range.getClientRects() gives one box per text fragment, plus boxes of whole elements inside the range; an
// underline wants one box per line. Pure geometry, so it can be tested without a browser.

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Merges boxes that share a line (vertical overlap of at least half the smaller height) into one box per line. */
export function mergeLineBoxes(boxes: readonly Box[]): Box[] {
  const lines: Box[] = [];
  const sorted = boxes.filter((b) => b.right - b.left > 0.5 && b.bottom - b.top > 0.5).sort((a, b) => a.top - b.top || a.left - b.left);
  for (const box of sorted) {
    // Sorted by top, so a box nearly always belongs to the last line or starts a new one.
    const last = lines.at(-1);
    const line = last && sameLine(last, box) ? last : lines.find((l) => sameLine(l, box));
    if (line) {
      line.left = Math.min(line.left, box.left);
      line.right = Math.max(line.right, box.right);
      line.top = Math.min(line.top, box.top);
      line.bottom = Math.max(line.bottom, box.bottom);
    } else {
      lines.push({ left: box.left, top: box.top, right: box.right, bottom: box.bottom });
    }
  }
  return lines;
}

function sameLine(a: Box, b: Box): boolean {
  const overlap = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return overlap >= 0.5 * Math.min(a.bottom - a.top, b.bottom - b.top);
}
