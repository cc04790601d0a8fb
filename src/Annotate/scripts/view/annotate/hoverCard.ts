import { h, replace } from '../dom';

export interface HoverItem {
  color: string;
  title: string;
  detail: string;
}

/** The labels under the mouse pointer, in a small card beside it (mouse only; the side list says the same). */
export function hoverCard() {
  const element = h('div', { class: 'hover-card', 'aria-hidden': 'true', hidden: true, 'data-testid': 'hover-card' });
  document.body.append(element);
  return {
    show(items: HoverItem[], x: number, y: number): void {
      if (items.length === 0) return void (element.hidden = true);
      replace(element, items.map((item) =>
        h('div', { class: 'hover-item', style: `--c:${item.color}` },
          h('span', { class: 'swatch' }),
          h('span', null, h('strong', null, item.title), item.detail ? h('span', { class: 'hover-detail' }, item.detail) : null))));
      element.hidden = false;
      const { width, height } = element.getBoundingClientRect();
      element.style.left = `${Math.min(x + 14, window.innerWidth - width - 8)}px`;
      element.style.top = `${y + 18 + height > window.innerHeight ? y - height - 10 : y + 18}px`;
    },
    hide(): void {
      element.hidden = true;
    },
    dispose(): void {
      element.remove();
    },
  };
}
