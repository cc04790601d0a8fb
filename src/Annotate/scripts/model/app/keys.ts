// Keyboard shortcuts as data, so the mapping can be tested without a browser.

export interface KeyPress {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

export type ListCommand = 'focusSearch' | 'next' | 'previous' | 'open';
export type ReaderCommand = 'next' | 'previous' | 'back' | 'heatMap';

/** The `?` help key, valid on every page. */
export function isHelpKey(e: KeyPress): boolean {
  return e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey;
}

export function listCommand(e: KeyPress): ListCommand | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  switch (e.key) {
    case '/': return 'focusSearch';
    case 'ArrowDown': case 'j': return 'next';
    case 'ArrowUp': case 'k': return 'previous';
    case 'Enter': return 'open';
    default: return null;
  }
}

export function readerCommand(e: KeyPress): ReaderCommand | null {
  if (e.ctrlKey || e.metaKey) return null;
  if (e.altKey) {
    if (e.key === 'ArrowRight') return 'next';
    if (e.key === 'ArrowLeft') return 'previous';
    if (e.key === 'ArrowUp') return 'back';
    return null;
  }
  // Shift+A: letters without Shift are label keys while annotating, so the heat map takes a shifted one.
  if (e.key === 'A') return 'heatMap';
  switch (e.key) {
    case 'n': return 'next';
    case 'p': return 'previous';
    case 'u': case 'Escape': return 'back';
    default: return null;
  }
}

/** One row of the help dialog. */
export interface Shortcut {
  keys: string[];
  action: string;
}

export const shortcuts: { section: string; items: Shortcut[] }[] = [
  { section: 'Anywhere', items: [{ keys: ['?'], action: 'Show this help' }] },
  {
    section: 'Document list',
    items: [
      { keys: ['/'], action: 'Search' },
      { keys: ['↓', 'j'], action: 'Select the next document' },
      { keys: ['↑', 'k'], action: 'Select the previous document' },
      { keys: ['Enter'], action: 'Open the selected document' },
    ],
  },
  {
    section: 'Reader',
    items: [
      { keys: ['Alt+→', 'n'], action: 'Next document in the list (n only where there is nothing to annotate: there, letters are label keys)' },
      { keys: ['Alt+←', 'p'], action: 'Previous document in the list (p likewise)' },
      { keys: ['Alt+↑', 'u', 'Esc'], action: 'Back to the list (u and Esc likewise)' },
      { keys: ['Shift+A'], action: 'Agreement heat map over the text on or off' },
    ],
  },
  {
    section: 'Annotating',
    items: [
      { keys: ['a–z', '0–9'], action: 'Label the selected text (each label’s key is shown beside it); with a span selected instead, change its label' },
      { keys: ['a–z', '0–9'], action: 'With nothing selected: the document-level label with that key (the stance), when no label of the current layer has it' },
      { keys: ['[', ']'], action: 'Previous or next layer for new labels' },
      { keys: ['Tab'], action: 'Into the text, to select with the keyboard' },
      { keys: ['←', '→'], action: 'In the text: move by word (by character when “Snap to words” is off)' },
      { keys: ['↑', '↓'], action: 'In the text: move by sentence' },
      { keys: ['Home', 'End'], action: 'In the text: start or end of the paragraph' },
      { keys: ['Shift+move'], action: 'Extend the selection' },
      { keys: ['Enter'], action: 'In the text: select the span at the caret (again: the one around it)' },
      { keys: ['Delete'], action: 'Delete the selected span (its relations go with it) or the selected relation' },
      { keys: ['Shift+L'], action: 'Link the selected span to another (a relation): then ←/→ choose the target, Enter links, Esc cancels; or click the target' },
      { keys: ['Ctrl+Z', 'Ctrl+Shift+Z'], action: 'Undo, redo' },
      { keys: ['Esc'], action: 'Clear the selection, then the selected span (never leaves the document)' },
    ],
  },
  {
    section: 'Curation',
    items: [
      { keys: ['j', 'n'], action: 'Next cluster' },
      { keys: ['k', 'p'], action: 'Previous cluster' },
      { keys: ['Shift+N'], action: 'Next open cluster (or a decided one with an open relation)' },
      { keys: ['1–9'], action: 'Accept that annotator’s span in the chosen cluster (or their relation, with a relation chosen)' },
      { keys: ['r'], action: 'Reject the chosen cluster (no gold span there), or the chosen relation' },
      { keys: [']', '['], action: 'Choose the next or previous relation of the cluster (also . and ,)' },
      { keys: ['v'], action: 'Merged or side-by-side view' },
      { keys: ['Ctrl+Z', 'Ctrl+Shift+Z'], action: 'Undo, redo your curation' },
      { keys: ['Esc'], action: 'Back from the chosen relation to its cluster, then close the cluster panel' },
    ],
  },
];
