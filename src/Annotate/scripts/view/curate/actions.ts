import type { Annotation } from '../../api/annotationTypes';
import type { GoldAnnotation, SpanCluster } from '../../api/curation';
import { acceptBody, contentOf, editBody, mergeBody, rejectBody, sameContent, targetOf, type GoldEdit } from '../../model/curation/curationEdits';
import type { GoldChange } from '../../model/curation/curationHistory';
import { newId } from '../../model/shared/ids';
import type { Curation } from './controller';
import type { Names } from './names';

/**
 * The curator's actions as changes to the gold layer, each one undo step: what is created gets a new id, what is
 * changed or removed is based on the version the page shows.
 */
export function curateActions(curation: Curation, names: Names, status: (message: string, problem?: boolean) => void) {
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
