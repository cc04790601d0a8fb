import type { SpanRow } from '../../model/annotate/annotationLens';
import { scrollToRow, visibleRows } from '../../model/annotate/virtualWindow';
import { h, replace } from '../dom';


const rowHeight = 72;

const order = (a: SpanRow, b: SpanRow) => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Every span in text order, as a listbox that renders only the rows in view (an article may have thousands).
 * Enter or a click selects the span in the text.
 */
export class SpanList {
  readonly element: HTMLElement;
  private readonly sizer: HTMLElement;
  private rows: SpanRow[] = [];
  private readonly byId = new Map<string, SpanRow>();
  private active: string | null = null;
  private frame = 0;

  constructor(private readonly activate: (id: string) => void) {
    this.sizer = h('div', { class: 'span-list-sizer' });
    this.element = h('div', {
      class: 'span-list', role: 'listbox', tabindex: 0, 'aria-label': 'Spans in text order', 'data-testid': 'span-list',
    }, this.sizer);
    this.element.addEventListener('scroll', () => this.schedule());
    this.element.addEventListener('click', (event) => {
      const id = (event.target as Element).closest<HTMLElement>('[role=option]')?.dataset['id'];
      if (id) this.activate(id);
    });
    this.element.addEventListener('keydown', (event) => this.onKey(event));
    new ResizeObserver(() => this.schedule()).observe(this.element);
  }

  get count(): number {
    return this.rows.length;
  }

  set(rows: SpanRow[]): void {
    this.rows = [...rows].sort(order);
    this.byId.clear();
    for (const row of this.rows) this.byId.set(row.id, row);
    this.schedule();
  }

  upsert(row: SpanRow): void {
    this.removeRow(row.id);
    this.rows.splice(this.lowerBound(row), 0, row);
    this.byId.set(row.id, row);
    this.schedule();
  }

  remove(id: string): void {
    if (this.removeRow(id)) this.schedule();
  }

  /** Marks the span as the active row and scrolls it into view (in the next frame). */
  select(id: string | null): void {
    this.active = id;
    this.scrollToActive = true;
    this.schedule();
  }

  private scrollToActive = false;

  private indexOf(id: string): number {
    const row = this.byId.get(id);
    if (!row) return -1;
    for (let i = this.lowerBound(row); i < this.rows.length; i++) {
      if (this.rows[i]!.id === id) return i;
      if (order(this.rows[i]!, row) > 0) break;
    }
    return this.rows.findIndex((r) => r.id === id);
  }

  private lowerBound(row: SpanRow): number {
    let lo = 0;
    let hi = this.rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (order(this.rows[mid]!, row) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private removeRow(id: string): boolean {
    const i = this.indexOf(id);
    if (i >= 0) this.rows.splice(i, 1);
    this.byId.delete(id);
    return i >= 0;
  }

  private onKey(event: KeyboardEvent): void {
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (step || event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      event.stopPropagation();
      const i = this.active ? this.indexOf(this.active) : -1;
      const next = event.key === 'Home' ? 0 : event.key === 'End' ? this.rows.length - 1 : Math.max(0, Math.min(this.rows.length - 1, i + step));
      const row = this.rows[next];
      if (row) this.activate(row.id);
    }
  }

  private schedule(): void {
    if (!this.frame) this.frame = requestAnimationFrame(() => this.render());
  }

  private render(): void {
    this.frame = 0;
    this.sizer.style.height = `${this.rows.length * rowHeight}px`;
    if (this.scrollToActive) {
      this.scrollToActive = false;
      const index = this.active ? this.indexOf(this.active) : -1;
      if (index >= 0) this.element.scrollTop = scrollToRow(index, this.element.scrollTop, this.element.clientHeight, rowHeight);
    }
    const { first, last } = visibleRows(this.element.scrollTop, this.element.clientHeight || 600, rowHeight, this.rows.length);
    replace(this.sizer, this.rows.slice(first, last).map((row, i) => this.renderRow(row, first + i)));
    const active = this.active && this.byId.has(this.active) ? `span-row-${this.active}` : null;
    if (active) this.element.setAttribute('aria-activedescendant', active);
    else this.element.removeAttribute('aria-activedescendant');
  }

  private renderRow(row: SpanRow, index: number): HTMLElement {
    return h('div', {
      role: 'option', id: `span-row-${row.id}`, class: `span-row${row.other ? ' other' : ''}`, 'data-id': row.id,
      'aria-selected': String(row.id === this.active), 'aria-setsize': this.rows.length, 'aria-posinset': index + 1,
      style: `top:${index * rowHeight}px;height:${rowHeight}px;--c:${row.color}`,
    },
    h('span', { class: 'span-row-title' },
      h('span', { class: 'swatch', 'aria-hidden': 'true' }),
      h('strong', null, row.title), h('span', { class: 'span-row-layer' }, row.layer),
      row.warning ? h('span', { class: 'span-row-warning', title: row.warning }, '⚠', h('span', { class: 'visually-hidden' }, row.warning)) : null),
    h('span', { class: 'span-row-quote', dir: 'auto' }, row.quote),
    row.meta ? h('span', { class: 'span-row-meta' }, row.meta) : null);
  }
}
