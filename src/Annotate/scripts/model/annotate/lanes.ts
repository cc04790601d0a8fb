// Stacking overlapping spans: each span gets a lane (0 = closest to the text), the lowest lane no overlapping span
// holds. Lanes stay put once given, so adding one span never moves another's underline.

export interface LaneSpan {
  id: string;
  start: number;
  end: number;
}

/** Lanes for a whole set at once: by start, longer first, so an enclosing span sits above what it encloses. */
export function assignLanes(spans: readonly LaneSpan[]): Map<string, number> {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : 1));
  const laneEnds: number[] = []; // laneEnds[lane] = end of the last span placed in that lane
  const lanes = new Map<string, number>();
  for (const span of sorted) {
    let lane = laneEnds.findIndex((end) => end <= span.start);
    if (lane < 0) lane = laneEnds.length;
    laneEnds[lane] = span.end;
    lanes.set(span.id, lane);
  }
  return lanes;
}

/** The lowest lane free of every overlapping span's lane. */
export function freeLane(span: LaneSpan, others: Iterable<LaneSpan & { lane: number }>): number {
  const taken = new Set<number>();
  for (const o of others) {
    if (o.id !== span.id && overlaps(o, span)) taken.add(o.lane);
  }
  let lane = 0;
  while (taken.has(lane)) lane++;
  return lane;
}

/** Half-open ranges overlap; an empty span overlaps what surrounds its position. */
export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < Math.max(b.end, b.start + 1) && b.start < Math.max(a.end, a.start + 1);
}

/** Underline geometry for a block whose deepest lane is maxLane: fit them all in the gap below a line. */
export function laneGeometry(maxLane: number, room = 13): { step: number; thickness: number } {
  const step = Math.max(1.5, Math.min(3.5, room / (maxLane + 1)));
  return { step, thickness: Math.max(1, step - 1) };
}
