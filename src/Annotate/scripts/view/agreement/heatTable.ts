import { formatValue, heatClass, heatLegend } from '../../model/agreement/agreement';
import { compactValue, isCompactHeat } from '../../model/agreement/compactTables';
import { h } from '../dom';
import { heatCell } from './cells';

export interface HeatMatrix {
  names: string[];
  cells: (number | null | undefined)[][];
}

/**
 * A heat map as a table: row and column headers are the people (or groups), each cell coloured by its value and
 * showing the number. A screen reader reads it as the table it is; no canvas needs a separate text alternative.
 * From nine people on it is compact (see compactTables): columns are numbered, rows say "3 Name", and figures
 * are short, so a class of 30 fits 1280 px without scrolling sideways.
 */
export function heatTable(caption: string, matrix: HeatMatrix, options: { describe?: (i: number, j: number) => string; testId?: string; diagonal?: boolean } = {}): HTMLElement {
  if (matrix.names.length < 2) return h('p', { class: 'empty' }, `${caption}: needs at least two annotators.`);
  const compact = isCompactHeat(matrix.names.length);
  const rows = matrix.names.map((rowName, i) =>
    h('tr', null,
      compact
        ? h('th', { scope: 'row', 'aria-label': rowName, title: rowName }, h('span', { class: 'heat-key', 'aria-hidden': 'true' }, `${i + 1}`), rowName)
        : h('th', { scope: 'row' }, rowName),
      matrix.names.map((_, j) => {
        if (i === j && !options.diagonal) return h('td', { class: 'heat heat-self', 'aria-label': 'same annotator' }, '—');
        const value = matrix.cells[i]?.[j];
        const note = value === undefined ? 'No figures for this pair' : undefined;
        return compact ? compactCell(value, note, options.describe?.(i, j)) : heatCell(value, note, options.describe?.(i, j));
      })));
  const head = matrix.names.map((name, j) => compact
    ? h('th', { scope: 'col', 'aria-label': name, title: name }, `${j + 1}`)
    : h('th', { scope: 'col' }, h('span', null, name)));
  return h('figure', { class: compact ? 'heat-map compact' : 'heat-map' },
    h('div', { class: 'table-wrap' },
      h('table', { class: compact ? 'agreement-table heat-table compact' : 'agreement-table heat-table', 'data-testid': options.testId ?? null },
        h('caption', null, caption, compact ? h('span', { class: 'hint' }, ' Columns are numbered as the rows; hover a cell for the pair and its figures.') : null),
        h('thead', null, h('tr', null, h('td', null), head)),
        h('tbody', null, rows))),
    heatLegendList());
}

/** A compact heat cell: ".45" written, the full figure and the pair in its title (colour is never the only cue). */
function compactCell(value: number | null | undefined, note: string | undefined, title: string | undefined): HTMLTableCellElement {
  const text = value === null || value === undefined ? formatValue(null) : compactValue(value);
  const cell = h('td', { class: `num ${heatClass(value)}` }, h('span', { class: value === null || value === undefined ? 'na' : 'value' }, text));
  cell.title = title || note || formatValue(value);
  return cell;
}

export function heatLegendList(): HTMLElement {
  return h('figcaption', { class: 'heat-legend' },
    h('span', { class: 'legend-title' }, 'Colour: '),
    h('ul', null, heatLegend.map((step) => h('li', { class: step.className }, step.text))),
    h('span', { class: 'visually-hidden' }, `Red is low agreement, green is high; ${formatValue(null)} means undefined.`));
}
