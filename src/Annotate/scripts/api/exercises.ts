import { ApiError, getJson, request } from './http';
import type { Disagreements } from './agreement';

// Wire types of exercises against a teacher's key (issue 16, point 8): the project's settings and a student's score.
// 'differ' and 'guided' are stored by the server but not shown yet: for now they give the score as 'score' does.

export type ExerciseMode = 'off' | 'score' | 'differ' | 'guided';

export interface ExerciseSettings {
  mode: ExerciseMode;
  /** "gold" (the gold layer) or the user id of the member whose work is the key. */
  key: string;
}

export interface ExerciseRequest {
  mode: ExerciseMode;
  key: string;
}

/** One label of a span layer: each side's spans of it and F1 over them (null when undefined). */
export interface LabelScore {
  layer: string;
  label: string;
  keySpans: number;
  yourSpans: number;
  spanF1Exact: number | null;
  spanF1Overlap: number | null;
}

/** One document-label layer: whether the caller's labels are the key's. */
export interface LabelLayerScore {
  layer: string;
  agrees: boolean;
}

/** The caller's score on a document against the key: counts and figures, never the key's spans. */
export interface ExerciseScore {
  documentId: string;
  mode: ExerciseMode;
  key: string;
  keySpans: number;
  yourSpans: number;
  spanF1Exact: number | null;
  spanF1Overlap: number | null;
  disagreements: Disagreements;
  byLabel: LabelScore[];
  labels: LabelLayerScore[];
  notes: string[];
}

const exercisePath = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}/exercise`;

export const exercisesApi = {
  /** Owners and curators. */
  settings: (projectId: string, signal?: AbortSignal) => getJson<ExerciseSettings>(exercisePath(projectId), undefined, signal),

  /** Owners only; 400 names `mode` or `key`. */
  set: async (projectId: string, body: ExerciseRequest) => {
    const saved = await request<ExerciseSettings>('PUT', exercisePath(projectId), { body });
    if (!saved) throw new ApiError(500, 'Empty answer from the server', 'The server did not return the exercise settings.');
    return saved;
  },

  /** 404 when exercises are off; 409 before Done, while the project is blind, for the key's own author, or when the key member left. */
  score: (documentId: string, signal?: AbortSignal) =>
    getJson<ExerciseScore>(`/api/documents/${encodeURIComponent(documentId)}/exercise/score`, undefined, signal),
};
