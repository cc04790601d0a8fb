import type { Annotation } from '../../api/annotationTypes';
import type { Block } from '../../api/types';
import { layoutArcs, offsetLanes, type Arc, type ArcInput, type EndBox } from '../../model/relations/arcLayout';
import { mergeLineBoxes } from '../../model/annotate/lineRects';
import { blockAt } from '../../model/text/textIndex';
import type { ArticleDom } from './articleDom';
import type { NearViewport } from './nearViewport';
import { arcShapes, type ArcStyle, type DrawnEnd } from './arcShapes';
import type { TextMap } from './textMap';

/** What the arc layer draws from: the drawn relations and how each looks. */
export interface ArcSource {
  /** The relations to draw (both ends drawn), in text order. */
  relations(): readonly Annotation[];
  span(id: string): Annotation | undefined;
  style(relation: Annotation): ArcStyle;
}

export interface ArcEvents {
  /** The pointer is over a relation's arc (null: left it). */
  hover(id: string | null, x: number, y: number): void;
  click(id: string): void;
}

const NS = 'http://www.w3.org/2000/svg';
const gutterStep = 5;
const scrollDrawMs = 120;

/**
 * Draws relations as arcs over the text (issue 17), for the parts of the article near the viewport only, like the
 * highlighter draws spans: an arc above the line when both ends share a line, else a bracket in the left gutter.
 * Gutter lanes come from text offsets, so they are known without laying out a long article; an end far from the
 * viewport is not measured at all (its bracket simply runs out of view). Scrolling costs nothing: the layer is
 * redrawn when the parts near the viewport or the relations change, or when a new layout moved the parts it drew.
 */
export class ArcLayer {
  readonly element: HTMLElement;
  private readonly svg: SVGSVGElement;
  private readonly arcs: SVGGElement;
  private readonly focus: SVGGElement;
  private readonly visible: ReadonlySet<number>;
  private readonly unsubscribe: () => void;
  /** Where each part near the viewport was (its top and width, in the layer's coordinates) when last drawn. */
  private drawnAt = new Map<number, { top: number; width: number }>();
  private lanes = new Map<string, number>();
  /** The relations to draw and their ends' offsets, gathered again only when they change (not on every scroll). */
  private relations: { relation: Annotation; source: Annotation; target: Annotation; first: number; last: number }[] = [];
  /** What each drawn arc looks like, so a redraw keeps the elements of arcs that did not change. */
  private readonly drawnShapes = new Map<string, { key: string; nodes: SVGElement[] }>();
  private frame = 0;
  private stale = true;
  private selected: string | null = null;
  private emphasised: string | null = null;
  private preview: { source: string; target: string | null } | null = null;
  private previewNodes: SVGElement[] = [];
  private draws = 0;
  private later = 0;
  private disposed = false;
  private lastDraw = -Infinity;
  /** The ends of what was last drawn, by relation, for outlining the hovered or selected one. */
  private drawnEnds = new Map<string, { source: DrawnEnd | null; target: DrawnEnd | null; arc: Arc }>();

  constructor(container: HTMLElement, private readonly map: TextMap, private readonly dom: ArticleDom, private readonly blocks: readonly Block[],
    private readonly source: ArcSource, private readonly events: ArcEvents, near: NearViewport) {
    this.element = document.createElement('div');
    this.element.className = 'arc-layer';
    this.element.setAttribute('aria-hidden', 'true');
    this.svg = document.createElementNS(NS, 'svg');
    this.arcs = document.createElementNS(NS, 'g');
    this.focus = document.createElementNS(NS, 'g');
    this.focus.setAttribute('class', 'arc-focus');
    this.svg.append(this.arcs, this.focus);
    this.element.append(this.svg);
    container.append(this.element);
    this.visible = near.visible;
    this.unsubscribe = near.subscribe({ near: () => this.scheduleWhileScrolling(), resized: () => this.relayout() });
    this.svg.addEventListener('pointerover', this.onOver);
    this.svg.addEventListener('pointerout', this.onOut);
    this.svg.addEventListener('click', this.onClick);
  }

  /** The relations (or their ends) changed: lanes are placed again and the visible part redrawn. */
  changed(): void {
    this.stale = true;
    this.schedule();
  }

  select(id: string | null): void {
    this.selected = id;
    this.schedule();
  }

  /** Outlines a relation's two ends (hover on its arc or its row), or none. */
  emphasise(id: string | null): void {
    if (this.emphasised === id) return;
    this.emphasised = id;
    this.drawFocus();
  }

  /** While linking: a dashed line from the source span to the chosen target (or none yet). */
  setPreview(preview: { source: string; target: string | null } | null): void {
    this.preview = preview;
    this.schedule();
  }

  dispose(): void {
    this.disposed = true;
    cancelAnimationFrame(this.frame);
    clearTimeout(this.later);
    this.unsubscribe();
    this.element.remove();
  }

  /**
   * The article was laid out anew: redrawn only when a part it drew moved or changed width. In a first scroll through
   * a long article, the parts laid out for the first time are ahead of the viewport, below what is drawn.
   */
  private relayout(): void {
    if (this.drawnAt.size === 0 || this.frame) return;
    const origin = this.element.getBoundingClientRect();
    for (const [chunk, at] of this.drawnAt) {
      const box = this.dom.chunks[chunk]!.el.getBoundingClientRect();
      if (Math.abs(box.width - at.width) >= 0.5) {
        this.schedule();
        return;
      }
      if (Math.abs(box.top - origin.top - at.top) >= 0.5) {
        this.scheduleWhileScrolling();
        return;
      }
    }
  }

  /**
   * Draws in a task after the next frame is painted, not in the frame itself: by then the layout the highlighter's
   * writes dirtied is done, so measuring the ends forces none (the arcs show one frame after the spans).
   */
  private schedule(): void {
    clearTimeout(this.later);
    this.later = 0;
    if (!this.frame) this.frame = requestAnimationFrame(() => setTimeout(() => !this.disposed && this.draw(), 0));
  }

  /**
   * Parts coming near the viewport: drawn at most every scrollDrawMs while they keep coming (a fast scroll), and
   * once more when they stop. The parts are laid out 600 px ahead, so the arcs are there before they are seen.
   */
  private scheduleWhileScrolling(): void {
    if (this.frame || this.later) return;
    const wait = this.lastDraw + scrollDrawMs - performance.now();
    if (wait <= 0) this.schedule();
    else this.later = window.setTimeout(() => this.schedule(), wait);
  }

  private chunkOf(offset: number): number {
    const block = blockAt(this.blocks, offset);
    return block < 0 ? -1 : this.dom.chunkOf[block] ?? -1;
  }

  /** Gathers the relations to draw and places their gutter lanes (after a change of relations or spans). */
  private gather(): void {
    this.relations = [];
    for (const relation of this.source.relations()) {
      const source = this.source.span(relation.sourceSpan ?? '');
      const target = this.source.span(relation.targetSpan ?? '');
      if (!source || !target) continue;
      this.relations.push({ relation, source, target, first: this.chunkOf(Math.min(source.start!, target.start!)), last: this.chunkOf(Math.max(source.start!, target.start!)) });
    }
    this.lanes = offsetLanes(this.relations.map(({ relation, source, target }) =>
      ({ id: relation.id, start: Math.min(source.start!, target.start!), end: Math.max(source.start!, target.start!) })));
    this.stale = false;
  }

  private draw(): void {
    this.frame = 0;
    const began = this.lastDraw = performance.now();
    if (this.stale) this.gather();
    this.element.classList.toggle('has-arcs', this.relations.length > 0);
    if (this.visible.size === 0 || (this.relations.length === 0 && !this.preview)) {
      this.arcs.replaceChildren();
      this.drawnShapes.clear();
      this.drawnEnds.clear();
      this.drawnAt.clear();
      this.drawFocus();
      return;
    }
    let first = Infinity;
    let last = -Infinity;
    for (const chunk of this.visible) {
      first = Math.min(first, chunk);
      last = Math.max(last, chunk);
    }
    const origin = this.element.getBoundingClientRect();
    this.drawnAt = new Map([...this.visible].map((chunk) => {
      const box = this.dom.chunks[chunk]!.el.getBoundingClientRect();
      return [chunk, { top: box.top - origin.top, width: box.width }];
    }));
    const ends = new Map<string, DrawnEnd | null>();
    const endOf = (span: Annotation): DrawnEnd | null => {
      if (!ends.has(span.id)) ends.set(span.id, this.measure(span, origin));
      return ends.get(span.id)!;
    };
    const chunkTop = new Map<number, number>();
    const approx = (chunk: number): EndBox => {
      if (!chunkTop.has(chunk)) chunkTop.set(chunk, (this.dom.chunks[chunk]?.el.getBoundingClientRect().top ?? 0) - origin.top);
      const y = chunkTop.get(chunk)!;
      return { left: 0, right: 0, top: y, bottom: y + 1 };
    };

    const inputs: ArcInput[] = [];
    const known = new Map<string, { relation: Annotation; source: DrawnEnd | null; target: DrawnEnd | null }>();
    for (const { relation: r, source: s, target: t, first: from, last: to } of this.relations) {
      if (to < first || from > last) continue;
      const cs = this.chunkOf(s.start!);
      const ct = this.chunkOf(t.start!);
      const se = this.visible.has(cs) ? endOf(s) : null;
      const te = this.visible.has(ct) ? endOf(t) : null;
      known.set(r.id, { relation: r, source: se, target: te });
      inputs.push({ id: r.id, source: se?.box ?? approx(cs), target: te?.box ?? approx(ct) });
    }
    const gutter = this.gutter(origin);
    const laid = layoutArcs(inputs, { inlineRise: 7, inlineStep: 4, gutterRight: gutter.right, gutterStep });
    this.drawnEnds = new Map();
    const keep = new Set<string>();
    for (const arc of laid) {
      const placed = arc.kind === 'gutter' ? { ...arc, lane: Math.min(this.lanes.get(arc.id) ?? arc.lane, gutter.lanes - 1) } : arc;
      const { relation, source: se, target: te } = known.get(arc.id)!;
      this.drawnEnds.set(arc.id, { source: se, target: te, arc: placed });
      const style = this.source.style(relation);
      const selected = arc.id === this.selected;
      // The same geometry and look as drawn last time: the elements stay (a scroll redraws few arcs).
      const key = JSON.stringify([placed, se?.box, te?.box, style, selected]);
      keep.add(arc.id);
      if (this.drawnShapes.get(arc.id)?.key === key) continue;
      this.drawnShapes.get(arc.id)?.nodes.forEach((n) => n.remove());
      const nodes = arcShapes(placed, se, te, style, { gutterRight: gutter.right, gutterStep, selected });
      this.arcs.append(...nodes);
      this.drawnShapes.set(arc.id, { key, nodes });
    }
    for (const [id, drawn] of this.drawnShapes) {
      if (keep.has(id)) continue;
      drawn.nodes.forEach((n) => n.remove());
      this.drawnShapes.delete(id);
    }
    this.previewNodes.forEach((n) => n.remove());
    this.previewNodes = this.previewShapes(endOf);
    this.arcs.append(...this.previewNodes);
    this.drawFocus();
    // For the long-article benchmark: how long drawing the arcs takes while scrolling (the last thousand kept).
    if (++this.draws % 1000 === 0) performance.clearMeasures('annotate:arcs-drawn');
    performance.measure('annotate:arcs-drawn', { start: began });
  }

  /** A span's first line, in the layer's coordinates. */
  private measure(span: Annotation, origin: DOMRect): DrawnEnd | null {
    const block = this.blocks[blockAt(this.blocks, span.start!)];
    const range = this.map.range(span.start!, Math.min(span.end!, block?.end ?? span.end!));
    if (!range) return null;
    const line = mergeLineBoxes([...range.getClientRects()])[0];
    if (!line) return null;
    return { box: { left: line.left - origin.left, right: line.right - origin.left, top: line.top - origin.top, bottom: line.bottom - origin.top } };
  }

  /** Where the gutter ends (just left of the text) and how many lanes fit between it and the article's edge. */
  private gutter(origin: DOMRect): { right: number; lanes: number } {
    const text = this.map.root.getBoundingClientRect().left;
    const article = this.element.closest('.article')?.getBoundingClientRect();
    const room = article ? text - article.left - 8 : 24;
    return { right: text - origin.left - 4, lanes: Math.max(2, Math.floor(room / gutterStep)) };
  }

  private previewShapes(endOf: (span: Annotation) => DrawnEnd | null): SVGElement[] {
    if (!this.preview) return [];
    const s = this.source.span(this.preview.source);
    if (!s) return [];
    const se = this.visible.has(this.chunkOf(s.start!)) ? endOf(s) : null;
    if (!se) return [];
    const mark = document.createElementNS(NS, 'rect');
    mark.setAttribute('class', 'arc-link-source');
    setBox(mark, se.box, 3);
    const t = this.preview.target ? this.source.span(this.preview.target) : undefined;
    const te = t && this.visible.has(this.chunkOf(t.start!)) ? endOf(t) : null;
    if (!te) return [mark];
    const line = document.createElementNS(NS, 'path');
    line.setAttribute('class', 'arc-link-preview');
    const [x1, y1, x2, y2] = [(se.box.left + se.box.right) / 2, se.box.top - 2, (te.box.left + te.box.right) / 2, te.box.top - 2];
    line.setAttribute('d', `M${x1} ${y1} Q${(x1 + x2) / 2} ${Math.min(y1, y2) - 24} ${x2} ${y2}`);
    const target = document.createElementNS(NS, 'rect');
    target.setAttribute('class', 'arc-link-target');
    setBox(target, te.box, 3);
    return [mark, line, target];
  }

  private drawFocus(): void {
    const shapes: SVGElement[] = [];
    for (const id of new Set([this.selected, this.emphasised])) {
      const drawn = id ? this.drawnEnds.get(id) : undefined;
      if (!drawn) continue;
      for (const end of [drawn.source, drawn.target]) {
        if (!end) continue;
        const rect = document.createElementNS(NS, 'rect');
        rect.setAttribute('class', 'arc-end');
        setBox(rect, end.box, 2);
        shapes.push(rect);
      }
    }
    this.focus.replaceChildren(...shapes);
  }

  private readonly onOver = (event: PointerEvent) => {
    const id = relationOf(event.target);
    if (id) this.events.hover(id, event.clientX, event.clientY);
  };

  private readonly onOut = (event: PointerEvent) => {
    if (relationOf(event.target) && !relationOf(event.relatedTarget)) this.events.hover(null, 0, 0);
  };

  private readonly onClick = (event: MouseEvent) => {
    const id = relationOf(event.target);
    if (!id) return;
    event.stopPropagation(); // not a click on the text under it
    this.events.click(id);
  };
}

function relationOf(target: EventTarget | null): string | null {
  return target instanceof SVGElement ? target.closest<SVGElement>('[data-relation]')?.dataset['relation'] ?? null : null;
}

function setBox(rect: SVGRectElement, box: EndBox, pad: number): void {
  rect.setAttribute('x', String(box.left - pad));
  rect.setAttribute('y', String(box.top - pad));
  rect.setAttribute('width', String(box.right - box.left + 2 * pad));
  rect.setAttribute('height', String(box.bottom - box.top + 2 * pad));
  rect.setAttribute('rx', '3');
}
