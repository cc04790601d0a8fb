// The one door to the backend: views call these, never fetch or URLs of their own.
export { ApiError, onUnauthorized } from './http';
export { sessionApi } from './session';
export { accountApi } from './account';
export type { ApiToken, NewApiToken } from './account';
export { collectionsApi, corpusApi, documentsApi } from './corpus';
export { annotationsApi, codebookApi } from './annotations';
export type * from './types';
export type * from './annotationTypes';
export type { AnnotationFilter, AnnotationTarget } from './annotations';
export { projectsApi, DEFAULT_PROJECT } from './projects';
export type { Project, Visibility } from './projects';
export { annotationHub } from './hub';
export type { AgreementChange, AnnotationChange, JoinResult, PresenceUpdate, HubListener } from './hub';
export { agreementApi, annotatorsApi } from './agreement';
export type * from './agreement';
export { classroomApi } from './classroom';
export type { ClassDashboard, ClassInfo, JoinRequest, StudentPresence, StudentProgress } from './classroom';
