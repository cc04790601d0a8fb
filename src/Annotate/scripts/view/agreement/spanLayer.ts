import type { AgreementReport, Coincidence, LayerAgreement, SpanAgreement } from '../../api/agreement';
import { coincidenceTotals, disagreementRows, formatCount, formatPercent, noteFor } from '../../model/agreement/agreement';
import { nameOf, pairMatrix } from '../../model/agreement/agreementPairs';
import { compactCount, isCompactCoincidence, isCompactHeat } from '../../model/agreement/compactTables';
import { h } from '../dom';
import { barChart, type BarChart } from './barChart';
import { domId, figure, heatCell, notesList, numCell, stat, table } from './cells';
import { gammaStat } from './gamma';
import { heatTable } from './heatTable';

/** The figures of one span layer; keeps its chart between refreshes so a live update only moves the bars. */
export class SpanLayerView {
  private chart: BarChart | null = null;
  // Kept across refreshes: gamma arrives on its own schedule (GammaFollower), not with the report.
  private readonly gamma = gammaStat();

  /** Shows this layer's gamma: computing…, or its value when ready. */
  readonly showGamma = this.gamma.show;

  /** notes: this layer's notes, its name taken off (see splitNotes). */
  render(layer: LayerAgreement, spans: SpanAgreement, report: AgreementReport, notes: readonly string[]): HTMLElement[] {
    const labelTableId = domId('labels', layer.layer);
    const labelRows = spans.byLabel.map((l) => {
      const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
      if (l.color) swatch.style.setProperty('--c', l.color); // CSSOM, which a strict CSP allows
      const alphaU = l.alphaU ?? spans.alphaUByLabel?.[l.label] ?? null;
      return h('tr', null,
        h('th', { scope: 'row' }, swatch, l.name || l.label),
        numCell(formatCount(l.spans)),
        heatCell(alphaU, noteFor(notes, l.label, 'alphaU')),
        heatCell(l.tokenAlpha, noteFor(notes, l.label, 'tokenAlpha')),
        numCell(figure(l.spanF1Exact, noteFor(notes, l.label, 'spanF1Exact'))),
        numCell(figure(l.spanF1Overlap, noteFor(notes, l.label, 'spanF1Overlap'))));
    });
    const chart = (this.chart ??= barChart(`Per-label agreement in ${layer.name}: αu and token α for each label`, labelTableId));
    chart.update(spans.byLabel.map((l) => l.name || l.label), [
      { label: 'αu', values: spans.byLabel.map((l) => l.alphaU ?? spans.alphaUByLabel?.[l.label] ?? null), colorVar: '--chart-1' },
      { label: 'Token α', values: spans.byLabel.map((l) => l.tokenAlpha), colorVar: '--chart-2' },
    ]);

    const pairs = spans.pairs ?? [];
    const pairRows = pairs.map((p) => h('tr', null,
      h('th', { scope: 'row' }, `${nameOf(report.annotators, p.a)} × ${nameOf(report.annotators, p.b)}`),
      heatCell(p.tokenAlpha, noteFor(notes, 'tokenAlpha')),
      numCell(figure(p.spanF1Overlap, noteFor(notes, 'spanF1Overlap'))),
      numCell(figure(p.alphaU, noteFor(notes, 'alphaU')))));
    const matrix = pairMatrix(report.annotators, pairs, 'tokenAlpha');
    const byPair = new Map(pairs.map((p) => [`${p.a}\n${p.b}`, p]));
    const describe = (i: number, j: number) => {
      const a = matrix.ids[i]!;
      const b = matrix.ids[j]!;
      const p = byPair.get(`${a}\n${b}`) ?? byPair.get(`${b}\n${a}`);
      return p ? `${matrix.names[i]} × ${matrix.names[j]}: token α ${figureText(p.tokenAlpha)}, span F1 ${figureText(p.spanF1Overlap)}, αu ${figureText(p.alphaU)}` : '';
    };

    return [
      h('dl', { class: 'stats agreement-stats' },
        stat('Token α', spans.tokenAlpha, noteFor(notes, 'tokenAlpha'), spans.tokenAlphaCi95, 'token-alpha'),
        stat('αu (unitizing)', spans.alphaU, noteFor(notes, 'alphaU'), null, 'alpha-u'),
        stat('Span F1, exact', spans.spanF1Exact, noteFor(notes, 'spanF1Exact')),
        stat('Span F1, overlap', spans.spanF1Overlap, noteFor(notes, 'spanF1Overlap')),
        this.gamma.element),
      h('div', { class: 'agreement-pair' },
        h('div', null, h('h3', null, 'By label'),
          spans.byLabel.length
            ? table('Agreement per label', ['Label', 'Spans', 'αu', 'Token α', 'F1 exact', 'F1 overlap'], labelRows, { id: labelTableId, testId: 'label-table' })
            : h('p', { class: 'empty' }, 'No labels used yet.')),
        spans.byLabel.length ? chart.element : null),
      h('h3', null, 'By pair of annotators'),
      pairSection(pairs.length, matrix.names.length,
        table('Agreement per pair of annotators', ['Pair', 'Token α', 'F1 overlap', 'αu'], pairRows, { testId: 'pair-table' }),
        heatTable('Pairwise token α (heat map)', matrix, { describe, testId: 'pair-heat-map' })),
      ...disagreementsAndCoincidences(spans),
      notesList(notes, 'Notes on this layer'),
    ].filter((e): e is HTMLElement => e !== null);
  }

  dispose(): void {
    this.chart?.dispose();
    this.chart = null;
  }
}

const figureText = (v: number | null) => figure(v).textContent ?? '';

/**
 * The pair table beside its heat map; for a class (compact heat map) the map takes the full width and the long
 * pair table (435 rows for 30 people) folds away under it.
 */
function pairSection(pairs: number, people: number, pairTable: HTMLElement, heatMap: HTMLElement): HTMLElement {
  if (pairs === 0) return h('p', { class: 'empty' }, 'Pairs need at least two annotators on the same document.');
  if (!isCompactHeat(people)) return h('div', { class: 'agreement-pair' }, pairTable, heatMap);
  return h('div', { class: 'agreement-wide' }, heatMap,
    h('details', { class: 'pair-details' }, h('summary', null, `All ${formatCount(pairs)} pairs as a table`), pairTable));
}

/** Disagreements beside the coincidence matrix, or one under the other when the matrix is wide. */
function disagreementsAndCoincidences(spans: SpanAgreement): HTMLElement[] {
  const disagreements = h('div', null, h('h3', null, 'Disagreements'), disagreementTable(spans));
  const coincidences = h('div', null, h('h3', null, 'Coincidences'), coincidenceTable(spans.coincidence, 'Token-level coincidence matrix'));
  return isCompactCoincidence(spans.coincidence?.categories?.length ?? 0)
    ? [disagreements, coincidences]
    : [h('div', { class: 'agreement-pair' }, disagreements, coincidences)];
}

function disagreementTable(spans: SpanAgreement): HTMLElement {
  const rows = disagreementRows(spans.disagreements).map((r) => h('tr', { class: r.key === 'agreements' ? 'agree-row' : null },
    h('th', { scope: 'row' }, r.name, h('span', { class: 'hint' }, r.description)),
    numCell(formatCount(r.count)),
    numCell(h('meter', { min: 0, max: 1, value: r.share, 'aria-hidden': 'true' }), ' ', formatPercent(r.share))));
  return table('Matched and unmatched spans between pairs of annotators', ['Kind', 'Count', 'Share'], rows, { testId: 'disagreements' });
}

/**
 * Rows and columns are categories; the cell counts how often one annotator's category met another's. With many
 * categories it is compact: upright column heads and counts in four characters, each exact in its title.
 */
export function coincidenceTable(matrix: Coincidence | null | undefined, caption: string): HTMLElement {
  if (!matrix?.categories?.length) return h('p', { class: 'empty' }, 'No coincidences yet.');
  const { rows, total } = coincidenceTotals(matrix.cells);
  const compact = isCompactCoincidence(matrix.categories.length);
  const count = (value: number, className: string) => {
    const cell = h('td', { class: className }, compact ? compactCount(value) : formatCount(value));
    if (compact) cell.title = formatCount(value);
    return cell;
  };
  return h('div', { class: 'table-wrap' },
    h('table', { class: compact ? 'agreement-table coincidence compact' : 'agreement-table coincidence', 'data-testid': 'coincidence' },
      h('caption', null, caption),
      h('thead', null, h('tr', null, h('td', null),
        matrix.categories.map((c) => h('th', { scope: 'col', class: 'num', title: compact ? c : null }, compact ? h('span', null, c) : c)),
        h('th', { scope: 'col', class: 'num' }, compact ? h('span', null, 'Total') : 'Total'))),
      h('tbody', null,
        matrix.categories.map((c, i) => h('tr', null,
          h('th', { scope: 'row' }, c),
          matrix.cells[i]?.map((v, j) => count(v, i === j ? 'num diagonal' : 'num')),
          count(rows[i] ?? 0, 'num total'))),
        // A coincidence matrix is symmetric: each column adds up to its row.
        h('tr', { class: 'total' }, h('th', { scope: 'row' }, 'Total'), rows.map((sum) => count(sum, 'num total')),
          count(total, 'num total')))));
}
