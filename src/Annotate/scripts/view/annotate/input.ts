import { annotateCommand } from '../../model/annotate/annotateKeys';
import { cycleLayer, deleteSelected, escape, labelByKey, pickAtCaret, redo, undo } from './actions';
import type { Annotator } from './annotator';
import { settings } from './settings';

/** A key outside form fields; true when the annotation view used it (the reader's n/p/u come after). */
export function annotateKey(an: Annotator, event: KeyboardEvent): boolean {
  const command = annotateCommand(event, { caretMode: an.caretMode, words: settings.words });
  switch (command?.kind) {
    case 'undo': return undo(an);
    case 'redo': return redo(an);
    case 'caret':
      an.selection.move(command.unit, command.direction, command.extend);
      describeCaret(an);
      return true;
    case 'layer': return cycleLayer(an, command.direction);
    case 'label': return labelByKey(an, command.key, event.timeStamp);
    case 'delete': return deleteSelected(an);
    case 'escape': return escape(an);
    case 'pick': return pickAtCaret(an);
    default: return false;
  }
}

/** Mouse and focus on the text: snapping, clicking a highlight to select it, the hover card, the caret. */
export function bindPointer(an: Annotator): () => void {
  const { container } = an;
  let frame = 0;
  let lastClick: { offset: number; index: number } | null = null;

  const onPointerUp = (event: PointerEvent) => {
    if (event.button !== 0) return;
    setTimeout(() => an.selection.snapNative(), 0);
  };
  const onClick = (event: MouseEvent) => {
    if (an.selection.current()) return;
    const offset = an.map.offsetAtPoint(event.clientX, event.clientY);
    const spans = offset === null ? [] : an.highlighter.spansAt(offset);
    if (spans.length === 0) return an.select(null);
    // Clicking the same place again steps outwards through nested spans.
    const index = lastClick && lastClick.offset === offset ? (lastClick.index + 1) % spans.length : 0;
    lastClick = { offset: offset!, index };
    an.select(spans[index]!.id);
  };
  const onMove = (event: PointerEvent) => {
    const { clientX: x, clientY: y } = event;
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      const offset = an.map.offsetAtPoint(x, y);
      const spans = offset === null ? [] : an.highlighter.spansAt(offset);
      an.panels.hover.show(spans.map((s) => hoverItem(an, s.id)).filter((i) => i !== null), x, y);
    });
  };
  const onLeave = () => {
    cancelAnimationFrame(frame);
    an.panels.hover.hide();
  };
  const onFocus = () => {
    an.selection.showCaret(true);
    describeCaret(an);
  };
  const onBlur = () => an.selection.showCaret(false);
  const onSelection = () => {
    const range = an.selection.current();
    an.panels.toolbar.setHint(range
      ? `Selected “${clip(an.model.text.slice(range.start, range.end))}”: press a label’s key or click a label.`
      : 'Select text with the mouse, or in the text (Tab to it) with Shift+arrow keys; then press a label’s key.');
  };

  container.addEventListener('pointerup', onPointerUp);
  container.addEventListener('click', onClick);
  container.addEventListener('pointermove', onMove);
  container.addEventListener('pointerleave', onLeave);
  container.addEventListener('focus', onFocus);
  container.addEventListener('blur', onBlur);
  document.addEventListener('selectionchange', onSelection);
  onSelection();
  return () => {
    document.removeEventListener('selectionchange', onSelection);
    cancelAnimationFrame(frame);
  };
}

function hoverItem(an: Annotator, id: string) {
  const a = an.session.items.get(id);
  if (!a) return null;
  const detail = [an.voice(a), an.isMine(a) ? '' : `by ${a.annotatorName}`].filter(Boolean).join(' · ');
  return { color: an.codebook.color(a.layer, a.label), title: an.codebook.describe(a.layer, a.label), detail };
}

/** In the text with the keyboard: say which spans the caret is in. */
function describeCaret(an: Annotator): void {
  const at = an.selection.caretOffset();
  if (at === null || an.selection.current()) return;
  const spans = an.highlighter.spansAt(at);
  an.panels.toolbar.setHint(spans.length
    ? `At the caret: ${spans.map((s) => { const a = an.session.items.get(s.id); return a ? an.codebook.describe(a.layer, a.label) : ''; }).join('; ')}. Shift+arrows select.`
    : 'Arrow keys move the caret (↑↓ by sentence), Shift+arrows select, then a label’s key labels the selection.');
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
