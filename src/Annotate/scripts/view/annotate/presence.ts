import { annotatorColor, initials } from '../../model/annotate/annotators';
import { h } from '../dom';
import type { Presence } from './viewState';

/** Small markers in the margin beside the block each other reader is at. */
export class PresenceMarkers {
  private readonly layer: HTMLElement;

  constructor(container: HTMLElement, private readonly blockEls: readonly HTMLElement[]) {
    this.layer = h('div', { class: 'presence-layer', 'data-testid': 'presence-markers', 'aria-hidden': 'true' });
    container.append(this.layer);
  }

  /** stale: the connection is down, so these readers may have left (shown faded). */
  render(people: readonly Presence[], stale = false): void {
    this.layer.classList.toggle('stale', stale);
    const box = this.layer.getBoundingClientRect();
    const markers = people.filter((p) => p.block !== null && this.blockEls[p.block]).map((p, i) => {
      const top = this.blockEls[p.block!]!.getBoundingClientRect().top - box.top;
      return h('span', {
        class: 'presence-marker', title: stale ? `${p.displayName} was reading here when the connection dropped` : `${p.displayName} is reading here`, 'data-user': p.userId, 'data-reading': p.block,
        style: `top:${Math.max(0, top)}px;--c:${annotatorColor(p.userId)};--i:${i}`,
      }, initials(p.displayName));
    });
    this.layer.replaceChildren(...markers);
  }

  dispose(): void {
    this.layer.remove();
  }
}
