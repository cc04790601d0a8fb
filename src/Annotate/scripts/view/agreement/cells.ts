import type { Interval } from '../../api/agreement';
import { formatInterval, formatValue, heatClass } from '../../model/agreement/agreement';
import { h, type Child } from '../dom';

/** A coefficient: its value, or "n/a" whose title says why (the notes list below the section says it too). */
export function figure(value: number | null | undefined, note?: string | null): HTMLElement {
  if (value === null || value === undefined) {
    return h('span', { class: 'na', title: note ?? 'Not defined for these data (see the notes)' }, formatValue(null));
  }
  return h('span', { class: 'value' }, formatValue(value));
}

/** A table cell coloured by its value (the number is always written, so colour is never the only cue). */
export function heatCell(value: number | null | undefined, note?: string | null, title?: string): HTMLTableCellElement {
  const cell = h('td', { class: `num ${heatClass(value)}` }, figure(value, note));
  if (title) cell.title = title;
  return cell;
}

export function numCell(...children: Child[]): HTMLTableCellElement {
  return h('td', { class: 'num' }, ...children);
}

/** One headline coefficient: name, value, and its 95% interval when the server gave one. */
export function stat(name: string, value: number | null | undefined, note: string | null, ci?: Interval | null, testId?: string): HTMLElement {
  const interval = formatInterval(ci);
  return h('div', { class: 'stat agreement-stat', 'data-testid': testId ?? null },
    h('dt', null, name),
    h('dd', null, figure(value, note), interval ? h('span', { class: 'ci' }, interval) : null));
}

/** A table with a visible caption, in a scrolling wrapper for narrow screens. */
export function table(caption: string, head: string[], rows: HTMLTableRowElement[],
  options: { id?: string; testId?: string; className?: string; textColumns?: number } = {}): HTMLElement {
  // Columns after the first `textColumns` (default 1) hold numbers, aligned to the end.
  const text = options.textColumns ?? 1;
  return h('div', { class: 'table-wrap' },
    h('table', { class: `agreement-table ${options.className ?? ''}`.trim(), id: options.id ?? null, 'data-testid': options.testId ?? null },
      h('caption', null, caption),
      h('thead', null, h('tr', null, head.map((name, i) => h('th', { scope: 'col', class: i >= text ? 'num' : null }, name)))),
      h('tbody', null, rows)));
}

/** The server's notes (why a figure is n/a, what was merged) under a section. */
export function notesList(notes: readonly string[] | null | undefined, title = 'Notes'): HTMLElement | null {
  if (!notes?.length) return null;
  return h('details', { class: 'agreement-notes' },
    h('summary', null, `${title} (${notes.length})`),
    h('ul', null, notes.map((n) => h('li', null, n))));
}

/** Ids for aria references: a layer id may hold any character. */
export function domId(...parts: string[]): string {
  return parts.map((p) => p.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`)).join('-');
}
