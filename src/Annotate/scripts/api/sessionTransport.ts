import { annotationsApi } from './annotations';
import { ApiError } from './http';
import type { Annotation, AnnotationPut } from './annotationTypes';
import { relationsApi, type RelationPut } from './relations';
import type { SessionTransport } from '../model/session/annotationSession';
import { fromRelation, isRelation } from '../model/relations/relationItems';

/** The session's writes over the HTTP API, and what each kind of failure means for the outbox. */
export function apiTransport(documentId: string): SessionTransport {
  return {
    async put(target, id, body) {
      if (target === 'relations') return fromRelation(await relationsApi.put(target, documentId, id, body as RelationPut));
      return annotationsApi.put(target, documentId, id, body as AnnotationPut);
    },
    async remove(target, id, version) {
      try {
        if (target === 'relations') await relationsApi.remove(target, documentId, id, version);
        else await annotationsApi.remove(target, documentId, id, version);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return; // never stored, or gone already
        throw error;
      }
    },
    classify(error) {
      if (!(error instanceof ApiError)) return { kind: 'rejected' };
      if (error.status === 409) {
        const current = error.problem.current;
        return { kind: 'conflict', current: isRelation(current) ? fromRelation(current) : (current as Annotation | undefined) ?? null };
      }
      // Offline, signed out (the app asks to sign in again), rate-limited or a server fault: try again later.
      if (error.status === 0 || error.status === 401 || error.status === 408 || error.status === 429 || error.status >= 500) return { kind: 'retry' };
      return { kind: 'rejected', errors: error.problem.errors };
    },
  };
}
