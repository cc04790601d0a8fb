import type { Annotation } from '../../api/annotationTypes';
import type { Relation, RelationChange, RelationPut } from '../../api/relations';

// A relation rides in the annotation session as an item of kind 'relation' (its type as the label, its ends in
// source and target): one outbox, one undo history and one live feed then cover spans and the relations between
// them, so undoing a span's delete can bring its relations back in the same step.

/** The session's item for a relation the server sent. */
export function fromRelation(r: Relation): Annotation {
  return {
    id: r.id, documentId: r.documentId, documentVersion: 0, codebookVersion: r.codebookVersion, kind: 'relation',
    layer: '', label: r.type, start: null, end: null, quote: null, prefix: null, suffix: null,
    attributes: r.attributes, attribution: null, note: r.note, annotatorId: r.annotatorId, annotatorName: r.annotatorName,
    version: r.version, status: r.status, deleted: r.deleted, createdAt: r.createdAt, updatedAt: r.updatedAt,
    sourceSpan: r.source, targetSpan: r.target,
  };
}

/** A pushed relation change as the live feed takes it. */
export function relationFeedChange(change: RelationChange): { seq: number; kind: 'upsert' | 'delete'; annotation: Annotation } {
  return { seq: change.seq, kind: change.kind, annotation: fromRelation(change.relation) };
}

/** The PUT body for a relation item as it stands. */
export function relationPut(a: Annotation): RelationPut {
  return { type: a.label, source: a.sourceSpan ?? '', target: a.targetSpan ?? '', attributes: a.attributes, note: a.note };
}

/** Whether a conflict's `current` is a relation (it has ends) rather than an annotation. */
export function isRelation(value: unknown): value is Relation {
  return typeof value === 'object' && value !== null && 'source' in value && 'target' in value && 'type' in value;
}
