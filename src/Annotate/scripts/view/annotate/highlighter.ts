import type { Block } from '../../api/types';
import type { SpanStyle } from '../../model/annotate/annotationLens';
import { assignLanes, freeLane, laneGeometry } from '../../model/annotate/lanes';
import { mergeLineBoxes, type Box } from '../../model/annotate/lineRects';
import { SpanIndex } from '../../model/annotate/spanIndex';
import type { ArticleDom } from './articleDom';
import type { TextMap } from './textMap';


type Placed = SpanStyle & { lane: number };
interface Line { span: Placed; box: Box; step: number; thickness: number }

/**
 * Draws spans as stacked underlines in an overlay behind the text, only for the parts of the article near the
 * viewport. Adding or removing a span redraws just the chunks it touches; a change of layout (width, fonts, a
 * long article's parts being laid out) redraws what is visible.
 */
export class Highlighter {
  readonly layer: HTMLElement;
  private readonly index: SpanIndex<Placed>;
  private readonly groups = new Map<number, HTMLElement>();
  private readonly visible = new Set<number>();
  private readonly chunkIndex = new WeakMap<Element, number>();
  private selected: string | null = null;
  private readonly dirty = new Set<number>();
  private frame = 0;
  private readonly intersection: IntersectionObserver;
  private readonly resize: ResizeObserver;

  constructor(container: HTMLElement, private readonly map: TextMap, private readonly dom: ArticleDom, private readonly blocks: readonly Block[]) {
    this.index = new SpanIndex(blocks);
    dom.chunks.forEach((c, i) => this.chunkIndex.set(c.el, i));
    this.layer = document.createElement('div');
    this.layer.className = 'hl-layer';
    this.layer.setAttribute('aria-hidden', 'true');
    container.append(this.layer);
    this.intersection = new IntersectionObserver((entries) => this.onIntersect(entries), { rootMargin: '600px 0px' });
    // Layout changed (width, fonts, parts of a long article laid out): redraw now, before this frame is painted.
    this.resize = new ResizeObserver(() => {
      this.visible.forEach((c) => this.dirty.add(c));
      this.flush();
    });
    const observe = () => dom.chunks.forEach((c) => c.el.isConnected && this.intersection.observe(c.el));
    observe();
    void dom.complete.then(observe);
    this.resize.observe(map.root);
  }

  get size(): number {
    return this.index.size;
  }

  /** Replaces every span (a load, or the others' overlay switched on or off). */
  reset(spans: readonly SpanStyle[]): void {
    const lanes = assignLanes(spans);
    for (const s of [...this.index.values()]) this.index.delete(s.id);
    for (const s of spans) this.index.set({ ...s, lane: lanes.get(s.id) ?? 0 });
    this.redraw([...this.visible]);
  }

  upsert(span: SpanStyle): void {
    const old = this.index.get(span.id);
    const lane = old && old.start === span.start && old.end === span.end
      ? old.lane
      : freeLane(span, this.index.overlapping(span.start, span.end));
    this.redraw(this.chunksOf(this.index.set({ ...span, lane })));
  }

  remove(id: string): void {
    this.redraw(this.chunksOf(this.index.delete(id)));
  }

  select(id: string | null): void {
    const before = this.selected ? this.index.blocksOf(this.selected) : [];
    this.selected = id;
    this.redraw(this.chunksOf([...before, ...(id ? this.index.blocksOf(id) : [])]));
  }

  /** Spans under a text offset, innermost first. */
  spansAt(offset: number): SpanStyle[] {
    const block = this.map.model.blockAt(offset);
    return block < 0 ? [] : this.index.at(offset, block);
  }

  dispose(): void {
    cancelAnimationFrame(this.frame);
    this.intersection.disconnect();
    this.resize.disconnect();
    this.layer.remove();
  }

  private chunksOf(blocks: readonly number[]): number[] {
    return [...new Set(blocks.map((b) => this.dom.chunkOf[b] ?? -1))].filter((c) => c >= 0);
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
    this.redraw(changed);
  }

  /** Marks chunks for drawing in the next frame (several changes in one task draw once). */
  private redraw(chunks: readonly number[]): void {
    if (chunks.length === 0) return;
    chunks.forEach((c) => this.dirty.add(c));
    if (!this.frame) this.frame = requestAnimationFrame(() => this.flush());
  }

  /** Draws the dirty chunks: measures everything first, then writes, so the browser lays out once. */
  private flush(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    if (this.dirty.size === 0) return;
    const chunks = [...this.dirty];
    this.dirty.clear();
    const origin = this.layer.getBoundingClientRect();
    const drawn = chunks.map((chunk) => ({ chunk, lines: this.visible.has(chunk) ? this.measure(chunk) : null }));
    for (const { chunk, lines } of drawn) {
      if (!lines) {
        this.groups.get(chunk)?.remove();
        this.groups.delete(chunk);
        continue;
      }
      let group = this.groups.get(chunk);
      if (!group) {
        group = document.createElement('div');
        group.className = 'hl-group';
        this.layer.append(group);
        this.groups.set(chunk, group);
      }
      group.replaceChildren(...lines.flatMap((line) => this.draw(line, origin)));
    }
  }

  private measure(chunk: number): Line[] {
    const { first, last } = this.dom.chunks[chunk]!;
    const lines: Line[] = [];
    for (let b = first; b >= 0 && b <= last; b++) {
      const spans = [...this.index.inBlock(b)];
      if (spans.length === 0) continue;
      const el = this.map.blockElement(b);
      const block = this.blocks[b]!;
      const lineHeight = el ? parseFloat(getComputedStyle(el).lineHeight) : NaN;
      const fontSize = el ? parseFloat(getComputedStyle(el).fontSize) : 16;
      const room = Number.isFinite(lineHeight) ? Math.max(6, lineHeight - fontSize * 1.25) : 12;
      const { step, thickness } = laneGeometry(Math.max(...spans.map((s) => s.lane)), room);
      for (const span of spans) {
        const range = this.map.range(Math.max(span.start, block.start), Math.min(span.end, block.end));
        if (!range || range.collapsed) continue;
        for (const box of mergeLineBoxes([...range.getClientRects()])) lines.push({ span, box, step, thickness });
      }
    }
    return lines;
  }

  private draw({ span, box, step, thickness }: Line, origin: DOMRect): HTMLElement[] {
    const left = box.left - origin.left;
    const width = box.right - box.left;
    const out: HTMLElement[] = [];
    if (span.id === this.selected) {
      const fill = document.createElement('div');
      fill.className = 'hl-fill';
      fill.style.cssText = `left:${left}px;top:${box.top - origin.top}px;width:${width}px;height:${box.bottom - box.top}px;--c:${span.color}`;
      out.push(fill);
    }
    const line = document.createElement('div');
    line.className = span.other ? 'hl-line other' : 'hl-line';
    line.dataset['span'] = span.id;
    line.style.cssText = `left:${left}px;top:${box.bottom - origin.top + 1 + span.lane * step}px;width:${width}px;height:${thickness}px;--c:${span.color}`;
    out.push(line);
    return out;
  }
}
