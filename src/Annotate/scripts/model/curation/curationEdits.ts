// What a curator's actions send: the gold span an accept, a merge, an edit or a rejection makes. Pure, so the
// rules (which stretch a merge covers, which action an edit is) are tested without a browser.

import type { Annotation } from '../../api/annotationTypes';
import type { AttributeValue } from '../../api/annotationTypes';
import type { CurationAction, GoldAnnotation, GoldPut, GoldTarget } from '../../api/curation';
import { sameAttributes } from './curationAttributes';

/** A gold annotation's content as a PUT sends it (no version): enough to write it again after an undo. */
export type GoldContent = Omit<GoldPut, 'version'>;

export interface Stretch {
  start: number;
  end: number;
}

/** The joined stretch of several spans: from the earliest start to the latest end. */
export function mergeStretch(spans: readonly Stretch[]): Stretch | null {
  if (spans.length === 0) return null;
  return { start: Math.min(...spans.map((s) => s.start)), end: Math.max(...spans.map((s) => s.end)) };
}

/** The labels a merge may take: those of the merged spans, most used first, each once. */
export function mergeLabels(spans: readonly { label: string }[]): string[] {
  const counts = new Map<string, number>();
  for (const s of spans) counts.set(s.label, (counts.get(s.label) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([label]) => label);
}

const spanFields = (a: Annotation): GoldContent => ({
  layer: a.layer, label: a.label,
  ...(a.kind === 'document' ? {} : { start: a.start!, end: a.end! }),
  ...(Object.keys(a.attributes ?? {}).length ? { attributes: { ...a.attributes } } : {}),
  ...(a.attribution ? { attribution: { ...a.attribution } } : {}),
});

/** One annotator's span (or document label) taken as it is: label, stretch, attributes, attribution and note. */
export function acceptBody(source: Annotation): GoldContent {
  return { ...spanFields(source), ...(source.note ? { note: source.note } : {}), action: 'accepted', sources: [source.id] };
}

/**
 * Several spans joined into one gold span over their whole stretch, with a label chosen among theirs and the
 * attributes of the first span chosen (the curator edits them afterwards).
 */
export function mergeBody(sources: readonly Annotation[], label: string): GoldContent {
  if (sources.length === 0) throw new Error('Choose the spans to merge.');
  const stretch = mergeStretch(sources.map((s) => ({ start: s.start!, end: s.end! })))!;
  const first = sources.find((s) => s.label === label) ?? sources[0]!;
  const attributes = sources[0]!.attributes ?? {};
  return {
    layer: first.layer, label, ...stretch, ...(Object.keys(attributes).length ? { attributes: { ...attributes } } : {}),
    action: sources.length > 1 ? 'merged' : 'accepted', sources: sources.map((s) => s.id),
  };
}

/** A decision that the stretch has no gold span, with the annotators' spans there as its sources. */
export function rejectBody(cluster: { layer: string; start: number; end: number }, sources: readonly Annotation[]): GoldContent {
  return { layer: cluster.layer, label: sources[0]?.label ?? '', start: cluster.start, end: cluster.end, sources: sources.map((s) => s.id) };
}

/** The content of a stored gold annotation (or rejection), as a PUT would write it again. */
export function contentOf(gold: GoldAnnotation, target: GoldTarget): GoldContent {
  const sources = gold.provenance?.sources.map((s) => s.id) ?? [];
  const content: GoldContent = { ...spanFields(gold), note: gold.note, sources };
  if (target !== 'rejections') content.action = (gold.provenance?.action as CurationAction | undefined) ?? (sources.length ? 'accepted' : 'created');
  return content;
}

export interface GoldEdit {
  label?: string;
  start?: number;
  end?: number;
  note?: string | null;
  /** The whole set (an attribute left out is cleared). */
  attributes?: Record<string, AttributeValue>;
}

/** A gold annotation changed by the curator: "edited", keeping its sources (one with none stays "created"). */
export function editBody(gold: GoldAnnotation, target: GoldTarget, edit: GoldEdit): GoldContent {
  const before = contentOf(gold, target);
  const after: GoldContent = { ...before, ...edit };
  if (after.attributes && Object.keys(after.attributes).length === 0) delete after.attributes;
  if (target !== 'rejections') after.action = before.sources?.length ? 'edited' : 'created';
  return after;
}

/** Whether an edit changes anything. */
export function sameContent(a: GoldContent, b: GoldContent): boolean {
  return a.label === b.label && a.start === b.start && a.end === b.end && (a.note ?? null) === (b.note ?? null)
    && sameAttributes(a.attributes, b.attributes);
}

/** Which endpoint a gold annotation belongs to. */
export function targetOf(a: { kind: string }): GoldTarget {
  if (a.kind === 'rejected-relation') return 'relation-rejections';
  return a.kind === 'rejected' ? 'rejections' : a.kind === 'document' ? 'gold-labels' : 'gold';
}
