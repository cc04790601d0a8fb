// The gold layer (curators' adjudicated annotations and rejections) is stored as the reserved annotator "gold".
// Where annotators' work is shown (the annotate view), it is nobody's spans: lists, catch-up and live changes drop it.

/** The reserved annotator id the gold layer is written under. */
export const GOLD_ANNOTATOR = 'gold';

export function isGoldLayer(a: { annotatorId: string; kind: string }): boolean {
  return a.annotatorId === GOLD_ANNOTATOR || a.kind === 'rejected';
}

/** The annotators' own annotations only. */
export function withoutGold<A extends { annotatorId: string; kind: string }>(items: readonly A[]): A[] {
  return items.filter((a) => !isGoldLayer(a));
}
