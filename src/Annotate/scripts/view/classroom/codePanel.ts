import type { ClassInfo } from '../../api';
import { joinLink } from '../../model/classroom/classroom';
import type { AppContext } from '../context';
import { h, replace } from '../dom';
import { openProjector } from './projector';

export interface ClassActions {
  start(): void;
  setOpen(open: boolean): void;
}

/**
 * The class itself: "Start a class" before there is one; then the join code big enough to read off a projector,
 * the join link with a Copy button, "Close joining"/"Reopen" and "New code".
 */
export function codePanel(ctx: AppContext, actions: ClassActions) {
  const element = h('section', { class: 'class-card class-code-card', 'aria-labelledby': 'class-code-title', 'data-testid': 'class-code-panel' });
  let shown: string | null = null;

  function render(info: ClassInfo | null): void {
    const key = info ? `${info.code}:${info.open}` : '';
    if (key === shown) return; // the 3-second refresh must not rebuild what the teacher is clicking
    shown = key;
    const title = h('h2', { id: 'class-code-title' }, 'Join code');
    if (!info) {
      replace(element, title,
        h('p', null, 'Start a class to get a join code. Students open the join link (or type the code) with just a name: no accounts.'),
        h('div', { class: 'form-actions' },
          h('button', { type: 'button', class: 'button primary', 'data-testid': 'start-class', onclick: actions.start }, 'Start a class')));
      return;
    }
    const link = joinLink(location.origin, info.joinPath);
    const field = h('input', { id: 'join-link', type: 'text', readonly: true, value: link, class: 'join-link', spellcheck: 'false', 'data-testid': 'join-link' });
    const copy = h('button', { type: 'button', class: 'button' }, 'Copy');
    field.addEventListener('focus', () => field.select());
    copy.addEventListener('click', async () => {
      field.select();
      try {
        await navigator.clipboard.writeText(link);
        copy.textContent = 'Copied';
        ctx.announce('Join link copied to the clipboard.');
      } catch {
        field.focus();
        ctx.announce('Could not copy: the link is selected, press Ctrl+C to copy it.');
      }
    });
    replace(element, title,
      h('p', { class: 'class-code', 'data-testid': 'class-code', 'data-code': info.code, 'aria-label': `Join code ${[...info.code].join(' ')}`, tabindex: -1 }, info.code),
      h('p', { class: info.open ? 'class-state open' : 'class-state closed', 'data-testid': 'class-state', 'data-open': String(info.open) },
        info.open ? 'Open for joining.' : 'Joining is closed: the code no longer lets anyone in. Those already in stay in.'),
      h('div', { class: 'field' }, h('label', { for: 'join-link' }, 'Join link'), h('div', { class: 'copy-row' }, field, copy)),
      h('div', { class: 'form-actions' },
        h('button', { type: 'button', class: 'button', 'data-testid': 'toggle-joining', onclick: () => actions.setOpen(!info.open) },
          info.open ? 'Close joining' : 'Reopen'),
        h('button', { type: 'button', class: 'button primary', 'data-testid': 'projector-open', title: 'The code, the link and a QR code over the whole screen',
          onclick: () => openProjector(info.code, link) }, 'Show on projector'),
        h('button', { type: 'button', class: 'button subtle', 'data-testid': 'new-code', title: 'A new code; the old one stops working', onclick: actions.start },
          'New code')));
  }

  /** After starting a class (or a new code): the code, which a screen reader then reads out. */
  const focus = () => element.querySelector<HTMLElement>('.class-code')?.focus();

  return { element, render, focus };
}
