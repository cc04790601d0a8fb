import { h } from '../dom';

export interface ToolbarActions {
  undo(): void;
  redo(): void;
  snapWords(on: boolean): void;
  showOthers(on: boolean): void;
}

/** The bar above the text: palette, undo/redo, save state, and the two view settings. */
export function annotateToolbar(palette: HTMLElement, status: HTMLElement, actions: ToolbarActions, initial: { words: boolean; others: boolean }) {
  const undo = h('button', { type: 'button', class: 'button icon-text', 'aria-keyshortcuts': 'Control+Z', title: 'Undo (Ctrl+Z)', disabled: true, onclick: actions.undo },
    h('span', { 'aria-hidden': 'true' }, '↶'), 'Undo');
  const redo = h('button', { type: 'button', class: 'button icon-text', 'aria-keyshortcuts': 'Control+Shift+Z', title: 'Redo (Ctrl+Shift+Z)', disabled: true, onclick: actions.redo },
    h('span', { 'aria-hidden': 'true' }, '↷'), 'Redo');
  const words = h('input', { type: 'checkbox', id: 'snap-words', checked: initial.words });
  const others = h('input', { type: 'checkbox', id: 'show-others', checked: initial.others });
  const othersLabel = h('span', null, 'Others’ annotations');
  const hint = h('p', { class: 'toolbar-hint', id: 'annotate-hint' });
  words.addEventListener('change', () => actions.snapWords(words.checked));
  others.addEventListener('change', () => actions.showOthers(others.checked));

  const element = h('div', { class: 'annotate-toolbar', role: 'toolbar', 'aria-label': 'Annotation tools', 'aria-orientation': 'horizontal' },
    h('div', { class: 'toolbar-row' }, palette,
      h('div', { class: 'toolbar-end' }, undo, redo, status)),
    h('div', { class: 'toolbar-row secondary' },
      hint,
      h('label', { class: 'toggle', for: 'snap-words' }, words, 'Snap to words'),
      h('label', { class: 'toggle', for: 'show-others' }, others, othersLabel)));

  return {
    element,
    setHistory(canUndo: boolean, canRedo: boolean) {
      undo.disabled = !canUndo;
      redo.disabled = !canRedo;
    },
    setOthersCount(count: number) {
      othersLabel.textContent = `Others’ annotations (${count.toLocaleString('en')})`;
    },
    setHint(text: string) {
      hint.textContent = text;
    },
  };
}
