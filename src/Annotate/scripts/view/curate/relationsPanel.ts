import type { GoldAnnotation, GoldRelation, RelationCluster } from '../../api/curation';
import type { Relation } from '../../api/relations';
import { attributeEntries } from '../../model/curation/curationAttributes';
import { missingEnd, relationKindsText, relationLine, type RelationEdit } from '../../model/curation/curationRelations';
import { provenanceText, shortQuote } from '../../model/curation/curationText';
import { h } from '../dom';
import { attributeList } from './attributeList';
import type { Curation } from './controller';
import type { Names } from './names';
import { relationEditor } from './relationEditor';

export interface RelationActions {
  acceptRelation(cluster: RelationCluster, relation: Relation, who: string): void;
  rejectRelation(cluster: RelationCluster): void;
  removeRelation(gold: GoldRelation): void;
  removeRelationRejection(rejection: GoldAnnotation): void;
  saveRelation(gold: GoldRelation, edit: RelationEdit): Promise<boolean>;
}

export interface RelationPanelState {
  /** The gold relation being edited, or null. */
  editing: string | null;
  edit(id: string | null): void;
}

/** "Said by: “quote” → “quote”" for any relation, from the spans (annotators' or gold) it joins. */
export function describeRelation(curation: Curation, names: Names, text: string, r: Pick<Relation, 'type' | 'source' | 'target'>, max = 50): string {
  const quote = (id: string) => {
    const span = curation.annotation(id);
    return span && span.start !== null && span.end !== null ? shortQuote(text, span.start, span.end, max) : '?';
  };
  return relationLine(names.relation(r.type), quote(r.source), quote(r.target), names.relationType(r.type)?.directed ?? true);
}

/**
 * The relations with an end in the chosen cluster, one block per relation cluster: each annotator's relation with
 * Accept (keys 1–9 once the block is chosen with ] / [ or . / ,), who made none, the gold relations and rejections with
 * their provenance, and Reject (r).
 */
export function relationsSection(curation: Curation, names: Names, text: string, actions: RelationActions, state: RelationPanelState): HTMLElement | null {
  const cluster = curation.selected;
  const view = curation.view;
  if (!cluster || !view) return null;
  const clusters = curation.relationsAt(cluster);
  if (clusters.length === 0) return null;
  const chosen = curation.chosenRelation()?.id ?? null;
  const busy = curation.busy;
  const line = (r: Pick<Relation, 'type' | 'source' | 'target'>) => describeRelation(curation, names, text, r);

  const block = (rc: RelationCluster) => {
    const isChosen = rc.id === chosen;
    const rows = view.annotators.map((person, i) => {
      const mine = curation.relationsOf(rc, person.id);
      if (mine.length === 0) return null;
      const key = isChosen && i < 9 ? String(i + 1) : null;
      return h('li', { class: 'relation-row', 'data-testid': 'relation-row', 'data-annotator': person.id },
        h('span', { class: 'relation-who' }, key ? h('kbd', null, key) : null, ' ', person.name),
        mine.map((r) => {
          const missing = missingEnd(rc.ends.find((e) => e.relation === r.id));
          return h('span', { class: 'relation-item' },
            h('span', { class: 'relation-line', dir: 'auto' }, line(r)),
            attributeList(attributeEntries(names.relationType(r.type)?.attributes ?? [], r.attributes)),
            missing ? h('span', { class: 'hint relation-missing' }, `${missing} span not in gold yet`) : null,
            h('button', {
              type: 'button', class: 'button', disabled: busy, 'aria-keyshortcuts': key, 'data-testid': 'accept-relation',
              'aria-label': `Accept ${person.name}’s relation ${line(r)}`, onclick: () => actions.acceptRelation(rc, r, person.name),
            }, 'Accept'));
        }));
    });
    const gold = rc.gold.map((id) => curation.relation(id)).filter((g): g is GoldRelation => !!g);
    const rejections = rc.rejections.map((id) => curation.gold(id)).filter((g): g is GoldAnnotation => !!g);
    const name = (id: string) => view.annotators.find((a) => a.id === id)?.name ?? id;
    return h('li', { class: isChosen ? 'relation-cluster chosen' : 'relation-cluster', 'data-testid': 'relation-cluster', 'data-relation-cluster': rc.id, 'data-status': rc.status },
      h('button', { type: 'button', class: 'relation-choose', 'aria-pressed': isChosen ? 'true' : 'false', onclick: () => curation.selectRelation(isChosen ? null : rc.id) },
        h('span', { class: 'relation-type' }, names.relation(rc.type)), ' ',
        h('span', { class: `tone-pill ${rc.status}` }, rc.status), ' ',
        h('span', { class: 'cluster-kinds' }, relationKindsText(rc))),
      h('ul', { class: 'plain relation-rows' }, rows),
      rc.missing.length ? h('p', { class: 'missing' }, 'Made no such relation: ', rc.missing.map(name).join(', ')) : null,
      gold.map((g) => h('div', { class: 'gold-relation', 'data-testid': 'gold-relation', 'data-gold': g.id },
        h('strong', null, 'Gold '), h('span', { class: 'relation-line', dir: 'auto' }, line(g)),
        attributeList(attributeEntries(names.relationType(g.type)?.attributes ?? [], g.attributes)),
        h('p', { class: 'provenance' }, provenanceText(g.provenance), g.note ? ` · note: ${g.note}` : ''),
        state.editing === g.id
          ? relationEditor(g, rc, curation, names, text, { save: actions.saveRelation, close: () => state.edit(null) })
          : h('div', { class: 'curate-actions' },
            h('button', { type: 'button', class: 'button subtle', disabled: busy, onclick: () => state.edit(g.id) }, 'Edit'),
            h('button', { type: 'button', class: 'button subtle', disabled: busy, onclick: () => actions.removeRelation(g) }, 'Remove')))),
      rejections.map((r) => h('div', { class: 'gold-relation', 'data-testid': 'relation-rejection' },
        h('strong', null, 'Rejected'), ' ', h('span', { class: 'provenance' }, provenanceText(r.provenance)), ' ',
        h('button', { type: 'button', class: 'button subtle', disabled: busy, onclick: () => actions.removeRelationRejection(r) }, 'Remove rejection'))),
      h('div', { class: 'curate-actions' },
        h('button', { type: 'button', class: 'button', disabled: busy, 'aria-keyshortcuts': isChosen ? 'r' : null, 'data-testid': 'reject-relation',
          onclick: () => actions.rejectRelation(rc) }, isChosen ? 'Reject (r)' : 'Reject')));
  };

  return h('section', { class: 'curate-relations', 'aria-labelledby': 'relations-title', 'data-testid': 'relations-panel' },
    h('h3', { id: 'relations-title' }, `Relations (${clusters.length})`),
    h('p', { class: 'hint' }, '] / [ (or . / ,) choose a relation; then 1–9 accept that annotator’s, r rejects, Esc goes back to the cluster.'),
    h('ol', { class: 'plain relation-clusters' }, clusters.map(block)));
}
