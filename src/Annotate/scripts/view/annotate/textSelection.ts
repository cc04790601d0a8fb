import type { CaretUnit, Direction } from '../../model/text/caretMoves';
import { moveCaret } from '../../model/text/caretMoves';
import { snapRange } from '../../model/text/snapping';
import type { Extent } from '../../model/text/textIndex';
import type { TextMap } from './textMap';

/**
 * The text selection to label. The browser's own selection is the one source of truth (so mouse, keyboard and
 * assistive technology all see the same thing); the keyboard caret sets it, and mouse selections are snapped
 * (to words, or at least to whole graphemes) as soon as the button is released.
 */
export class TextSelection {
  private anchor: number | null = null;
  private focus: number | null = null;
  private readonly caretEl: HTMLElement;
  private held: { range: Extent; at: number } | null = null;

  /** topInset: the bottom of whatever is sticky above the text (header, toolbar), in viewport pixels. */
  constructor(
    private readonly map: TextMap,
    layer: HTMLElement,
    private readonly words: () => boolean,
    private readonly topInset: () => number = () => 0,
  ) {
    this.caretEl = document.createElement('div');
    this.caretEl.className = 'caret';
    this.caretEl.hidden = true;
    layer.append(this.caretEl);
  }

  /** The snapped selection inside the article, or null when nothing (or only space) is selected. */
  current(): Extent | null {
    const raw = this.raw();
    return raw ? snapRange(this.map.model, raw.start, raw.end, this.words()) : null;
  }

  /**
   * Keeps the current selection for a label about to be tapped: on a phone the tap that reaches a label button
   * may clear the text selection before its click arrives. Kept briefly, and used once (see forLabel).
   */
  hold(): void {
    const range = this.current();
    this.held = range ? { range, at: performance.now() } : null;
  }

  /** The selection a label applies to: the current one, or the one held by the tap on the label (within 2 s). */
  forLabel(): Extent | null {
    const held = this.held;
    this.held = null;
    return this.current() ?? (held && performance.now() - held.at < 2000 ? held.range : null);
  }

  /** The selection as the browser has it, mapped to offsets (not snapped). */
  raw(): (Extent & { backward: boolean }) | null {
    const selection = document.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const { anchorNode, anchorOffset, focusNode, focusOffset } = selection;
    if (!anchorNode || !focusNode) return null;
    const range = selection.getRangeAt(0);
    const start = this.map.offsetOf(range.startContainer, range.startOffset, 'start');
    const end = this.map.offsetOf(range.endContainer, range.endOffset, 'end');
    if (start === null || end === null || end <= start) return null;
    const backward = anchorNode !== range.startContainer || anchorOffset !== range.startOffset || focusNode !== range.endContainer || focusOffset !== range.endOffset;
    return { start, end, backward };
  }

  /** After a mouse selection: snap it and show the snapped range; remember it as the caret's anchor and focus. */
  snapNative(): void {
    const raw = this.raw();
    const selection = document.getSelection();
    if (!raw) {
      // A click: the caret goes where the click was.
      const node = selection?.focusNode;
      const at = node ? this.map.offsetOf(node, selection.focusOffset, 'start') : null;
      if (at !== null) this.setCaret(at, at);
      return;
    }
    const snapped = snapRange(this.map.model, raw.start, raw.end, this.words());
    if (!snapped) return this.clear();
    if (raw.backward) this.setCaret(snapped.end, snapped.start);
    else this.setCaret(snapped.start, snapped.end);
  }

  /** Moves the keyboard caret (extending the selection with Shift). */
  move(unit: CaretUnit, direction: Direction, extend: boolean): void {
    const from = this.focus ?? this.firstVisibleOffset();
    let anchor = this.anchor ?? from;
    // A selection starting from a collapsed caret starts at the next word, not at the space before it.
    if (extend && anchor === from) anchor = skipSpace(this.map.model.text, anchor, direction);
    const to = moveCaret(this.map.model, from, unit, direction);
    this.setCaret(extend ? anchor : to, to, true);
  }

  /** Shows anchor..focus as the browser selection, and a caret bar when it is collapsed; scroll for keyboard moves. */
  setCaret(anchor: number, focus: number, scroll = false): void {
    this.anchor = anchor;
    this.focus = focus;
    const a = this.map.pointAt(anchor, anchor <= focus ? 'start' : 'end');
    const f = this.map.pointAt(focus, anchor <= focus ? 'end' : 'start');
    const selection = document.getSelection();
    if (a && f && selection) {
      if (anchor === focus) selection.removeAllRanges();
      else selection.setBaseAndExtent(a.node, a.offset, f.node, f.offset);
    }
    this.drawCaret();
    if (scroll) this.scrollIntoView(focus);
  }

  /** Where the caret is (the focus end of the selection). */
  caretOffset(): number | null {
    return this.focus;
  }

  clear(): void {
    document.getSelection()?.removeAllRanges();
    if (this.focus !== null) this.anchor = this.focus;
    this.drawCaret();
  }

  showCaret(show: boolean): void {
    this.caretEl.dataset['active'] = String(show);
    this.drawCaret();
  }

  /** Redraws the caret bar (after layout changes). */
  drawCaret(): void {
    const show = this.caretEl.dataset['active'] === 'true' && this.focus !== null && this.anchor === this.focus;
    this.caretEl.hidden = !show;
    if (!show) return;
    const point = this.map.pointAt(this.focus!, 'start');
    if (!point) return;
    const range = document.createRange();
    range.setStart(point.node, point.offset);
    const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
    const origin = (this.caretEl.offsetParent ?? this.caretEl.parentElement!).getBoundingClientRect();
    this.caretEl.style.cssText = `left:${rect.left - origin.left}px;top:${rect.top - origin.top}px;height:${rect.height || 20}px`;
  }

  private scrollIntoView(offset: number): void {
    const point = this.map.pointAt(offset, 'end');
    if (!point) return;
    const range = document.createRange();
    range.setStart(point.node, point.offset);
    const rect = range.getBoundingClientRect();
    const top = this.topInset() + 24;
    if (rect.top < top || rect.bottom > window.innerHeight - 60) {
      window.scrollBy({ top: rect.top - (top + window.innerHeight) / 2, behavior: 'auto' });
    }
  }

  /** The start of the first block whose text shows below the sticky toolbar (blocks in document order: binary search). */
  private firstVisibleOffset(): number {
    const blocks = this.map.model.blocks;
    const top = this.topInset() + 8;
    let lo = 0;
    let hi = blocks.length - 1;
    let found = blocks.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((this.map.blockElement(mid)?.getBoundingClientRect().top ?? 0) >= top) {
        found = mid;
        hi = mid - 1;
      } else {
        lo = mid + 1;
      }
    }
    return blocks[found]?.start ?? 0;
  }
}

function skipSpace(text: string, offset: number, direction: 1 | -1): number {
  if (direction > 0) {
    while (offset < text.length && text.charAt(offset) === ' ') offset++;
  } else {
    while (offset > 0 && text.charAt(offset - 1) === ' ') offset--;
  }
  return offset;
}
