import { shortcuts } from '../model/app/keys';
import { h } from './dom';

/** The `?` dialog listing every keyboard shortcut. Escape closes it (native <dialog>). */
export function createHelpDialog(): HTMLDialogElement {
  const close = h('button', { type: 'button', class: 'button', autofocus: true }, 'Close');
  const dialog = h('dialog', { class: 'help-dialog', 'aria-labelledby': 'help-title' },
    h('h2', { id: 'help-title' }, 'Keyboard shortcuts'),
    shortcuts.map(({ section, items }) =>
      h('section', null,
        h('h3', null, section),
        h('dl', { class: 'shortcuts' },
          items.map(({ keys, action }) => [
            h('dt', null, keys.map((key, i) => [i > 0 ? ' or ' : null, h('kbd', null, key)])),
            h('dd', null, action),
          ])))),
    h('div', { class: 'dialog-actions' }, close));
  close.addEventListener('click', () => dialog.close());
  // A click on the backdrop (outside the dialog's box) closes it too.
  dialog.addEventListener('click', (event) => event.target === dialog && dialog.close());
  return dialog;
}
