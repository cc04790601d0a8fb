// Annotators, pairs and perspective groups of an agreement report, shaped for tables and the heat map.
import type { PairAgreement, ProjectAnnotator } from '../../api/agreement';

export type PairMetric = 'tokenAlpha' | 'spanF1Overlap' | 'alphaU';

export interface PairMatrix {
  ids: string[];
  names: string[];
  /** cells[i][j]: the pair's value; null when undefined for that pair; undefined on the diagonal or unknown pairs. */
  cells: (number | null | undefined)[][];
}

/** The names of every attribute any annotator declared, sorted. */
export function attributeNames(annotators: readonly ProjectAnnotator[]): string[] {
  const names = new Set<string>();
  for (const a of annotators) for (const key of Object.keys(a.attributes ?? {})) names.add(key);
  return [...names].sort((x, y) => x.localeCompare(y));
}

/** Display name of an annotator id (the id itself when the report does not know it). */
export function nameOf(annotators: readonly { id: string; name: string }[], id: string): string {
  return annotators.find((a) => a.id === id)?.name ?? id;
}

/** The symmetric annotator × annotator matrix of one pair metric, annotators in name order. */
export function pairMatrix(annotators: readonly ProjectAnnotator[], pairs: readonly PairAgreement[], metric: PairMetric): PairMatrix {
  const inPairs = new Set(pairs.flatMap((p) => [p.a, p.b]));
  const people = [...inPairs].map((id) => ({ id, name: nameOf(annotators, id) }))
    .sort((x, y) => x.name.localeCompare(y.name) || x.id.localeCompare(y.id));
  const index = new Map(people.map((p, i) => [p.id, i]));
  const cells: (number | null | undefined)[][] = people.map(() => people.map(() => undefined));
  for (const pair of pairs) {
    const i = index.get(pair.a)!;
    const j = index.get(pair.b)!;
    if (i === j) continue;
    const value = pair[metric] ?? null;
    cells[i]![j] = value;
    cells[j]![i] = value;
  }
  return { ids: people.map((p) => p.id), names: people.map((p) => p.name), cells };
}

/** Between-groups figures as a group × group matrix (diagonal: the within-group mean). */
export function groupMatrix(
  groups: readonly { value: string; meanPairwiseAlpha: number | null }[],
  between: readonly { a: string; b: string; meanPairwiseAlpha: number | null }[],
): { values: string[]; cells: (number | null | undefined)[][] } {
  const values = groups.map((g) => g.value);
  const index = new Map(values.map((v, i) => [v, i]));
  const cells: (number | null | undefined)[][] = values.map((_, i) => values.map((__, j) => (i === j ? groups[i]!.meanPairwiseAlpha : undefined)));
  for (const b of between) {
    const i = index.get(b.a);
    const j = index.get(b.b);
    if (i === undefined || j === undefined) continue;
    cells[i]![j] = b.meanPairwiseAlpha;
    cells[j]![i] = b.meanPairwiseAlpha;
  }
  return { values, cells };
}
