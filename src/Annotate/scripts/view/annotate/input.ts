import type { Annotation } from '../../api/annotationTypes';
import { annotateCommand } from '../../model/annotate/annotateKeys';
import type { AnnotationLens } from '../../model/annotate/annotationLens';
import { cycleLayer, deleteSelected, escape, labelByKey, pickAtCaret, redo, undo, type ActionContext } from './actions';
import type { HoverItem } from './hoverCard';
import { linkKey, linkTo, startLinking, type LinkContext } from './linking';
import { typesFor } from '../../model/relations/relationRules';
import type { TextSelection } from './textSelection';

/** What keys and the pointer on the text use besides the actions: the text element, the caret, the hint line. */
export interface InputContext extends ActionContext {
  readonly container: HTMLElement;
  readonly selection: TextSelection;
  readonly lens: Pick<AnnotationLens, 'isMine' | 'myLabels' | 'voice' | 'annotatorName'>;
  /** Whether selections snap to whole words. */
  words(): boolean;
  offsetAtPoint(x: number, y: number): number | null;
  readonly hover: { show(items: HoverItem[], x: number, y: number): void; hide(): void };
  /** The line under the tools that says what the keys do now. */
  hint(text: string): void;
  /** Making relations: Shift+L, then the target by click or keys. */
  readonly link: LinkContext;
}

/** A key outside form fields; true when the annotation view used it (the reader's n/p/u come after). */
export function annotateKey(cx: InputContext, event: KeyboardEvent): boolean {
  if (cx.state.linking && linkKey(cx.link, event)) return true;
  const command = annotateCommand(event, { caretMode: document.activeElement === cx.container, words: cx.words() });
  switch (command?.kind) {
    case 'undo': return undo(cx);
    case 'redo': return redo(cx);
    case 'caret':
      cx.selection.move(command.unit, command.direction, command.extend);
      describeCaret(cx);
      return true;
    case 'layer': return cycleLayer(cx, command.direction);
    case 'label': return labelByKey(cx, command.key, event.timeStamp);
    case 'delete': return deleteSelected(cx);
    case 'escape': return escape(cx);
    case 'pick': return pickAtCaret(cx);
    case 'link': return startLinking(cx.link);
    default: return false;
  }
}

/** Mouse and focus on the text: snapping, clicking a highlight to select it, the hover card, the caret. */
export function bindPointer(cx: InputContext): () => void {
  const { container, selection, state } = cx;
  let frame = 0;
  let lastClick: { offset: number; index: number } | null = null;

  const onPointerUp = (event: PointerEvent) => {
    if (event.button !== 0) return;
    setTimeout(() => selection.snapNative(), 0);
  };
  const onClick = (event: MouseEvent) => {
    if (selection.current()) return;
    const offset = cx.offsetAtPoint(event.clientX, event.clientY);
    const spans = offset === null ? [] : cx.spansAt(offset);
    if (state.linking) return clickWhileLinking(cx, spans.map((s) => s.id));
    if (spans.length === 0) return state.select(null);
    // Clicking the same place again steps outwards through nested spans.
    const index = lastClick && lastClick.offset === offset ? (lastClick.index + 1) % spans.length : 0;
    lastClick = { offset: offset!, index };
    state.select(spans[index]!.id);
  };
  const onMove = (event: PointerEvent) => {
    const { clientX: x, clientY: y } = event;
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      const offset = cx.offsetAtPoint(x, y);
      const spans = offset === null ? [] : cx.spansAt(offset);
      cx.hover.show(spans.map((s) => hoverItem(cx, s.id)).filter((i) => i !== null), x, y);
    });
  };
  const onLeave = () => {
    cancelAnimationFrame(frame);
    cx.hover.hide();
  };
  const onFocus = () => {
    selection.showCaret(true);
    describeCaret(cx);
  };
  const onBlur = () => selection.showCaret(false);
  const onSelection = () => {
    const range = selection.current();
    cx.hint(range
      ? `Selected “${clip(cx.text.slice(range.start, range.end))}”: press a label’s key or click a label.`
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

/** A click while linking picks the target: the innermost span there that may be linked to (one's own). */
function clickWhileLinking(cx: InputContext, ids: readonly string[]): void {
  const source = cx.session.items.get(cx.state.linking!.source);
  const spans = ids.map((id) => cx.session.items.get(id)).filter((a): a is Annotation => a !== undefined && a.id !== source?.id && cx.lens.isMine(a));
  const target = spans.find((a) => source && typesFor(cx.codebook.codebook, source, a).length > 0) ?? spans[0];
  if (!target) return cx.state.notice('Click one of your spans to link to, or press Escape to stop linking.');
  linkTo(cx.link, target.id);
}

function hoverItem(cx: InputContext, id: string): HoverItem | null {
  const a = cx.session.items.get(id);
  if (!a) return null;
  const detail = [cx.lens.voice(a), cx.lens.isMine(a) ? '' : `by ${cx.lens.annotatorName(a)}`].filter(Boolean).join(' · ');
  return { color: cx.codebook.color(a.layer, a.label), title: cx.codebook.describe(a.layer, a.label), detail };
}

/** In the text with the keyboard: say which spans the caret is in. */
function describeCaret(cx: InputContext): void {
  const at = cx.selection.caretOffset();
  if (at === null || cx.selection.current()) return;
  const spans = cx.spansAt(at);
  cx.hint(spans.length
    ? `At the caret: ${spans.map((s) => { const a = cx.session.items.get(s.id); return a ? cx.codebook.describe(a.layer, a.label) : ''; }).join('; ')}. Shift+arrows select.`
    : 'Arrow keys move the caret (↑↓ by sentence), Shift+arrows select, then a label’s key labels the selection.');
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
