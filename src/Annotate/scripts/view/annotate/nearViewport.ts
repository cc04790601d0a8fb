import type { ArticleDom } from './articleDom';

/** A layer drawn over the article (highlights, arcs) that follows which parts are near the viewport. */
export interface NearViewportListener {
  /** These parts came near the viewport or left it (the `visible` set is already updated). */
  near(changed: readonly number[]): void;
  /** The article was laid out anew (its size changed): drawn parts may have moved. Runs before the frame is painted. */
  resized(): void;
}

/**
 * Which top-level parts of the article are within 600 px of the viewport, for every layer at once. One
 * IntersectionObserver over the parts, not one per layer: on a long article (over a thousand parts) each observer
 * costs milliseconds in every frame of a scroll. (The browser's own `contentvisibilityautostatechange` was tried
 * instead: it renders farther ahead than 600 px, so more highlights were drawn and the scroll was no faster.)
 */
export class NearViewport {
  readonly visible = new Set<number>();
  private readonly listeners = new Set<NearViewportListener>();
  private readonly chunkIndex = new WeakMap<Element, number>();
  private readonly intersection: IntersectionObserver;
  private readonly resize: ResizeObserver;

  constructor(root: Element, dom: ArticleDom) {
    dom.chunks.forEach((c, i) => this.chunkIndex.set(c.el, i));
    this.resize = new ResizeObserver(() => this.listeners.forEach((l) => l.resized()));
    this.resize.observe(root);
    this.intersection = new IntersectionObserver((entries) => this.onIntersect(entries), { rootMargin: '600px 0px' });
    const observe = () => dom.chunks.forEach((c) => c.el.isConnected && this.intersection.observe(c.el));
    observe();
    void dom.complete.then(observe);
  }

  /** Listens until the returned function is called. */
  subscribe(listener: NearViewportListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    this.intersection.disconnect();
    this.resize.disconnect();
    this.listeners.clear();
  }

  private onIntersect(entries: IntersectionObserverEntry[]): void {
    const changed: number[] = [];
    for (const entry of entries) {
      const chunk = this.chunkIndex.get(entry.target);
      if (chunk === undefined) continue;
      if (entry.isIntersecting) this.visible.add(chunk);
      else this.visible.delete(chunk);
      changed.push(chunk);
    }
    if (changed.length > 0) this.listeners.forEach((l) => l.near(changed));
  }
}
