import type { Annotation, Codebook, CodebookRelation, CodebookRelationEnd } from '../../api/annotationTypes';

// Which relation types of the codebook may join two spans, and which spans may be linked to from a source: the
// reader's linking tools offer only what the server would take (Relations/RelationValidator.cs has the same rule).

type SpanLike = Pick<Annotation, 'layer' | 'label'>;

const fits = (end: CodebookRelationEnd, span: SpanLike) =>
  (end.layers.length === 0 || end.layers.includes(span.layer)) && (end.labels.length === 0 || end.labels.includes(span.label));

/** The types that may join source to target, in codebook order (an undirected type either way round). */
export function typesFor(codebook: Codebook, source: SpanLike, target: SpanLike): CodebookRelation[] {
  return codebook.relations.filter((t) =>
    (fits(t.source, source) && fits(t.target, target)) || (!t.directed && fits(t.source, target) && fits(t.target, source)));
}

/** Whether any type may start at this span (or, undirected, end there): linking from it makes sense. */
export function mayLinkFrom(codebook: Codebook, span: SpanLike): boolean {
  return codebook.relations.some((t) => fits(t.source, span) || (!t.directed && fits(t.target, span)));
}

/**
 * The spans a link from `source` may go to, in text order: those some type allows. `spans` are the candidates the
 * view offers (this person's drawn spans).
 */
export function linkTargets(codebook: Codebook, source: Annotation, spans: Iterable<Annotation>): Annotation[] {
  const out: Annotation[] = [];
  for (const s of spans) if (s.id !== source.id && typesFor(codebook, source, s).length > 0) out.push(s);
  return out.sort((a, b) => (a.start ?? 0) - (b.start ?? 0) || (a.end ?? 0) - (b.end ?? 0));
}

/** The next candidate after (direction 1) or before (-1) the current one, wrapping; the nearest to `from` first. */
export function stepTarget(targets: readonly Annotation[], current: string | null, direction: 1 | -1, from: number): Annotation | null {
  if (targets.length === 0) return null;
  const i = current === null ? -1 : targets.findIndex((t) => t.id === current);
  if (i < 0) {
    // Start beside the source: the first after it going forward, the last before it going back.
    const after = targets.findIndex((t) => (t.start ?? 0) >= from);
    if (direction === 1) return targets[after < 0 ? 0 : after]!;
    return targets[(after < 0 ? targets.length : after) - 1] ?? targets.at(-1)!;
  }
  return targets[(i + direction + targets.length) % targets.length]!;
}
