// Moving through a document's clusters (the stretches where annotators' spans meet), and what the page says
// about them. Pure: the page passes in the curation view's clusters.

export interface ClusterLike {
  id: string;
  layer: string;
  start: number;
  end: number;
  kinds: readonly string[];
  agreed: boolean;
  status: 'open' | 'curated' | 'rejected';
}

/** Clusters in reading order (by start, then end, then layer), the order j/k and n/p follow. */
export function readingOrder<C extends ClusterLike>(clusters: readonly C[]): C[] {
  return [...clusters].sort((a, b) => a.start - b.start || a.end - b.end || a.layer.localeCompare(b.layer));
}

/** The next (direction 1) or previous (-1) cluster after the current one, wrapping round; the first or last when none is current. */
export function stepCluster<C extends ClusterLike>(ordered: readonly C[], currentId: string | null, direction: 1 | -1): C | null {
  if (ordered.length === 0) return null;
  const at = currentId === null ? -1 : ordered.findIndex((c) => c.id === currentId);
  if (at < 0) return direction > 0 ? ordered[0]! : ordered.at(-1)!;
  return ordered[(at + direction + ordered.length) % ordered.length]!;
}

/** The next open cluster after the current one (wrapping round), or null when none is left open. */
export function nextOpen<C extends ClusterLike>(ordered: readonly C[], currentId: string | null): C | null {
  const at = currentId === null ? -1 : ordered.findIndex((c) => c.id === currentId);
  for (let i = 1; i <= ordered.length; i++) {
    const c = ordered[(at + i + ordered.length) % ordered.length]!;
    if (c.status === 'open') return c;
  }
  return null;
}

/** The innermost cluster over a text offset (the shortest one that holds it), or null. */
export function clusterAt<C extends ClusterLike>(clusters: readonly C[], offset: number, layer?: string): C | null {
  let best: C | null = null;
  for (const c of clusters) {
    if (offset < c.start || offset >= c.end || (layer && c.layer !== layer)) continue;
    if (!best || c.end - c.start < best.end - best.start) best = c;
  }
  return best;
}

/**
 * After a refresh: the cluster that is now where the chosen one was. Its id changes when its spans do (an
 * annotator widened one), so fall back to the one of the same layer overlapping it most.
 */
export function keepSelection<C extends ClusterLike>(clusters: readonly C[], previous: ClusterLike | null): C | null {
  if (!previous) return null;
  const same = clusters.find((c) => c.id === previous.id);
  if (same) return same;
  let best: C | null = null;
  let bestOverlap = 0;
  for (const c of clusters) {
    const overlap = Math.min(c.end, previous.end) - Math.max(c.start, previous.start);
    if (c.layer === previous.layer && overlap > bestOverlap) {
      best = c;
      bestOverlap = overlap;
    }
  }
  return best;
}

/** "12 clusters: 7 curated, 2 rejected, 3 open". */
export function progressText(clusters: readonly ClusterLike[]): string {
  const count = (status: ClusterLike['status']) => clusters.filter((c) => c.status === status).length;
  const n = clusters.length;
  return `${n} ${n === 1 ? 'cluster' : 'clusters'}: ${count('curated')} curated, ${count('rejected')} rejected, ${count('open')} open`;
}

/** The class a cluster's highlight takes: its status when decided, else what kind of disagreement it is. */
export function clusterTone(c: ClusterLike): 'curated' | 'rejected' | 'agreed' | 'label' | 'boundary' | 'missed' | 'attributes' {
  if (c.status !== 'open') return c.status;
  if (c.agreed || c.kinds.length === 0) return 'agreed';
  // Label first: a different label is the decision that matters most; then a different stretch; then someone
  // missing; last the same spans with different attribute values.
  for (const kind of ['label', 'boundary', 'missed', 'attributes'] as const) if (c.kinds.includes(kind)) return kind;
  return 'agreed';
}

const kindNames: Record<string, string> = { boundary: 'boundary', label: 'label', missed: 'missed', attributes: 'attributes' };

/** "agreed", or the disagreement kinds ("label, boundary"), for the list and the panel. */
export function kindsText(c: { kinds: readonly string[]; agreed: boolean }): string {
  if (c.agreed) return 'agreed';
  return c.kinds.length ? c.kinds.map((k) => kindNames[k] ?? k).join(', ') : 'no disagreement';
}
