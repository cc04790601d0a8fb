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
export { relationsApi } from './relations';
export type { Relation, RelationChange, RelationList, RelationPut, RelationStatus, RelationTarget } from './relations';
export { projectsApi, DEFAULT_PROJECT } from './projects';
export type { Project, ProjectSummary, Visibility } from './projects';
export { annotationHub } from './hub';
export type { AgreementChange, AnnotationChange, ClassChange, JoinResult, PresenceUpdate, HubListener } from './hub';
export { agreementApi, annotatorsApi } from './agreement';
export type * from './agreement';
export { classroomApi } from './classroom';
export type { AddedStudent, ClassDashboard, ClassInfo, DocumentWork, DoneMark, InstructionView, JoinRequest, StudentPresence, StudentProgress, YourDocuments } from './classroom';
export { roundsApi } from './rounds';
export type { EditingState, Round, RoundKind, RoundLayerMeasures, RoundMeasures, RoundsOverview, RoundStart } from './rounds';
export { exercisesApi } from './exercises';
export type {
  AttemptFigures, DifferenceKind, ExerciseAttempts, ExerciseDifferences, ExerciseMode, ExerciseRequest, ExerciseScore, ExerciseSettings, ExerciseSpan,
  LabelDifference, LabelLayerScore, LabelScore, MissedRegion, SpanDifferenceView,
} from './exercises';
export { assignmentApi, membersApi } from './people';
export type { Assignment, AssignmentMode, AssignmentRequest, Member, Role } from './people';
export { curationApi, exportApi, exportFormats } from './curation';
export type * from './curation';
export { gradesApi } from './grades';
export type { ActivityReceipt, GradeRound, GradeSheet, MeanScore, StudentGrades } from './grades';
