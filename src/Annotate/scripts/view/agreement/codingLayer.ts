import type { CodingAgreement } from '../../api/agreement';
import { codingRows, formatCount, formatInterval, formatValue } from '../../model/agreement/agreement';
import { h } from '../dom';
import { figure, heatCell, notesList, numCell, stat, table } from './cells';
import { coincidenceTable } from './spanLayer';

/** A document-label layer: units are documents, coders the annotators, values their labels. */
export function codingLayer(coding: CodingAgreement): HTMLElement[] {
  const rows = codingRows(coding);
  const alpha = rows[0]!;
  const categories = Object.entries(coding.perCategory ?? {});
  return [
    h('dl', { class: 'stats agreement-stats' },
      stat('Krippendorff’s α', alpha.value, alpha.note, alpha.ci, 'krippendorff-alpha'),
      count('Documents', coding.units),
      count('Annotators', coding.coders),
      count('Pairable values', coding.pairableValues ?? 0)),
    h('p', { class: 'hint' },
      `Level ${coding.level}; observed disagreement ${formatValue(coding.observedDisagreement, 3)}, expected ${formatValue(coding.expectedDisagreement, 3)}.`),
    h('div', { class: 'agreement-pair' },
      table('Coefficients', ['Coefficient', 'Value', '95% CI'], rows.map((r) => h('tr', null,
        h('th', { scope: 'row' }, r.name),
        heatCell(r.value, r.note),
        numCell(formatInterval(r.ci).replace('95% CI ', '')))), { testId: 'coding-table' }),
      categories.length
        ? table('Agreement per category', ['Category', 'Positive agreement', 'α'], categories.map(([name, c]) => h('tr', null,
          h('th', { scope: 'row' }, name),
          numCell(figure(c.positiveAgreement)),
          heatCell(c.alpha))), { testId: 'category-table' })
        : null),
    coding.coincidence ? coincidenceTable(coding.coincidence, 'Coincidence matrix of the labels') : null,
    notesList(coding.notes),
  ].filter((e): e is HTMLElement => e !== null);
}

const count = (name: string, value: number) => h('div', { class: 'stat' }, h('dt', null, name), h('dd', null, formatCount(value)));
