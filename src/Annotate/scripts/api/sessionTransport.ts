import { annotationsApi } from './annotations';
import { ApiError } from './http';
import type { Annotation } from './annotationTypes';
import type { SessionTransport } from '../model/session/annotationSession';

/** The session's writes over the HTTP API, and what each kind of failure means for the outbox. */
export function apiTransport(documentId: string): SessionTransport {
  return {
    put: (target, id, body) => annotationsApi.put(target, documentId, id, body),
    async remove(target, id, version) {
      try {
        await annotationsApi.remove(target, documentId, id, version);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return; // never stored, or gone already
        throw error;
      }
    },
    classify(error) {
      if (!(error instanceof ApiError)) return { kind: 'rejected' };
      if (error.status === 409) return { kind: 'conflict', current: (error.problem.current as Annotation | undefined) ?? null };
      // Offline, signed out (the app asks to sign in again), rate-limited or a server fault: try again later.
      if (error.status === 0 || error.status === 401 || error.status === 408 || error.status === 429 || error.status >= 500) return { kind: 'retry' };
      return { kind: 'rejected', errors: error.problem.errors };
    },
  };
}
