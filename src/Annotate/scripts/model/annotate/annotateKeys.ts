import type { CaretUnit, Direction } from '../text/caretMoves';
import type { KeyPress } from '../app/keys';

export type AnnotateCommand =
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'caret'; unit: CaretUnit; direction: Direction; extend: boolean }
  | { kind: 'layer'; direction: Direction }
  | { kind: 'label'; key: string }
  | { kind: 'delete' }
  | { kind: 'escape' }
  /** In the text: select the span at the caret (again: the one around it). */
  | { kind: 'pick' }
  /** Shift+L: link the selected span to another (a relation). */
  | { kind: 'link' };

export interface AnnotateKeyContext {
  /** The article text has keyboard focus: arrows move the caret instead of scrolling. */
  caretMode: boolean;
  /** Selections snap to words: plain arrows then move by word, else by character. */
  words: boolean;
}

/** Keys of the annotation view, before the reader's own (n, p, u). Null leaves the key to others. */
export function annotateCommand(e: KeyPress & { shiftKey?: boolean }, ctx: AnnotateKeyContext): AnnotateCommand | null {
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  const ctrl = e.ctrlKey || e.metaKey;
  if (ctrl && !e.altKey) {
    if (key === 'z') return { kind: e.shiftKey ? 'redo' : 'undo' };
    if (key === 'y' && !e.shiftKey) return { kind: 'redo' };
  }
  if (e.altKey) return null;
  if (ctx.caretMode) {
    const extend = !!e.shiftKey;
    switch (key) {
      case 'ArrowRight': case 'ArrowLeft':
        return { kind: 'caret', unit: ctrl || ctx.words ? 'word' : 'grapheme', direction: key === 'ArrowRight' ? 1 : -1, extend };
      case 'ArrowDown': case 'ArrowUp':
        return ctrl ? null : { kind: 'caret', unit: 'sentence', direction: key === 'ArrowDown' ? 1 : -1, extend };
      case 'Home': case 'End':
        return ctrl ? null : { kind: 'caret', unit: 'block', direction: key === 'End' ? 1 : -1, extend };
      case 'Enter':
        return ctrl || e.shiftKey ? null : { kind: 'pick' };
    }
  }
  if (ctrl) return null;
  switch (key) {
    case '[': return { kind: 'layer', direction: -1 };
    case ']': return { kind: 'layer', direction: 1 };
    case 'Delete': case 'Backspace': return { kind: 'delete' };
    case 'Escape': return { kind: 'escape' };
  }
  if (e.shiftKey && key === 'l') return { kind: 'link' };
  return !e.shiftKey && /^[a-z0-9]$/.test(key) ? { kind: 'label', key } : null;
}
