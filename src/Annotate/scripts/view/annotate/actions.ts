import type { Annotation } from '../../api/annotationTypes';
import type { Annotator } from './annotator';
import { settings } from './settings';

// What the toolbar buttons, the keyboard and the mouse can do; each returns true when it did something.

/** Labels the selected text; without a selection, relabels the selected span when the label is of its layer. */
export function applyLabel(an: Annotator, layerId: string, labelId: string, since = performance.now()): boolean {
  const range = an.selection.current();
  const label = an.codebook.label(layerId, labelId);
  if (!label) return false;
  if (range) {
    const twin = an.session.twinOf(layerId, labelId, range.start, range.end);
    if (twin) {
      // The same stretch with the same label twice would count double in agreement: point at the one there is.
      an.select(twin.id);
      an.notice(`You already marked this as ${label.name}: that span is selected.`);
      return true;
    }
    const created = an.session.create('span', {
      layer: layerId, label: labelId, start: range.start, end: range.end, quote: an.model.text.slice(range.start, range.end),
    });
    an.selection.setCaret(range.end, range.end);
    an.select(created.id);
    an.ctx.announce(`${label.name} added.`);
    // For the long-article benchmark: from the key (or click) to the highlight being on screen.
    requestAnimationFrame(() => setTimeout(() => performance.measure('annotate:span-rendered', { start: since }), 0));
    return true;
  }
  const selected = an.selectedId ? an.session.items.get(an.selectedId) : undefined;
  if (selected && an.isMine(selected) && selected.layer === layerId) {
    if (selected.label !== labelId) an.session.update(selected.id, { label: labelId });
    an.ctx.announce(`Changed to ${label.name}.`);
    return true;
  }
  an.ctx.announce('Select some text first: drag with the mouse, or Shift+arrow keys in the text.');
  return true;
}

/**
 * A label key: the active layer's label for selected text, or the selected span's layer's to relabel it. While
 * annotating, letters and digits are label keys only (never navigation), so a key that cannot label says why.
 */
export function labelByKey(an: Annotator, key: string, since?: number): boolean {
  const layerName = (id: string) => an.codebook.layer(id)?.name ?? 'this layer';
  if (an.selection.current()) {
    const label = an.codebook.labelByKey(an.layer, key);
    if (label) return applyLabel(an, an.layer, label.id, since);
    an.notice(`No label has the key ${key} in ${layerName(an.layer)}; [ and ] switch layers.`);
    return true;
  }
  const selected = an.selectedId ? an.session.items.get(an.selectedId) : undefined;
  if (selected && an.isMine(selected)) {
    const label = an.codebook.labelByKey(selected.layer, key);
    if (label) return applyLabel(an, selected.layer, label.id, since);
    an.notice(`No label has the key ${key} in ${layerName(selected.layer)}, the selected span’s layer.`);
    return true;
  }
  const label = an.codebook.labelByKey(an.layer, key);
  if (!label && documentLabelByKey(an, key)) return true;
  an.notice(label
    ? `Select some text first, then press ${key} for ${label.name}.`
    : `No label has the key ${key} in ${layerName(an.layer)}. Select some text, then press a label’s key.`);
  return true;
}

/** Without a selection, a key of a document-level label (the stance) labels the whole document. */
function documentLabelByKey(an: Annotator, key: string): boolean {
  for (const layer of an.codebook.documentLayers) {
    const label = an.codebook.labelByKey(layer.id, key);
    if (!label) continue;
    const mine = an.myLabels().filter((a) => a.layer === layer.id);
    if (layer.multiple) {
      const on = !mine.some((a) => a.label === label.id);
      an.panels.toggleDocumentLabel(layer, label.id, on);
      an.notice(`${layer.name}: ${label.name} ${on ? 'added' : 'removed'} for the whole document.`);
    } else if (mine.some((a) => a.label === label.id)) {
      an.notice(`${layer.name} is already ${label.name}.`);
    } else {
      an.panels.chooseDocumentLabel(layer, label.id);
      an.notice(`${layer.name} of the whole document: ${label.name}.`);
    }
    return true;
  }
  return false;
}

export function deleteSelected(an: Annotator): boolean {
  const selected = an.selectedId ? an.session.items.get(an.selectedId) : undefined;
  if (!selected || !an.isMine(selected)) return false;
  an.session.remove(selected.id);
  an.ctx.announce(`${an.codebook.label(selected.layer, selected.label)?.name ?? 'Span'} deleted. Ctrl+Z brings it back.`);
  return true;
}

export function undo(an: Annotator): boolean {
  const touched = an.session.undo();
  an.ctx.announce(touched ? 'Undone.' : 'Nothing to undo.');
  if (touched) reveal(an, touched);
  return true;
}

export function redo(an: Annotator): boolean {
  const touched = an.session.redo();
  an.ctx.announce(touched ? 'Redone.' : 'Nothing to redo.');
  if (touched) reveal(an, touched);
  return true;
}

/** After undo or redo: select the span that changed, so the person sees what happened. */
function reveal(an: Annotator, touched: Annotation[]): void {
  const span = touched.find((a) => a.kind === 'span' && an.session.items.has(a.id));
  an.select(span?.id ?? null, { scroll: true });
}

export function setLayer(an: Annotator, layerId: string): void {
  if (!an.codebook.layer(layerId)) return;
  an.layer = layerId;
  settings.layer = layerId;
  an.panels.renderPalette();
}

export function cycleLayer(an: Annotator, direction: 1 | -1): boolean {
  const layers = an.codebook.spanLayers;
  const i = layers.findIndex((l) => l.id === an.layer);
  const next = layers[(i + direction + layers.length) % layers.length];
  if (next) {
    setLayer(an, next.id);
    an.ctx.announce(`Layer: ${next.name}.`);
  }
  return true;
}

/** Escape: drop the text selection, else the selected span, else leave the text; false when nothing was left. */
export function escape(an: Annotator): boolean {
  if (an.selection.current()) {
    an.selection.clear();
    return true;
  }
  if (an.selectedId) {
    an.select(null);
    return true;
  }
  if (an.caretMode) {
    an.container.blur();
    return true;
  }
  // Never leave the document on Esc while annotating: a second Esc meant to clear something must not lose the page.
  an.notice('Nothing selected. Alt+↑ or “← Documents” goes back to the list.');
  return true;
}

/** Enter in the text: selects the innermost span at the caret; again, the next one out. */
export function pickAtCaret(an: Annotator): boolean {
  const at = an.selection.caretOffset();
  const spans = at === null ? [] : an.highlighter.spansAt(at);
  if (spans.length === 0) {
    an.ctx.announce('No span at the caret.');
    return true;
  }
  const current = spans.findIndex((s) => s.id === an.selectedId);
  const next = spans[(current + 1) % spans.length]!;
  an.select(next.id);
  const a = an.session.items.get(next.id);
  if (a) an.ctx.announce(`Selected ${an.codebook.describe(a.layer, a.label)}.`);
  return true;
}
