import { getJson, request } from './http';
import type { Annotation, AnnotationList, AnnotationPut, CodebookInfo } from './annotationTypes';

const doc = (id: string) => `/api/documents/${encodeURIComponent(id)}`;

/** Span annotations ("annotations") and document labels ("labels") share one shape and one set of verbs. */
export type AnnotationTarget = 'annotations' | 'labels';

export interface AnnotationFilter {
  annotator?: string;
  layer?: string;
}

export const codebookApi = {
  forDocument: (documentId: string, signal?: AbortSignal) =>
    getJson<CodebookInfo>(`${doc(documentId)}/codebook`, undefined, signal),
};

export const annotationsApi = {
  list: (target: AnnotationTarget, documentId: string, filter: AnnotationFilter = {}, signal?: AbortSignal) =>
    getJson<AnnotationList>(`${doc(documentId)}/${target}`, { ...filter }, signal),

  /** Creates (201) or updates (200) one annotation; idempotent, so a retry after a lost answer is safe. */
  async put(target: AnnotationTarget, documentId: string, id: string, body: AnnotationPut): Promise<Annotation> {
    const saved = await request<Annotation>('PUT', `${doc(documentId)}/${target}/${encodeURIComponent(id)}`, { body });
    if (!saved) throw new Error(`PUT ${target}/${id} returned no body.`);
    return saved;
  },

  /** 204 also when it was already deleted. */
  async remove(target: AnnotationTarget, documentId: string, id: string, version: number): Promise<void> {
    await request('DELETE', `${doc(documentId)}/${target}/${encodeURIComponent(id)}`, { query: { version: String(version) } });
  },
};
