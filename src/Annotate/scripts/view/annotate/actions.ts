import type { Annotation, CodebookLayer } from '../../api/annotationTypes';
import type { AnnotationLens } from '../../model/annotate/annotationLens';
import type { CodebookIndex } from '../../model/annotate/codebook';
import type { AnnotationSession } from '../../model/session/annotationSession';
import type { Extent } from '../../model/text/textIndex';
import type { AnnotateState } from './viewState';

// What the toolbar buttons, the keyboard and the mouse can do; each returns true when it did something.

/** What the actions read and change: the view's state, the session, and the text selection. */
export interface ActionContext {
  readonly state: AnnotateState;
  readonly codebook: CodebookIndex;
  readonly session: AnnotationSession;
  readonly lens: Pick<AnnotationLens, 'isMine' | 'myLabels'>;
  /** The text that offsets point into. */
  readonly text: string;
  readonly selection: {
    current(): Extent | null;
    /** The selection a label applies to (current, or held over a tap on a phone). */
    forLabel(): Extent | null;
    setCaret(anchor: number, focus: number): void;
    clear(): void;
    caretOffset(): number | null;
  };
  /** Drawn spans at an offset, innermost first. */
  spansAt(offset: number): readonly { id: string }[];
  /** Leaves the text when the caret is in it; false when it was not. */
  leaveText(): boolean;
}

/** Labels the selected text; without a selection, relabels the selected span when the label is of its layer. */
export function applyLabel(cx: ActionContext, layerId: string, labelId: string, since = performance.now()): boolean {
  const { state, session } = cx;
  const range = cx.selection.forLabel();
  const label = cx.codebook.label(layerId, labelId);
  if (!label) return false;
  if (range) {
    const twin = session.twinOf(layerId, labelId, range.start, range.end);
    if (twin) {
      // The same stretch with the same label twice would count double in agreement: point at the one there is.
      state.select(twin.id);
      state.notice(`You already marked this as ${label.name}: that span is selected.`);
      return true;
    }
    const created = session.create('span', {
      layer: layerId, label: labelId, start: range.start, end: range.end, quote: cx.text.slice(range.start, range.end),
    });
    cx.selection.setCaret(range.end, range.end);
    state.select(created.id);
    state.announce(`${label.name} added.`);
    state.events.emit('labelled', { id: created.id, since });
    return true;
  }
  const selected = mySelected(cx);
  if (selected && selected.layer === layerId) {
    if (selected.label !== labelId) session.update(selected.id, { label: labelId });
    state.announce(`Changed to ${label.name}.`);
    return true;
  }
  state.announce('Select some text first: drag with the mouse, or Shift+arrow keys in the text.');
  return true;
}

/**
 * A label key: the active layer's label for selected text, or the selected span's layer's to relabel it. While
 * annotating, letters and digits are label keys only (never navigation), so a key that cannot label says why.
 */
export function labelByKey(cx: ActionContext, key: string, since?: number): boolean {
  const { state, codebook } = cx;
  const layerName = (id: string) => codebook.layer(id)?.name ?? 'this layer';
  if (cx.selection.current()) {
    const label = codebook.labelByKey(state.layer, key);
    if (label) return applyLabel(cx, state.layer, label.id, since);
    state.notice(`No label has the key ${key} in ${layerName(state.layer)}; [ and ] switch layers.`);
    return true;
  }
  const selected = mySelected(cx);
  if (selected) {
    const label = codebook.labelByKey(selected.layer, key);
    if (label) return applyLabel(cx, selected.layer, label.id, since);
    state.notice(`No label has the key ${key} in ${layerName(selected.layer)}, the selected span’s layer.`);
    return true;
  }
  const label = codebook.labelByKey(state.layer, key);
  if (!label && documentLabelByKey(cx, key)) return true;
  state.notice(label
    ? `Select some text first, then press ${key} for ${label.name}.`
    : `No label has the key ${key} in ${layerName(state.layer)}. Select some text, then press a label’s key.`);
  return true;
}

/** Without a selection, a key of a document-level label (the stance) labels the whole document. */
function documentLabelByKey(cx: ActionContext, key: string): boolean {
  for (const layer of cx.codebook.documentLayers) {
    const label = cx.codebook.labelByKey(layer.id, key);
    if (!label) continue;
    const mine = cx.lens.myLabels().filter((a) => a.layer === layer.id);
    if (layer.multiple) {
      const on = !mine.some((a) => a.label === label.id);
      toggleDocumentLabel(cx, layer, label.id, on);
      cx.state.notice(`${layer.name}: ${label.name} ${on ? 'added' : 'removed'} for the whole document.`);
    } else if (mine.some((a) => a.label === label.id)) {
      cx.state.notice(`${layer.name} is already ${label.name}.`);
    } else {
      chooseDocumentLabel(cx, layer, label.id);
      cx.state.notice(`${layer.name} of the whole document: ${label.name}.`);
    }
    return true;
  }
  return false;
}

/** A label of a layer that takes several: on or off. */
export function toggleDocumentLabel(cx: Pick<ActionContext, 'session' | 'lens'>, layer: CodebookLayer, label: string, on: boolean): void {
  const existing = cx.lens.myLabels().find((a) => a.layer === layer.id && a.label === label);
  if (on && !existing) cx.session.create('document', { layer: layer.id, label });
  else if (!on && existing) cx.session.remove(existing.id);
}

/** The one label of a single-choice layer (null: none). */
export function chooseDocumentLabel(cx: Pick<ActionContext, 'session' | 'lens'>, layer: CodebookLayer, label: string | null): void {
  const existing = cx.lens.myLabels().find((a) => a.layer === layer.id);
  if (!label) {
    if (existing) cx.session.remove(existing.id);
  } else if (existing) {
    if (existing.label !== label) cx.session.update(existing.id, { label });
  } else {
    cx.session.create('document', { layer: layer.id, label });
  }
}

export function deleteSelected(cx: ActionContext): boolean {
  const relation = cx.state.relationId ? cx.session.items.get(cx.state.relationId) : undefined;
  if (relation && cx.lens.isMine(relation)) {
    cx.session.remove(relation.id);
    cx.state.announce('Relation deleted. Ctrl+Z brings it back.');
    return true;
  }
  const selected = mySelected(cx);
  if (!selected) return false;
  cx.session.remove(selected.id);
  cx.state.announce(`${cx.codebook.label(selected.layer, selected.label)?.name ?? 'Span'} deleted. Ctrl+Z brings it back.`);
  return true;
}

export function undo(cx: ActionContext): boolean {
  const touched = cx.session.undo();
  cx.state.announce(touched ? 'Undone.' : 'Nothing to undo.');
  if (touched) reveal(cx, touched);
  return true;
}

export function redo(cx: ActionContext): boolean {
  const touched = cx.session.redo();
  cx.state.announce(touched ? 'Redone.' : 'Nothing to redo.');
  if (touched) reveal(cx, touched);
  return true;
}

/** After undo or redo: select the span (else the relation) that changed, so the person sees what happened. */
function reveal(cx: ActionContext, touched: Annotation[]): void {
  const span = touched.find((a) => a.kind === 'span' && cx.session.items.has(a.id));
  const relation = touched.find((a) => a.kind === 'relation' && cx.session.items.has(a.id));
  if (!span && relation) cx.state.selectRelation(relation.id, { scroll: true });
  else cx.state.select(span?.id ?? null, { scroll: true });
}

export function setLayer(cx: Pick<ActionContext, 'state' | 'codebook'>, layerId: string): void {
  if (cx.codebook.layer(layerId)) cx.state.setLayer(layerId);
}

export function cycleLayer(cx: ActionContext, direction: 1 | -1): boolean {
  const layers = cx.codebook.spanLayers;
  const i = layers.findIndex((l) => l.id === cx.state.layer);
  const next = layers[(i + direction + layers.length) % layers.length];
  if (next) {
    setLayer(cx, next.id);
    cx.state.announce(`Layer: ${next.name}.`);
  }
  return true;
}

/** Escape: drop the text selection, else the selected span, else leave the text; false when nothing was left. */
export function escape(cx: ActionContext): boolean {
  if (cx.selection.current()) {
    cx.selection.clear();
    return true;
  }
  if (cx.state.selectedId) {
    cx.state.select(null);
    return true;
  }
  if (cx.state.relationId) {
    cx.state.selectRelation(null);
    return true;
  }
  if (cx.leaveText()) return true;
  // Never leave the document on Esc while annotating: a second Esc meant to clear something must not lose the page.
  cx.state.notice('Nothing selected. Alt+↑ or “← Documents” goes back to the list.');
  return true;
}

/** Enter in the text: selects the innermost span at the caret; again, the next one out. */
export function pickAtCaret(cx: ActionContext): boolean {
  const at = cx.selection.caretOffset();
  const spans = at === null ? [] : cx.spansAt(at);
  if (spans.length === 0) {
    cx.state.announce('No span at the caret.');
    return true;
  }
  const current = spans.findIndex((s) => s.id === cx.state.selectedId);
  const next = spans[(current + 1) % spans.length]!;
  cx.state.select(next.id);
  const a = cx.session.items.get(next.id);
  if (a) cx.state.announce(`Selected ${cx.codebook.describe(a.layer, a.label)}.`);
  return true;
}

/** The selected annotation when it is this person's (others' cannot be changed). */
function mySelected(cx: ActionContext): Annotation | undefined {
  const selected = cx.state.selectedId ? cx.session.items.get(cx.state.selectedId) : undefined;
  return selected && cx.lens.isMine(selected) ? selected : undefined;
}
