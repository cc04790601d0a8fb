import { laneX, type Arc, type EndBox } from '../../model/relations/arcLayout';

// The SVG of one relation arc: the visible stroke, a wider invisible stroke that takes the pointer, the arrowhead
// at the target of a directed type, and the type's name.

const NS = 'http://www.w3.org/2000/svg';

export interface ArcStyle {
  color: string;
  name: string;
  directed: boolean;
  /** Someone else's relation: dashed and fainter, like their spans. */
  other: boolean;
}

/** An end measured on the page (null when it is far from the viewport and was not measured). */
export interface DrawnEnd {
  box: EndBox;
}

export function arcShapes(arc: Arc, source: DrawnEnd | null, target: DrawnEnd | null, style: ArcStyle,
  options: { gutterRight: number; gutterStep: number; selected: boolean }): SVGElement[] {
  let d: string;
  let label: { x: number; y: number; anchor: 'middle' | 'start' } | null = null;
  let arrow: { x: number; y: number } | null = null;
  if (arc.kind === 'inline') {
    // Up from the source's middle, across above the line, down onto the target's middle.
    const y = Math.min(source?.box.top ?? arc.baseline, target?.box.top ?? arc.baseline) - 1;
    const r = Math.min(3, Math.abs(arc.to - arc.from) / 2);
    const dir = arc.to >= arc.from ? 1 : -1;
    d = `M${arc.from} ${y} V${arc.top + r} Q${arc.from} ${arc.top} ${arc.from + dir * r} ${arc.top} H${arc.to - dir * r} Q${arc.to} ${arc.top} ${arc.to} ${arc.top + r} V${y}`;
    label = { x: (arc.from + arc.to) / 2, y: arc.top - 2, anchor: 'middle' };
    arrow = { x: arc.to, y };
  } else {
    // From just above each end's first line, out to the arc's lane in the gutter, along it, and back.
    const x = laneX(arc.lane, { inlineRise: 0, inlineStep: 0, gutterRight: options.gutterRight, gutterStep: options.gutterStep });
    const sy = source ? source.box.top - 2 : arc.fromY;
    const ty = target ? target.box.top - 2 : arc.toY;
    const parts = [source ? `M${source.box.left + 3} ${sy + 2} V${sy} H${x}` : `M${x} ${sy}`, `V${ty}`];
    if (target) parts.push(`H${target.box.left + 3} V${ty + 2}`);
    d = parts.join(' ');
    if (source) label = { x: source.box.left + 6, y: sy - 2, anchor: 'start' };
    if (target) arrow = { x: target.box.left + 3, y: ty + 2 };
  }

  const g = document.createElementNS(NS, 'g');
  g.setAttribute('class', `arc${style.other ? ' other' : ''}${options.selected ? ' selected' : ''}`);
  g.dataset['relation'] = arc.id;
  g.style.setProperty('--c', style.color);
  const hit = path(d, 'arc-hit');
  const line = path(d, 'arc-line');
  g.append(hit, line);
  if (arrow && style.directed) {
    const head = path(`M${arrow.x - 3.5} ${arrow.y - 4} L${arrow.x} ${arrow.y + 1} L${arrow.x + 3.5} ${arrow.y - 4} Z`, 'arc-head');
    g.append(head);
  }
  if (label) {
    const text = document.createElementNS(NS, 'text');
    text.setAttribute('class', 'arc-label');
    text.setAttribute('x', String(label.x));
    text.setAttribute('y', String(label.y));
    text.setAttribute('text-anchor', label.anchor);
    text.textContent = style.name;
    g.append(text);
  }
  return [g];
}

function path(d: string, cls: string): SVGPathElement {
  const p = document.createElementNS(NS, 'path');
  p.setAttribute('d', d);
  p.setAttribute('class', cls);
  return p;
}
