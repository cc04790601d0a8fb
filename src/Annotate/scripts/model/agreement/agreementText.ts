// The per-character agreement of a document's text ("heat map"): colour steps, looking up the segment under an
// offset, and who labelled a segment how.
import type { TextSegment } from '../../api/agreement';

/** Colour steps of the text heat map: five bands from red (nobody agrees) to green (everyone does). */
export const TEXT_STEPS = 5;

/** The band of a segment: 0..TEXT_STEPS-1, or 'na' when fewer than two annotators marked anything there. */
export function textStep(agreement: number | null): number | 'na' {
  if (agreement === null || !Number.isFinite(agreement)) return 'na';
  return Math.max(0, Math.min(TEXT_STEPS - 1, Math.floor(agreement * TEXT_STEPS)));
}

export const textLegend: { step: number | 'na'; text: string }[] = [
  ...Array.from({ length: TEXT_STEPS }, (_, i) => ({
    step: i,
    text: `${Math.round((i / TEXT_STEPS) * 100)}–${Math.round(((i + 1) / TEXT_STEPS) * 100)}%`,
  })),
  { step: 'na', text: 'One annotator only' },
];

/** Segments sorted by start, without empty ones, clipped to the text (a stale answer must not paint past it). */
export function cleanSegments(segments: readonly TextSegment[], textLength: number): TextSegment[] {
  return segments
    .map((s) => ({ ...s, start: Math.max(0, s.start), end: Math.min(textLength, s.end) }))
    .filter((s) => s.start < s.end)
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The segment covering offset (segments sorted and not overlapping), or null. */
export function segmentAt(segments: readonly TextSegment[], offset: number): TextSegment | null {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = segments[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return null;
}

export interface SegmentVote {
  annotatorId: string;
  name: string;
  /** Label names; empty when this annotator marked nothing there. */
  labels: string[];
}

/** Who labelled a segment how, by name, people who marked something first. */
export function segmentVotes(
  segment: TextSegment,
  annotators: readonly { id: string; name: string }[],
  labelName: (label: string) => string = (l) => l,
): SegmentVote[] {
  return Object.entries(segment.labels)
    .map(([id, labels]) => ({ annotatorId: id, name: annotators.find((a) => a.id === id)?.name ?? id, labels: labels.map(labelName) }))
    .sort((x, y) => Number(y.labels.length > 0) - Number(x.labels.length > 0) || x.name.localeCompare(y.name));
}

/** "Agreement 33%: Ana: Protest; Ben: nothing" for a screen reader or a list. */
export function describeSegment(segment: TextSegment, votes: readonly SegmentVote[]): string {
  const share = segment.agreement === null ? 'one annotator only' : `agreement ${Math.round(segment.agreement * 100)}%`;
  const who = votes.map((v) => `${v.name}: ${v.labels.length ? v.labels.join(', ') : 'nothing'}`).join('; ');
  return `${share[0]!.toUpperCase()}${share.slice(1)}. ${who}`;
}

/**
 * A segment's label as a person reads it. Without ?layer the server writes "layer: label" (ids); the codebook's
 * names replace the ids where it knows them.
 */
export function labelTitle(label: string, names: { layer(id: string): string | undefined; label(layer: string | null, id: string): string | undefined }): string {
  const match = /^([^:]+): (.+)$/.exec(label);
  if (!match) return names.label(null, label) ?? label;
  const [, layer, id] = match as unknown as [string, string, string];
  return `${names.layer(layer) ?? layer}: ${names.label(layer, id) ?? id}`;
}
