import type { Block } from '../../api/types';
import type { SpanStyle } from '../../model/annotate/annotationLens';
import { assignLanes, freeLane, laneGeometry } from '../../model/annotate/lanes';
import { mergeLineBoxes, type Box } from '../../model/annotate/lineRects';
import { SpanIndex } from '../../model/annotate/spanIndex';
import type { ArticleDom } from './articleDom';
import type { NearViewport } from './nearViewport';
import type { TextMap } from './textMap';

type Placed = SpanStyle & { lane: number };
interface Line { span: Placed; box: Box; step: number; thickness: number }
/** A drawn chunk: its group of lines and where the chunk was (in the layer's coordinates) when they were measured. */
interface Drawn { group: HTMLElement; top: number; left: number; width: number; height: number }

/**
 * Draws spans as stacked underlines in an overlay behind the text, only for the parts of the article near the
 * viewport. Adding or removing a span redraws just the chunks it touches. When the article is laid out anew, a chunk
 * whose own size changed is redrawn, and one that only moved (a part above it was laid out for the first time, as
 * happens all through a first scroll of a long article) is shifted, without measuring its lines again.
 */
export class Highlighter {
  readonly layer: HTMLElement;
  private readonly index: SpanIndex<Placed>;
  private readonly drawn = new Map<number, Drawn>();
  private readonly visible: ReadonlySet<number>;
  private selected: string | null = null;
  private readonly dirty = new Set<number>();
  private frame = 0;
  private readonly unsubscribe: () => void;

  constructor(container: HTMLElement, private readonly map: TextMap, private readonly dom: ArticleDom, private readonly blocks: readonly Block[],
    near: NearViewport) {
    this.index = new SpanIndex(blocks);
    this.layer = document.createElement('div');
    this.layer.className = 'hl-layer';
    this.layer.setAttribute('aria-hidden', 'true');
    container.append(this.layer);
    this.visible = near.visible;
    this.unsubscribe = near.subscribe({ near: (changed) => this.redraw(changed), resized: () => this.relayout() });
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
    this.unsubscribe();
    this.layer.remove();
  }

  private chunksOf(blocks: readonly number[]): number[] {
    return [...new Set(blocks.map((b) => this.dom.chunkOf[b] ?? -1))].filter((c) => c >= 0);
  }

  /**
   * The article was laid out anew (width, fonts, a part laid out for the first time), before this frame is painted:
   * chunks whose box changed size are redrawn; those that only moved are shifted. Reads every box, then writes.
   */
  private relayout(): void {
    const origin = this.layer.getBoundingClientRect();
    const moves: [HTMLElement, number][] = [];
    for (const [chunk, at] of this.drawn) {
      const box = this.dom.chunks[chunk]!.el.getBoundingClientRect();
      if (!same(box.left - origin.left, at.left) || !same(box.width, at.width) || !same(box.height, at.height)) this.dirty.add(chunk);
      else moves.push([at.group, box.top - origin.top - at.top]);
    }
    for (const [group, dy] of moves) {
      const transform = Math.abs(dy) < 0.5 ? '' : `translateY(${dy}px)`;
      if (group.style.transform !== transform) group.style.transform = transform;
    }
    this.flush();
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
    const measured = chunks.map((chunk) => {
      if (!this.visible.has(chunk)) return { chunk, lines: null, box: null };
      const lines = this.measure(chunk);
      return { chunk, lines, box: this.dom.chunks[chunk]!.el.getBoundingClientRect() };
    });
    for (const { chunk, lines, box } of measured) {
      if (!lines || !box) {
        this.drawn.get(chunk)?.group.remove();
        this.drawn.delete(chunk);
        continue;
      }
      let group = this.drawn.get(chunk)?.group;
      if (!group) {
        group = document.createElement('div');
        group.className = 'hl-group';
        this.layer.append(group);
      }
      group.style.transform = '';
      group.replaceChildren(...lines.flatMap((line) => this.draw(line, origin)));
      this.drawn.set(chunk, { group, top: box.top - origin.top, left: box.left - origin.left, width: box.width, height: box.height });
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

function same(a: number, b: number): boolean {
  return Math.abs(a - b) < 0.5;
}
