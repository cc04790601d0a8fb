import type { Annotation, Codebook, CodebookLayer } from '../api/annotationTypes';
import { CodebookIndex } from '../model/annotate/codebook';
import { AnnotationSession, type SessionTransport } from '../model/session/annotationSession';

// A codebook, a session and other annotators' spans for the annotation view's DOM-free parts.

const label = (id: string, name: string, key: string) => ({ id, name, key, color: null, definition: null, examples: [] });
const layer = (id: string, scope: 'span' | 'document', labels: CodebookLayer['labels'], multiple = false): CodebookLayer =>
  ({ id, name: id[0]!.toUpperCase() + id.slice(1), scope, description: null, multiple, attributes: [], labels });

export const codebookData: Codebook = {
  name: 'Test', version: null, description: null, renames: [], relations: [], actors: [{ id: 'gov', name: 'Government', description: null }],
  layers: [
    layer('frame', 'span', [label('blockade', 'Blockade', '1'), label('aid', 'Aid', '2')]),
    layer('source', 'span', [label('quote', 'Quote', 'q')]),
    layer('stance', 'document', [label('pro', 'Pro', 'p'), label('anti', 'Anti', 'a')]),
  ],
};

export const text = 'The blockade of the port ended when aid arrived.';

/** Sends nothing anywhere: these tests look at what the session holds, not what it saves. */
const nowhere: SessionTransport = {
  put: () => new Promise(() => {}),
  remove: () => new Promise(() => {}),
  classify: () => ({ kind: 'retry' }),
};

export function annotateSession() {
  return new AnnotationSession(
    { documentId: 'doc', documentVersion: 1, codebookVersion: 1, userId: 'me', displayName: 'Me' },
    nowhere, { problem: () => {}, saveState: () => {} });
}

export const codebook = () => new CodebookIndex(codebookData);

/** Someone else's span, as the hub would push it. */
export function othersSpan(id: string, annotatorId: string, start: number, end: number, fields: Partial<Annotation> = {}): Annotation {
  return {
    id, documentId: 'doc', documentVersion: 1, codebookVersion: 1, kind: 'span', layer: 'frame', label: 'blockade',
    start, end, quote: text.slice(start, end), prefix: null, suffix: null, attributes: {}, attribution: null, note: null,
    annotatorId, annotatorName: annotatorId === 'ann' ? 'Ann' : 'Bob', version: 1, status: 'ok',
    createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', ...fields,
  };
}
