// Where the reader draws relation arcs (issue 17), as pure geometry so it can be tested without a browser and stays
// fast for long articles (thousands of relations). Two shapes:
// - both ends on one line: an arc above the line, raised one level for each arc it would otherwise cross;
// - ends on different lines (the usual case across sentences and paragraphs): a bracket in the left gutter, from
//   one end across to a lane of the gutter, along it and back to the other end. Lanes are given like span lanes:
//   nested ranges sit inside the ranges that enclose them, and no two arcs whose ranges overlap share a lane.

/** An end's box on the page (document coordinates: scrolling does not move it). */
export interface EndBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface ArcInput {
  id: string;
  source: EndBox;
  target: EndBox;
}

export type Arc =
  | { id: string; kind: 'inline'; level: number; from: number; to: number; baseline: number; top: number; bottom: number }
  | { id: string; kind: 'gutter'; lane: number; fromY: number; toY: number; fromX: number; toX: number; top: number; bottom: number };

export interface ArcMetrics {
  /** Height of an inline arc's first level above the line, and each level's step. */
  inlineRise: number;
  inlineStep: number;
  /** The gutter's right edge (where text begins) and the distance between gutter lanes. */
  gutterRight: number;
  gutterStep: number;
}

export const defaultMetrics: ArcMetrics = { inlineRise: 6, inlineStep: 4, gutterRight: 0, gutterStep: 6 };

/** Two boxes are on one line when they overlap vertically by at least half the smaller height. */
export function sameLine(a: EndBox, b: EndBox): boolean {
  const overlap = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return overlap >= Math.min(a.bottom - a.top, b.bottom - b.top) / 2;
}

/** Lays out every arc at once; each arc's top and bottom bound what it covers. */
export function layoutArcs(relations: readonly ArcInput[], metrics: ArcMetrics = defaultMetrics): Arc[] {
  const inline: ArcInput[] = [];
  const gutter: ArcInput[] = [];
  for (const r of relations) (sameLine(r.source, r.target) ? inline : gutter).push(r);

  const arcs: Arc[] = [];
  // Inline arcs: levels per line, over the horizontal ranges between the ends' centres.
  const byLine = new Map<number, ArcInput[]>();
  for (const r of inline) {
    const line = Math.round(Math.min(r.source.top, r.target.top));
    byLine.set(line, [...(byLine.get(line) ?? []), r]);
  }
  for (const [line, group] of byLine) {
    const ranges = group.map((r) => ({ id: r.id, start: Math.min(centre(r.source), centre(r.target)), end: Math.max(centre(r.source), centre(r.target)) }));
    const levels = innermostFirst(ranges);
    for (const r of group) {
      const level = levels.get(r.id) ?? 0;
      const top = line - metrics.inlineRise - level * metrics.inlineStep;
      arcs.push({ id: r.id, kind: 'inline', level, from: centre(r.source), to: centre(r.target), baseline: line, top, bottom: Math.max(r.source.bottom, r.target.bottom) });
    }
  }

  // Gutter arcs: lanes over the vertical ranges between the ends' middles; lane 0 closest to the text.
  const ranges = gutter.map((r) => ({ id: r.id, start: middle(r.source), end: middle(r.target) })).map((r) => ({ id: r.id, start: Math.min(r.start, r.end), end: Math.max(r.start, r.end) }));
  const lanes = innermostFirst(ranges);
  for (const r of gutter) {
    const lane = lanes.get(r.id) ?? 0;
    const fromY = middle(r.source);
    const toY = middle(r.target);
    arcs.push({
      id: r.id, kind: 'gutter', lane, fromY, toY, fromX: r.source.left, toX: r.target.left,
      top: Math.min(r.source.top, r.target.top), bottom: Math.max(r.source.bottom, r.target.bottom),
    });
  }
  return arcs;
}

/** The gutter lane's x: lane 0 nearest the text. */
export function laneX(lane: number, metrics: ArcMetrics = defaultMetrics): number {
  return metrics.gutterRight - (lane + 1) * metrics.gutterStep;
}

/**
 * Gutter lanes from text offsets (each relation's range from its first end's start to its last end's end): known
 * without laying anything out, so an arc keeps its lane however much of a long article has been drawn.
 */
export function offsetLanes(ranges: readonly { id: string; start: number; end: number }[]): Map<string, number> {
  return innermostFirst(ranges);
}

/** Shorter ranges get lower lanes, so an arc that encloses others goes around them instead of crossing them. */
function innermostFirst(ranges: readonly { id: string; start: number; end: number }[]): Map<string, number> {
  // Unlike span lanes (longest first at each start), the enclosed arcs must be nearer the text: place by length,
  // shortest first, each in the lowest lane free along its range.
  const sorted = [...ranges].sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start || (a.id < b.id ? -1 : 1));
  const placed: { start: number; end: number; lane: number }[] = [];
  const result = new Map<string, number>();
  for (const range of sorted) {
    const taken = new Set<number>();
    for (const p of placed) if (p.start <= range.end && range.start <= p.end) taken.add(p.lane);
    let lane = 0;
    while (taken.has(lane)) lane++;
    placed.push({ start: range.start, end: range.end, lane });
    result.set(range.id, lane);
  }
  return result;
}

const centre = (box: EndBox) => (box.left + box.right) / 2;
const middle = (box: EndBox) => (box.top + box.bottom) / 2;
