import type { Annotation, CodebookRelation } from '../../api/annotationTypes';
import type { AnnotationLens } from '../../model/annotate/annotationLens';
import type { CodebookIndex } from '../../model/annotate/codebook';
import { linkTargets, mayLinkFrom, stepTarget, typesFor } from '../../model/relations/relationRules';
import type { AnnotationSession } from '../../model/session/annotationSession';
import { typeChooser } from './typeChooser';
import type { AnnotateState } from './viewState';

// Making a relation (docs/annotating.md, Relations): from the selected span, press Shift+L (or "Link" in its editor),
// then click the span it links to, or move through the possible targets with the arrow keys and press Enter. When
// the codebook allows several types between the two spans, a small menu asks which (their keys, or click).

export interface LinkContext {
  readonly state: AnnotateState;
  readonly codebook: CodebookIndex;
  readonly session: AnnotationSession;
  readonly lens: Pick<AnnotationLens, 'drawable' | 'isMine'>;
  /** Brings a span into view (the target chosen with the keyboard). */
  scrollTo(spanId: string): void;
  /** Where a span is on screen, for placing the type menu beside it. */
  rectOf(spanId: string): DOMRect | null;
  hint(text: string): void;
}

const quote = (a: Annotation | undefined) => {
  const q = a?.quote ?? '';
  return `“${q.length > 40 ? `${q.slice(0, 37)}…` : q}”`;
};

/** Starts linking from the selected span; says why not when it cannot. */
export function startLinking(cx: LinkContext): boolean {
  const { state, session, codebook } = cx;
  if (state.inert !== null) return (state.notice(state.inert), true);
  const source = state.selectedId ? session.items.get(state.selectedId) : undefined;
  if (codebook.codebook.relations.length === 0) return (state.notice('This codebook has no relation types.'), true);
  if (!source || source.kind !== 'span') return (state.notice('Select a span first (click it, or Enter at the caret), then press Shift+L to link it.'), true);
  if (!session.isMine(source)) return (state.notice('You can link only your own spans.'), true);
  if (!mayLinkFrom(codebook.codebook, source)) {
    return (state.notice(`No relation type of the codebook starts at a span of ${codebook.describe(source.layer, source.label)}.`), true);
  }
  state.setLinking({ source: source.id, target: null });
  cx.hint(`Linking from ${quote(source)}: click the span it links to, or choose with ←/→ and press Enter. Esc cancels.`);
  state.announce(`Linking from ${quote(source)}. Choose the span it links to with the arrow keys and press Enter, or press Escape to cancel.`);
  return true;
}

export function cancelLinking(cx: LinkContext, said = 'Linking cancelled.'): void {
  if (!cx.state.linking) return;
  cx.state.setLinking(null);
  cx.state.notice(said);
}

/** Keys while linking: arrows choose the target, Enter links to it, Escape cancels. Others are left alone. */
export function linkKey(cx: LinkContext, event: KeyboardEvent): boolean {
  const linking = cx.state.linking;
  if (!linking || event.ctrlKey || event.metaKey || event.altKey) return false;
  const source = cx.session.items.get(linking.source);
  if (!source) return (cancelLinking(cx, 'The span you linked from is gone.'), true);
  switch (event.key) {
    case 'Escape':
      cancelLinking(cx);
      return true;
    case 'ArrowRight': case 'ArrowDown': case 'ArrowLeft': case 'ArrowUp': {
      const targets = linkTargets(cx.codebook.codebook, source, [...cx.session.items.values()].filter((a) => cx.lens.drawable(a) && cx.lens.isMine(a)));
      const next = stepTarget(targets, linking.target, event.key === 'ArrowRight' || event.key === 'ArrowDown' ? 1 : -1, source.start ?? 0);
      if (!next) return (cx.state.notice('None of your spans can be linked to from this one.'), true);
      cx.state.setLinking({ source: linking.source, target: next.id });
      cx.scrollTo(next.id);
      const place = targets.findIndex((t) => t.id === next.id) + 1;
      cx.state.announce(`Target ${place} of ${targets.length}: ${cx.codebook.describe(next.layer, next.label)} ${quote(next)}. Enter links to it.`);
      return true;
    }
    case 'Enter':
      if (!linking.target) return (cx.state.notice('Choose the span to link to first: ←/→, or click it.'), true);
      linkTo(cx, linking.target);
      return true;
  }
  return false;
}

/** The target is chosen (a click or Enter): link with the one possible type, or ask which. */
export function linkTo(cx: LinkContext, targetId: string): void {
  const linking = cx.state.linking;
  const source = linking ? cx.session.items.get(linking.source) : undefined;
  const target = cx.session.items.get(targetId);
  if (!linking || !source || !target) return;
  if (target.id === source.id) return cx.state.notice('A relation joins two different spans: choose another one.');
  const types = typesFor(cx.codebook.codebook, source, target);
  if (types.length === 0) {
    return cx.state.notice(`No relation type joins ${cx.codebook.describe(source.layer, source.label)} to ${cx.codebook.describe(target.layer, target.label)}: choose another span.`);
  }
  cx.state.setLinking({ source: source.id, target: target.id });
  if (types.length === 1) return create(cx, types[0]!, source, target);
  typeChooser(types, cx.rectOf(target.id), {
    choose: (type) => create(cx, type, source, target),
    cancel: () => cx.state.notice('No type chosen: choose the target again, or press Escape to stop linking.'),
  });
}

function create(cx: LinkContext, type: CodebookRelation, source: Annotation, target: Annotation): void {
  cx.state.setLinking(null);
  const twin = cx.session.relationTwin(type.id, source.id, target.id, type.directed);
  if (twin) {
    cx.state.selectRelation(twin.id);
    return cx.state.notice(`You have linked these two spans with ${type.name} already.`);
  }
  const relation = cx.session.createRelation(type.id, source.id, target.id);
  cx.state.selectRelation(relation.id);
  cx.state.notice(`Linked: ${type.name} ${quote(source)} ${type.directed ? '→' : '—'} ${quote(target)}. Ctrl+Z undoes.`);
}
