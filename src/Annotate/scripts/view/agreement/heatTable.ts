import { formatValue, heatLegend } from '../../model/agreement/agreement';
import { h } from '../dom';
import { heatCell } from './cells';

export interface HeatMatrix {
  names: string[];
  cells: (number | null | undefined)[][];
}

/**
 * A heat map as a table: row and column headers are the people (or groups), each cell coloured by its value and
 * showing the number. A screen reader reads it as the table it is; no canvas needs a separate text alternative.
 */
export function heatTable(caption: string, matrix: HeatMatrix, options: { describe?: (i: number, j: number) => string; testId?: string; diagonal?: boolean } = {}): HTMLElement {
  if (matrix.names.length < 2) return h('p', { class: 'empty' }, `${caption}: needs at least two annotators.`);
  const rows = matrix.names.map((rowName, i) =>
    h('tr', null,
      h('th', { scope: 'row' }, rowName),
      matrix.names.map((_, j) => {
        if (i === j && !options.diagonal) return h('td', { class: 'heat heat-self', 'aria-label': 'same annotator' }, '—');
        const value = matrix.cells[i]?.[j];
        return heatCell(value, value === undefined ? 'No figures for this pair' : undefined, options.describe?.(i, j));
      })));
  return h('figure', { class: 'heat-map' },
    h('div', { class: 'table-wrap' },
      h('table', { class: 'agreement-table heat-table', 'data-testid': options.testId ?? null },
        h('caption', null, caption),
        h('thead', null, h('tr', null, h('td', null), matrix.names.map((name) => h('th', { scope: 'col' }, h('span', null, name))))),
        h('tbody', null, rows))),
    heatLegendList());
}

export function heatLegendList(): HTMLElement {
  return h('figcaption', { class: 'heat-legend' },
    h('span', { class: 'legend-title' }, 'Colour: '),
    h('ul', null, heatLegend.map((step) => h('li', { class: step.className }, step.text))),
    h('span', { class: 'visually-hidden' }, `Red is low agreement, green is high; ${formatValue(null)} means undefined.`));
}
