import type { AgreementReport, Groups } from '../../api/agreement';
import { noteFor } from '../../model/agreement/agreement';
import { groupMatrix, nameOf } from '../../model/agreement/agreementPairs';
import { agreementRoute, routeHref } from '../../model/app/routes';
import { h } from '../dom';
import { heatCell, numCell, table } from './cells';
import { heatTable } from './heatTable';

/** Perspective groups: agreement within each group and, between two groups, over pairs across them. */
export function groupsSection(groups: Groups, report: AgreementReport): HTMLElement {
  const names = (ids: readonly string[]) => ids.map((id) => nameOf(report.annotators, id)).join(', ');
  const within = groups.groups.map((g) => h('tr', null,
    h('th', { scope: 'row' }, g.value),
    h('td', null, names(g.annotators)),
    heatCell(g.tokenAlpha, noteFor(report.notes, 'tokenAlpha') ?? (g.annotators.length < 2 ? 'A group of one has no pairs' : null)),
    heatCell(g.meanPairwiseAlpha, g.annotators.length < 2 ? 'A group of one has no pairs' : null)));
  const matrix = groupMatrix(groups.groups, groups.between);
  const between = groups.between.map((b) => h('tr', null,
    h('th', { scope: 'row' }, `${b.a} × ${b.b}`),
    heatCell(b.meanPairwiseAlpha)));
  return h('section', { class: 'agreement-groups', 'aria-labelledby': 'groups-title', 'data-testid': 'groups' },
    h('h2', { id: 'groups-title' }, `Perspective groups by “${groups.attribute}”`),
    groups.groups.length === 0
      ? h('p', { class: 'empty' }, `Nobody has declared “${groups.attribute}” yet.`)
      : [
        table('Within each group', ['Group', 'Annotators', 'Token α', 'Mean pairwise α'], within, { testId: 'groups-within', textColumns: 2 }),
        h('div', { class: 'agreement-pair' },
          between.length ? table('Between groups (mean pairwise α over pairs across them)', ['Groups', 'Mean pairwise α'], between, { testId: 'groups-between' }) : null,
          groups.groups.length > 1
            ? heatTable('Within (diagonal) and between groups, mean pairwise α', { names: matrix.values, cells: matrix.cells }, { diagonal: true })
            : null),
      ],
    groups.ungrouped.length
      ? h('p', { class: 'hint' }, `Not in any group (no “${groups.attribute}” declared): ${names(groups.ungrouped)}.`)
      : null);
}

/** The project page's list of documents; each links to that document's agreement page. */
export function documentsTable(report: AgreementReport, groupBy: string): HTMLElement {
  if (report.documents.length === 0) return h('p', { class: 'empty' }, 'Nobody has annotated a document yet.');
  const rows = [...report.documents]
    .sort((a, b) => (a.tokenAlpha ?? 2) - (b.tokenAlpha ?? 2) || a.title.localeCompare(b.title))
    .map((d) => h('tr', null,
      h('th', { scope: 'row' }, h('a', { href: routeHref(agreementRoute(d.id, groupBy)), 'data-focus-key': `doc:${d.id}` }, d.title || d.id)),
      numCell(String(d.annotators)),
      numCell(d.spans.toLocaleString('en')),
      heatCell(d.alphaU, noteFor(report.notes, d.id, 'alphaU')),
      heatCell(d.tokenAlpha, d.annotators < 2 ? 'Fewer than two annotators' : noteFor(report.notes, d.id, 'tokenAlpha')),
      heatCell(d.spanF1Overlap, d.annotators < 2 ? 'Fewer than two annotators' : noteFor(report.notes, d.id, 'spanF1Overlap'))));
  return table(`Documents, least agreement first (${report.documents.length})`, ['Document', 'Annotators', 'Spans', 'αu', 'Token α', 'F1 overlap'], rows,
    { testId: 'documents-table', className: 'first-wide' });
}
