import type { Annotation } from '../../api/annotationTypes';
import type { GoldAnnotation } from '../../api/curation';
import { attributeEntries, disagreedAttributes } from '../../model/curation/curationAttributes';
import { kindsText } from '../../model/curation/curationNav';
import { provenanceText } from '../../model/curation/curationText';
import { h, replace } from '../dom';
import { attributeList } from './attributeList';
import type { Curation } from './controller';
import type { Names } from './names';

export interface LabelActions {
  accept(label: Annotation, annotatorName: string): void;
  remove(gold: GoldAnnotation): void;
}

/**
 * Document labels: per layer, each annotator's choice (with its attributes, those they differ on marked) side by
 * side, the gold label(s), accept one or remove gold.
 */
export function labelsPanel(curation: Curation, names: Names, actions: LabelActions) {
  const body = h('div');
  const element = h('section', { class: 'curate-labels', 'aria-labelledby': 'doc-labels-title', 'data-testid': 'label-layers' },
    h('h2', { id: 'doc-labels-title' }, 'Document labels'), body);
  return {
    element,
    render() {
      const view = curation.view;
      if (!view) return;
      if (view.labelLayers.length === 0) {
        replace(body, h('p', { class: 'hint' }, 'No one has labelled the whole document.'));
        return;
      }
      replace(body, view.labelLayers.map((decision) => {
        const gold = decision.gold.map((id) => curation.gold(id)).filter((g): g is GoldAnnotation => !!g);
        const defs = names.attributes(decision.layer);
        const disagreed = disagreedAttributes(decision.labels.map((id) => curation.annotation(id)).filter((l): l is Annotation => !!l), decision.layer);
        return h('div', { class: 'label-layer', 'data-layer': decision.layer },
          h('h3', null, names.layer(decision.layer), h('span', { class: `tone-pill ${decision.status}` }, decision.status),
            h('span', { class: 'hint' }, ` ${kindsText(decision)}`)),
          h('ul', { class: 'plain' }, view.annotators.map((person) => {
            const chosen = decision.labels.map((id) => curation.annotation(id)).filter((l): l is Annotation => l?.annotatorId === person.id);
            return h('li', null, h('span', { class: 'who' }, person.name), ': ',
              chosen.length ? chosen.map((l) => h('span', { class: 'label-choice' }, names.label(l.layer, l.label), ' ',
                attributeList(attributeEntries(defs, l.attributes, disagreed)),
                h('button', { type: 'button', class: 'button subtle', disabled: curation.busy, 'aria-label': `Accept ${person.name}’s ${names.label(l.layer, l.label)}`,
                  onclick: () => actions.accept(l, person.name) }, 'Accept'))) : h('span', { class: 'hint' }, 'no label'));
          })),
          gold.length ? h('ul', { class: 'plain gold-list' }, gold.map((g) => h('li', { 'data-testid': 'gold-label' },
            h('strong', null, 'Gold: ', names.label(g.layer, g.label)), ' ', attributeList(attributeEntries(defs, g.attributes)),
            h('span', { class: 'provenance' }, provenanceText(g.provenance)), ' ',
            h('button', { type: 'button', class: 'button subtle', disabled: curation.busy, onclick: () => actions.remove(g) }, 'Remove')))) : null);
      }));
    },
  };
}
