// Selection and neighbour maths for the document list and the reader's next/previous.

/** Moves a selection by delta within [0, count); from "nothing selected" (-1) the first step lands on an end. */
export function moveSelection(index: number, delta: number, count: number): number {
  if (count <= 0) return -1;
  if (index < 0 || index >= count) return delta >= 0 ? 0 : count - 1;
  return Math.min(count - 1, Math.max(0, index + delta));
}

export interface Neighbours {
  /** 0-based position of the document in the list, or -1 when the list does not hold it. */
  position: number;
  count: number;
  previous: string | null;
  next: string | null;
}

export function neighbours(ids: readonly string[], id: string): Neighbours {
  const position = ids.indexOf(id);
  return {
    position,
    count: ids.length,
    previous: position > 0 ? (ids[position - 1] ?? null) : null,
    next: position >= 0 && position < ids.length - 1 ? (ids[position + 1] ?? null) : null,
  };
}
