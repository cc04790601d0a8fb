import type { Annotation, AnnotationPut } from '../../api/annotationTypes';
import type { RelationPut } from '../../api/relations';
import { relationPut } from '../relations/relationItems';
import type { SendFailure } from './outbox';
import type { SaveState } from './saveText';

// The shapes the annotation session works with, and how an annotation becomes a PUT body.

export type Target = 'annotations' | 'labels' | 'relations';
export type SavePayload = AnnotationPut | RelationPut;
export interface SaveBody { target: Target; payload: SavePayload }

/** What a person can change about an annotation. */
export type Editable = Pick<Annotation, 'layer' | 'label' | 'start' | 'end' | 'quote' | 'attributes' | 'attribution' | 'note' | 'sourceSpan' | 'targetSpan'>;

export type SessionEvent =
  | { kind: 'set'; annotation: Annotation; previous: Annotation | undefined }
  | { kind: 'delete'; annotation: Annotation };

export interface SessionTransport {
  put(target: Target, id: string, body: SavePayload & { version?: number }): Promise<Annotation>;
  remove(target: Target, id: string, version: number): Promise<void>;
  classify(error: unknown): SendFailure<Annotation>;
}

export interface SessionContext {
  documentId: string;
  documentVersion: number;
  codebookVersion: number;
  userId: string;
  displayName: string;
}

export interface SessionNotices {
  /** Something the person should read: a refused change that was undone, or a conflict (the stored version shown). */
  problem(message: string, error?: unknown): void;
  saveState(state: SaveState): void;
  /** An attribute's name for a refusal's reason (its id otherwise). */
  attributeName?(id: string): string;
}

export const editable = (a: Annotation): Editable => ({
  layer: a.layer, label: a.label, start: a.start, end: a.end, quote: a.quote,
  attributes: a.attributes, attribution: a.attribution, note: a.note,
  ...(a.kind === 'relation' ? { sourceSpan: a.sourceSpan, targetSpan: a.targetSpan } : {}),
});

export function targetOf(a: Annotation): Target {
  return a.kind === 'document' ? 'labels' : a.kind === 'relation' ? 'relations' : 'annotations';
}

/** The wire wants an actor, or no attribution at all. */
function cleanAttribution(a: Annotation['attribution']): AnnotationPut['attribution'] {
  return a?.actor ? { actor: a.actor } : null;
}

/** The PUT body for an annotation as it stands (spans carry offsets, quote and attribution; labels do not). */
export function toPayload(a: Annotation): SavePayload {
  if (a.kind === 'relation') return relationPut(a);
  const payload: AnnotationPut = { layer: a.layer, label: a.label, attributes: a.attributes, note: a.note, documentVersion: a.documentVersion };
  if (a.kind === 'span') {
    Object.assign(payload, { start: a.start ?? 0, end: a.end ?? 0, attribution: cleanAttribution(a.attribution) });
    if (a.quote !== null) payload.quote = a.quote;
  }
  return payload;
}
