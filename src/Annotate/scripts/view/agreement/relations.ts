import type { RelationAgreement } from '../../api/agreement';
import { formatCount, noteFor } from '../../model/agreement/agreement';
import { plural } from '../../model/shared/format';
import { h } from '../dom';
import { figure, notesList, numCell, stat, table } from './cells';
import { coincidenceTable } from './spanLayer';

/** The name relation notes carry in the report ("Relations: typeAlpha: …"), split off like a layer's. */
export const RELATIONS_NOTES = 'Relations';

/**
 * Agreement on relations between spans, in the look of a span layer: relation F1 with exact and overlap matching of
 * the ends, alpha over types on the endpoint pairs two or more annotators related, and a row per relation type.
 */
export function relationsSection(relations: RelationAgreement, notes: readonly string[]): HTMLElement {
  const rows = relations.byType.map((t) => {
    const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
    if (t.color) swatch.style.setProperty('--c', t.color); // CSSOM, which a strict CSP allows
    return h('tr', null,
      h('th', { scope: 'row' }, swatch, t.name || t.type, t.directed ? null : h('span', { class: 'hint' }, 'undirected')),
      numCell(formatCount(t.relations)),
      numCell(figure(t.relationF1Exact, noteFor(notes, 'relationF1Exact'))),
      numCell(figure(t.relationF1Overlap, noteFor(notes, 'relationF1Overlap'))));
  });
  return h('section', { class: 'agreement-layer agreement-relations', 'aria-labelledby': 'relations-title', 'data-testid': 'relations-agreement' },
    h('h2', { id: 'relations-title' }, 'Relations', h('span', { class: 'scope' }, ` · ${plural(relations.relations, 'relation', 'relations')}`)),
    h('dl', { class: 'stats agreement-stats' },
      stat('Relation F1, exact', relations.relationF1Exact, noteFor(notes, 'relationF1Exact'), null, 'relation-f1-exact'),
      stat('Relation F1, overlap', relations.relationF1Overlap, noteFor(notes, 'relationF1Overlap'), null, 'relation-f1-overlap'),
      stat('α over types', relations.typeAlpha, noteFor(notes, 'typeAlpha'), null, 'relation-type-alpha')),
    h('p', { class: 'hint' },
      `F1 counts a relation as found when another annotator drew one of the same type between the same spans (exact) or spans that overlap them (overlap). α compares the types of the ${plural(relations.sharedPairs, 'pair of spans', 'pairs of spans')} two or more annotators related.`),
    h('div', { class: 'agreement-pair' },
      h('div', null, h('h3', null, 'By relation type'),
        relations.byType.length
          ? table('Agreement per relation type', ['Type', 'Relations', 'F1 exact', 'F1 overlap'], rows, { testId: 'relation-table' })
          : h('p', { class: 'empty' }, 'No relations drawn yet.')),
      h('div', null, h('h3', null, 'Coincidences of types'), coincidenceTable(relations.coincidence, 'Relation types given to the same pair of spans'))),
    notesList(notes, 'Notes on relations'));
}
