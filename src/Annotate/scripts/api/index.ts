// The one door to the backend: views call these, never fetch or URLs of their own.
export { ApiError, onUnauthorized } from './http';
export { sessionApi } from './session';
export { collectionsApi, corpusApi, documentsApi } from './corpus';
export { annotationsApi, codebookApi } from './annotations';
export type * from './types';
export type * from './annotationTypes';
export type { AnnotationFilter, AnnotationTarget } from './annotations';
