import type { CodebookRelation } from '../../api/annotationTypes';
import { h } from '../dom';

/**
 * A small menu beside the target span asking which relation type to make, when the codebook allows several: each
 * type with its key (pressed or clicked), arrow keys between them, Escape to close without choosing.
 */
export function typeChooser(types: readonly CodebookRelation[], near: DOMRect | null,
  on: { choose(type: CodebookRelation): void; cancel(): void }): void {
  document.querySelector('.type-chooser')?.remove();
  const buttons = types.map((t) => h('button', { type: 'button', role: 'menuitem', class: 'type-choice', 'data-type': t.id, style: `--c:${t.color ?? '#4b5563'}` },
    t.key ? h('kbd', null, t.key) : null, ' ', t.name));
  const menu = h('div', { class: 'type-chooser', role: 'menu', 'aria-label': 'Relation type', 'data-testid': 'relation-type-chooser' },
    h('p', { class: 'type-chooser-title' }, 'Which relation?'), buttons);
  const close = () => {
    menu.remove();
    document.removeEventListener('pointerdown', outside, true);
  };
  const outside = (event: PointerEvent) => {
    if (!menu.contains(event.target as Node)) {
      close();
      on.cancel();
    }
  };
  menu.addEventListener('click', (event) => {
    const id = (event.target as Element).closest<HTMLElement>('[data-type]')?.dataset['type'];
    const type = types.find((t) => t.id === id);
    if (!type) return;
    close();
    on.choose(type);
  });
  menu.addEventListener('keydown', (event) => {
    event.stopPropagation(); // the page's keys (labels, n/p) are not meant here
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
      on.cancel();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      buttons[(i + (event.key === 'ArrowDown' ? 1 : -1) + buttons.length) % buttons.length]?.focus();
    } else {
      const type = types.find((t) => t.key !== null && t.key.toLowerCase() === event.key.toLowerCase());
      if (type) {
        event.preventDefault();
        close();
        on.choose(type);
      }
    }
  });
  document.body.append(menu);
  // Beside the target, kept on screen (a phone's width too).
  const width = menu.offsetWidth;
  const left = Math.max(8, Math.min((near?.left ?? 16), window.innerWidth - width - 8));
  const below = (near?.bottom ?? 120) + 6;
  const top = below + menu.offsetHeight > window.innerHeight - 8 ? Math.max(8, (near?.top ?? 120) - menu.offsetHeight - 6) : below;
  menu.style.left = `${left}px`;
  menu.style.top = `${top}px`;
  document.addEventListener('pointerdown', outside, true);
  buttons[0]?.focus();
}
