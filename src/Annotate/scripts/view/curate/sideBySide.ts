import type { Annotation } from '../../api/annotationTypes';
import type { GoldAnnotation, SpanCluster } from '../../api/curation';
import { attributeEntries } from '../../model/curation/curationAttributes';
import { clusterAt } from '../../model/curation/curationNav';
import { offsets, provenanceText, shortQuote } from '../../model/curation/curationText';
import { h, replace } from '../dom';
import { attributeList } from './attributeList';
import type { Curation } from './controller';
import type { Names } from './names';
import { describeRelation } from './relationsPanel';
import type { Relation } from '../../api/relations';
import type { RelationCluster } from '../../api/curation';

/**
 * One column per annotator and one for the gold layer, each listing that person's spans in the chosen cluster
 * (or, with none chosen, in the whole document). Clicking a span chooses its cluster.
 */
export function sideBySide(curation: Curation, names: Names, text: string, pick: (cluster: SpanCluster, relation?: string) => void) {
  const element = h('div', { class: 'side-by-side', 'data-testid': 'side-by-side' });
  const inScope = (a: Annotation, cluster: SpanCluster | null) =>
    a.start !== null && a.end !== null && (!cluster || (a.layer === cluster.layer && a.start < cluster.end && a.end > cluster.start));

  function column(title: string, spans: Annotation[], gold: boolean, relations: HTMLElement | null): HTMLElement {
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
        : h('p', { class: 'hint' }, 'Nothing here.'),
      relations);
  }

  /** A person's (or the gold layer's) relations in scope: "type: source quote → target quote", each choosing its relation cluster. */
  function relationList(relations: Relation[], owner: (rc: RelationCluster) => readonly string[], gold: boolean): HTMLElement | null {
    if (relations.length === 0) return null;
    const clusterOf = (r: Relation) => curation.view?.relationClusters.find((rc) => owner(rc).includes(r.id));
    return h('div', { class: 'side-relations' },
      h('h4', null, 'Relations', h('span', { class: 'count' }, String(relations.length))),
      h('ul', { class: 'plain' }, relations.map((r) => {
        const item = h('button', { type: 'button', class: 'side-span side-relation', 'data-testid': 'side-relation' },
          h('span', { class: 'relation-line', dir: 'auto' }, describeRelation(curation, names, text, r, 40)),
          attributeList(attributeEntries(names.relationType(r.type)?.attributes ?? [], r.attributes)),
          gold ? h('span', { class: 'provenance' }, provenanceText(r.provenance)) : null);
        item.addEventListener('click', () => {
          const rc = clusterOf(r);
          const cluster = rc && curation.ordered.find((c) => c.id === rc.sourceCluster);
          if (cluster) pick(cluster, rc.id);
        });
        return h('li', null, item);
      })));
  }

  return {
    element,
    render() {
      const view = curation.view;
      if (!view) return;
      const cluster = curation.selected;
      // In scope: the relations of the chosen cluster's relation clusters (all of them with none chosen).
      const scoped = cluster ? curation.relationsAt(cluster) : view.relationClusters;
      const relationIds = new Set(scoped.flatMap((rc) => rc.relations));
      const goldIds = new Set(scoped.flatMap((rc) => rc.gold));
      const relationsOf = (annotatorId: string) => view.relations.filter((r) => r.annotatorId === annotatorId && relationIds.has(r.id));
      const goldRelations = view.goldRelations.filter((g) => !cluster || goldIds.has(g.id));
      replace(element,
        h('p', { class: 'hint side-scope' }, cluster ? `The chosen cluster (${names.layer(cluster.layer)} ${offsets(cluster.start, cluster.end)}).` : 'The whole document (choose a cluster to narrow it).'),
        h('div', { class: 'side-columns' },
          view.annotators.map((p) => column(p.name, view.spans.filter((s) => s.annotatorId === p.id && inScope(s, cluster)), false,
            relationList(relationsOf(p.id), (rc) => rc.relations, false))),
          column('Gold', view.gold.filter((g) => inScope(g, cluster)), true, relationList(goldRelations, (rc) => rc.gold, true))));
    },
  };
}
