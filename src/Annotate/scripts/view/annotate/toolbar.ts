import type { Visibility } from '../../api';
import { annotatorColor } from '../../model/annotate/annotators';
import { presenceText, type Connection } from '../../model/live/connection';
import { h, replace } from '../dom';

export interface ToolbarActions {
  undo(): void;
  redo(): void;
  snapWords(on: boolean): void;
  showOthers(on: boolean): void;
  setVisibility(mode: Visibility): void;
  toggleAnnotator(userId: string, on: boolean): void;
}

const MODES: { value: Visibility; text: string; title: string }[] = [
  { value: 'blind', text: 'Blind', title: 'Each annotator sees only their own annotations' },
  { value: 'open', text: 'Open', title: 'Everyone sees everyone’s annotations' },
  { value: 'reveal', text: 'Reveal', title: 'The blind round is over: everyone’s annotations are shown' },
];

/** The bar above the text: palette, undo/redo, connection and save state, and the two view settings. */
export function annotateToolbar(palette: HTMLElement, status: HTMLElement, connection: HTMLElement, actions: ToolbarActions,
  initial: { words: boolean; others: boolean; mayChangeVisibility: boolean }) {
  const undo = h('button', { type: 'button', class: 'button icon-text', 'aria-keyshortcuts': 'Control+Z', title: 'Undo (Ctrl+Z)', disabled: true, onclick: actions.undo },
    h('span', { 'aria-hidden': 'true' }, '↶'), 'Undo');
  const redo = h('button', { type: 'button', class: 'button icon-text', 'aria-keyshortcuts': 'Control+Shift+Z', title: 'Redo (Ctrl+Shift+Z)', disabled: true, onclick: actions.redo },
    h('span', { 'aria-hidden': 'true' }, '↷'), 'Redo');
  const words = h('input', { type: 'checkbox', id: 'snap-words', checked: initial.words });
  const others = h('input', { type: 'checkbox', id: 'show-others', checked: initial.others });
  const othersLabel = h('span', null, 'Others’ annotations');
  const hint = h('p', { class: 'toolbar-hint', id: 'annotate-hint', 'data-testid': 'annotate-hint' });
  let hintText = '';
  let noticeTimer = 0;
  const visibility = h('select', { id: 'project-visibility', 'data-testid': 'visibility', disabled: true },
    MODES.map((m) => h('option', { value: m.value, title: m.title }, m.text)));
  visibility.value = '';
  visibility.addEventListener('change', () => actions.setVisibility(visibility.value as Visibility));
  // Only those who may switch the mode (the project's owners, anyone at a local-mode server) get the control;
  // everyone else (a student) reads which mode it is.
  const modeText = h('span', { class: 'mode-text', 'data-testid': initial.mayChangeVisibility ? 'visibility-mode' : 'visibility' });
  const visibilityField = initial.mayChangeVisibility
    ? h('label', { class: 'toggle visibility', for: 'project-visibility' }, 'Visibility', visibility)
    : h('span', { class: 'toggle visibility', title: 'Set by the project’s owner' }, 'Visibility: ', modeText);
  const presence = h('p', { class: 'presence-list', 'data-testid': 'presence', 'aria-live': 'polite' });
  const annotators = h('div', { class: 'annotator-toggles', 'data-testid': 'annotators', role: 'group', 'aria-label': 'Annotators shown' });
  let annotatorsKey = '';
  words.addEventListener('change', () => actions.snapWords(words.checked));
  others.addEventListener('change', () => actions.showOthers(others.checked));

  const element = h('div', { class: 'annotate-toolbar', role: 'toolbar', 'aria-label': 'Annotation tools', 'aria-orientation': 'horizontal' },
    h('div', { class: 'toolbar-row' }, palette,
      h('div', { class: 'toolbar-end' }, undo, redo, connection, status)),
    h('div', { class: 'toolbar-row secondary' },
      hint,
      h('label', { class: 'toggle', for: 'snap-words' }, words, 'Snap to words'),
      h('label', { class: 'toggle', for: 'show-others' }, others, othersLabel),
      visibilityField),
    h('div', { class: 'toolbar-row secondary collaboration' }, presence, annotators));

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
      hintText = text;
      if (!noticeTimer) hint.textContent = text;
    },
    /** A message that must be seen (a key that did nothing, a duplicate refused): shown in place of the hint for a while. */
    notice(text: string) {
      window.clearTimeout(noticeTimer);
      hint.textContent = text;
      hint.classList.add('notice');
      noticeTimer = window.setTimeout(() => {
        noticeTimer = 0;
        hint.classList.remove('notice');
        hint.textContent = hintText;
      }, 6000);
    },
    setVisibility(mode: Visibility) {
      visibility.disabled = false;
      visibility.value = mode;
      visibility.dataset['mode'] = mode;
      modeText.textContent = MODES.find((m) => m.value === mode)?.text ?? mode;
      modeText.dataset['mode'] = mode;
    },
    /** Who else is here; greyed, and said to be perhaps gone, while the connection is down. */
    setPresence(names: readonly string[], state: Connection) {
      presence.textContent = presenceText(names, state);
      presence.classList.toggle('stale', state !== 'live');
    },
    /** One checkbox per other annotator with spans here, in their colour. */
    setAnnotators(list: readonly { userId: string; name: string; count: number }[], hidden: ReadonlySet<string>, enabled: boolean) {
      const key = `${enabled}|${list.map((a) => `${a.userId}:${a.count}:${hidden.has(a.userId)}`).join(',')}`;
      if (key === annotatorsKey) return;
      annotatorsKey = key;
      replace(annotators, list.map((a) => {
        const box = h('input', { type: 'checkbox', checked: !hidden.has(a.userId), disabled: !enabled, 'data-user': a.userId });
        box.addEventListener('change', () => actions.toggleAnnotator(a.userId, box.checked));
        return h('label', { class: 'toggle annotator', style: `--c:${annotatorColor(a.userId)}` },
          box, h('span', { class: 'swatch', 'aria-hidden': 'true' }), `${a.name} (${a.count.toLocaleString('en')})`);
      }));
    },
  };
}
