import type { Annotation } from '../../api/annotationTypes';
import type { GoldAnnotation, GoldRelation, RelationCluster, SpanCluster } from '../../api/curation';
import type { Relation } from '../../api/relations';
import {
  acceptRelationBody, editRelationBody, goldRelationContent, missingEnd, rejectRelationBody, relationRejectionContent, sameRelation, type RelationEdit,
} from '../../model/curation/curationRelations';
import { shortQuote } from '../../model/curation/curationText';
import { acceptBody, contentOf, editBody, mergeBody, rejectBody, sameContent, targetOf, type GoldEdit } from '../../model/curation/curationEdits';
import type { GoldChange } from '../../model/curation/curationHistory';
import { newId } from '../../model/shared/ids';
import type { Curation } from './controller';
import type { Names } from './names';

/**
 * The curator's actions as changes to the gold layer, each one undo step: what is created gets a new id, what is
 * changed or removed is based on the version the page shows.
 */
export function curateActions(curation: Curation, names: Names, text: string, status: (message: string, problem?: boolean) => void) {
  const create = (target: GoldChange['target'], after: GoldChange['after']): GoldChange => ({ target, id: newId(), before: null, after });
  const basedOn = (g: GoldAnnotation) => new Map([[g.id, g.version]]);
  return {
    accept(spans: Annotation[], who: string): void {
      void curation.perform(`Accepted ${who}’s ${spans.length === 1 ? 'span' : 'spans'}`, spans.map((s) => create('gold', acceptBody(s))));
    },
    acceptLabel(label: Annotation, who: string): void {
      void curation.perform(`Accepted ${who}’s ${names.label(label.layer, label.label)}`, [create('gold-labels', acceptBody(label))]);
    },
    merge(spans: Annotation[], label: string): void {
      if (spans.length < 2) return status('Choose two or more spans to merge (tick them in the Merge column).', true);
      void curation.perform(`Merged ${spans.length} spans`, [create('gold', mergeBody(spans, label))]);
    },
    reject(cluster: SpanCluster): void {
      if (cluster.status === 'rejected') return status('This cluster is already rejected.');
      const spans = cluster.spans.map((s) => curation.annotation(s)).filter((a): a is Annotation => !!a);
      void curation.perform(`Rejected ${names.layer(cluster.layer)} ${cluster.start}–${cluster.end}`, [create('rejections', rejectBody(cluster, spans))]);
    },
    remove(g: GoldAnnotation): void {
      const target = targetOf(g);
      void curation.perform(target === 'rejections' ? 'Removed a rejection' : `Removed the gold ${names.label(g.layer, g.label)}`,
        [{ target, id: g.id, before: contentOf(g, target), after: null }], basedOn(g));
    },
    /**
     * Accepts one annotator's relation between the gold copies of its spans. Refused here, as the server would
     * refuse it (409), while an end is not in gold: the curator decides that span first.
     */
    acceptRelation(cluster: RelationCluster, relation: Relation, who: string): void {
      const ends = cluster.ends.find((e) => e.relation === relation.id);
      const missing = missingEnd(ends);
      if (missing) {
        const span = curation.annotation(missing === 'source' ? relation.source : relation.target);
        const quote = span ? ` “${shortQuote(text, span.start!, span.end!, 60)}” (${names.layer(span.layer)})` : '';
        return status(`The ${missing} span${quote} of ${who}’s relation is not in gold yet: accept it first.`, true);
      }
      void curation.perform(`Accepted ${who}’s ${names.relation(relation.type)} relation`, [create('gold-relations', acceptRelationBody(relation, ends))]);
    },
    rejectRelation(cluster: RelationCluster): void {
      if (cluster.status === 'rejected') return status('These relations are already rejected.');
      void curation.perform(`Rejected the ${names.relation(cluster.type)} relations`, [create('relation-rejections', rejectRelationBody(cluster))]);
    },
    removeRelation(g: GoldRelation): void {
      void curation.perform(`Removed the gold ${names.relation(g.type)} relation`,
        [{ target: 'gold-relations', id: g.id, before: goldRelationContent(g), after: null }], new Map([[g.id, g.version]]));
    },
    removeRelationRejection(r: GoldAnnotation): void {
      void curation.perform('Removed a rejection of relations',
        [{ target: 'relation-rejections', id: r.id, before: relationRejectionContent(r), after: null }], basedOn(r));
    },
    /** Resolves true when saved (or when nothing changed). */
    async saveRelation(g: GoldRelation, edit: RelationEdit): Promise<boolean> {
      const before = goldRelationContent(g);
      const after = editRelationBody(g, edit);
      if (sameRelation(before, after)) return true;
      return await curation.perform(`Edited the gold ${names.relation(after.type)} relation`,
        [{ target: 'gold-relations', id: g.id, before, after }], new Map([[g.id, g.version]]));
    },
    /** Resolves true when saved (or when nothing changed). */
    async save(g: GoldAnnotation, edit: GoldEdit): Promise<boolean> {
      const target = targetOf(g);
      const before = contentOf(g, target);
      const after = editBody(g, target, edit);
      if (sameContent(before, after)) return true;
      return await curation.perform(`Edited the gold ${names.label(g.layer, after.label)}`, [{ target, id: g.id, before, after }], basedOn(g));
    },
  };
}
