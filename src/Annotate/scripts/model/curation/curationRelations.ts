// What the curator's actions on relations send, and how the page words and walks relation clusters. Pure, so the
// rules (which ends an accept names, which action an edit is) are tested without a browser.

import type { AttributeValue } from '../../api/annotationTypes';
import type { CurationAction, GoldAnnotation, GoldRelation, GoldRelationPut, RelationCluster, RelationGoldEnds, RelationRejectionPut } from '../../api/curation';
import type { Relation } from '../../api/relations';
import { sameAttributes } from './curationAttributes';

/** A gold relation's or a rejection's content as a PUT sends it (no version): enough to write it again after an undo. */
export type GoldRelationContent = Omit<GoldRelationPut, 'version'>;
export type RelationRejectionContent = Omit<RelationRejectionPut, 'version'>;

/** The relation clusters with an end in a span cluster, those starting there first; all of them for null. */
export function relationsAt(clusters: readonly RelationCluster[], spanCluster: string | null): RelationCluster[] {
  if (spanCluster === null) return [...clusters];
  const from = clusters.filter((c) => c.sourceCluster === spanCluster);
  return [...from, ...clusters.filter((c) => c.targetCluster === spanCluster && !from.includes(c))];
}

/** "Said by: “quote” → “quote”" (an undirected type joins them with a dash). */
export function relationLine(typeName: string, source: string, target: string, directed = true): string {
  return `${typeName}: “${source}” ${directed ? '→' : '—'} “${target}”`;
}

const fields = (r: Pick<Relation, 'type' | 'attributes' | 'note'>) => ({
  type: r.type,
  ...(Object.keys(r.attributes ?? {}).length ? { attributes: { ...r.attributes } } : {}),
  ...(r.note ? { note: r.note } : {}),
});

/**
 * One annotator's relation taken as it is. Its ends are the gold copies of its spans where the page knows them,
 * else its own spans: the server then joins their gold copies, or answers 409 naming the end not in gold yet.
 */
export function acceptRelationBody(relation: Relation, ends: RelationGoldEnds | undefined): GoldRelationContent {
  return { ...fields(relation), source: ends?.source ?? relation.source, target: ends?.target ?? relation.target, action: 'accepted', sources: [relation.id] };
}

/** Which end of a relation is not in gold yet ("source" first), or null when both are. */
export function missingEnd(ends: RelationGoldEnds | undefined): 'source' | 'target' | null {
  if (!ends || ends.source === null) return 'source';
  return ends.target === null ? 'target' : null;
}

/** A decision that the cluster's relations have no gold relation, with all of them as its sources. */
export function rejectRelationBody(cluster: Pick<RelationCluster, 'type' | 'relations'>): RelationRejectionContent {
  return { type: cluster.type, sources: [...cluster.relations] };
}

/** The content of a stored gold relation, as a PUT would write it again. */
export function goldRelationContent(gold: GoldRelation): GoldRelationContent {
  const sources = gold.provenance?.sources.map((s) => s.id) ?? [];
  return {
    ...fields(gold), note: gold.note, source: gold.source, target: gold.target, sources,
    action: (gold.provenance?.action as CurationAction | undefined) ?? (sources.length ? 'accepted' : 'created'),
  };
}

/** The content of a stored rejection of relations (a gold annotation of kind "rejected-relation"). */
export function relationRejectionContent(rejection: GoldAnnotation): RelationRejectionContent {
  return { type: rejection.label, sources: rejection.provenance?.sources.map((s) => s.id) ?? [], note: rejection.note };
}

export interface RelationEdit {
  type?: string;
  source?: string;
  target?: string;
  note?: string | null;
  /** The whole set (an attribute left out is cleared). */
  attributes?: Record<string, AttributeValue>;
}

/** A gold relation changed by the curator: "edited", keeping its sources (one with none stays "created"). */
export function editRelationBody(gold: GoldRelation, edit: RelationEdit): GoldRelationContent {
  const before = goldRelationContent(gold);
  const after: GoldRelationContent = { ...before, ...edit };
  if (after.attributes && Object.keys(after.attributes).length === 0) delete after.attributes;
  after.action = before.sources?.length ? 'edited' : 'created';
  return after;
}

/** Whether an edit changes anything. */
export function sameRelation(a: GoldRelationContent, b: GoldRelationContent): boolean {
  return a.type === b.type && a.source === b.source && a.target === b.target && (a.note ?? null) === (b.note ?? null)
    && sameAttributes(a.attributes as Record<string, AttributeValue> | undefined, b.attributes as Record<string, AttributeValue> | undefined);
}

/** The next (1) or previous (-1) relation cluster after the chosen one, wrapping round; the first or last when none is chosen. */
export function stepRelation(clusters: readonly RelationCluster[], currentId: string | null, direction: 1 | -1): RelationCluster | null {
  if (clusters.length === 0) return null;
  const at = currentId === null ? -1 : clusters.findIndex((c) => c.id === currentId);
  if (at < 0) return direction > 0 ? clusters[0]! : clusters.at(-1)!;
  return clusters[(at + direction + clusters.length) % clusters.length]!;
}

/** "2 relations: 1 curated, 0 rejected, 1 open", or null when there are none. */
export function relationProgress(clusters: readonly RelationCluster[]): string | null {
  if (clusters.length === 0) return null;
  const count = (status: RelationCluster['status']) => clusters.filter((c) => c.status === status).length;
  const n = clusters.length;
  return `${n} ${n === 1 ? 'relation' : 'relations'}: ${count('curated')} curated, ${count('rejected')} rejected, ${count('open')} open`;
}

const relationKindNames: Record<string, string> = { missed: 'missed', type: 'other type', ends: 'different ends', attributes: 'attributes' };

/** "agreed", or the disagreement kinds ("missed, other type"). */
export function relationKindsText(c: Pick<RelationCluster, 'kinds' | 'agreed'>): string {
  if (c.agreed) return 'agreed';
  return c.kinds.length ? c.kinds.map((k) => relationKindNames[k] ?? k).join(', ') : 'no disagreement';
}
