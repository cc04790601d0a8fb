import type { Annotation } from '../../api/annotationTypes';
import type { GoldAnnotation, SpanCluster } from '../../api/curation';
import { attributeEntries } from '../../model/curation/curationAttributes';
import { clusterAt } from '../../model/curation/curationNav';
import { offsets, provenanceText, shortQuote } from '../../model/curation/curationText';
import { h, replace } from '../dom';
import { attributeList } from './attributeList';
import type { Curation } from './controller';
import type { Names } from './names';

/**
 * One column per annotator and one for the gold layer, each listing that person's spans in the chosen cluster
 * (or, with none chosen, in the whole document). Clicking a span chooses its cluster.
 */
export function sideBySide(curation: Curation, names: Names, text: string, pick: (cluster: SpanCluster) => void) {
  const element = h('div', { class: 'side-by-side', 'data-testid': 'side-by-side' });
  const inScope = (a: Annotation, cluster: SpanCluster | null) =>
    a.start !== null && a.end !== null && (!cluster || (a.layer === cluster.layer && a.start < cluster.end && a.end > cluster.start));

  function column(title: string, spans: Annotation[], gold: boolean): HTMLElement {
    const sorted = [...spans].sort((a, b) => a.start! - b.start! || a.end! - b.end!);
    return h('section', { class: gold ? 'side-column gold' : 'side-column', 'data-testid': 'side-column', 'aria-label': title },
      h('h3', null, title, h('span', { class: 'count' }, String(sorted.length))),
      sorted.length
        ? h('ul', { class: 'plain' }, sorted.map((a) => {
          const item = h('button', { type: 'button', class: 'side-span' },
            h('strong', null, names.label(a.layer, a.label)), ' ', h('span', { class: 'offsets' }, offsets(a.start, a.end)),
            h('span', { class: 'side-quote' }, shortQuote(text, a.start!, a.end!, 90)),
            attributeList(attributeEntries(names.attributes(a.layer), a.attributes)),
            gold ? h('span', { class: 'provenance' }, provenanceText((a as GoldAnnotation).provenance)) : null);
          item.addEventListener('click', () => {
            const cluster = curation.ordered.find((c) => c.spans.includes(a.id) || c.gold.includes(a.id)) ?? clusterAt(curation.ordered, a.start!, a.layer);
            if (cluster) pick(cluster);
          });
          return h('li', null, item);
        }))
        : h('p', { class: 'hint' }, 'Nothing here.'));
  }

  return {
    element,
    render() {
      const view = curation.view;
      if (!view) return;
      const cluster = curation.selected;
      replace(element,
        h('p', { class: 'hint side-scope' }, cluster ? `The chosen cluster (${names.layer(cluster.layer)} ${offsets(cluster.start, cluster.end)}).` : 'The whole document (choose a cluster to narrow it).'),
        h('div', { class: 'side-columns' },
          view.annotators.map((p) => column(p.name, view.spans.filter((s) => s.annotatorId === p.id && inScope(s, cluster)), false)),
          column('Gold', view.gold.filter((g) => inScope(g, cluster)), true)));
    },
  };
}
