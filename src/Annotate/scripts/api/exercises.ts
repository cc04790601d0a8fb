import { ApiError, getJson, request } from './http';
import type { Disagreements } from './agreement';

// Wire types of exercises against a teacher's key (issue 16, point 8): the project's settings, a student's score
// with their attempts (each Done while the exercise is on), and where they differ from the key.

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
  /** The caller's attempts: first and latest figures ("before and after"); count 0 when none was recorded. */
  attempts?: ExerciseAttempts | null;
}

/** The headline figures of one attempt, scored when the student marked the document Done. */
export interface AttemptFigures {
  number: number;
  doneAt: string;
  keySpans: number;
  yourSpans: number;
  spanF1Exact: number | null;
  spanF1Overlap: number | null;
  disagreements: Disagreements;
  labelLayers: number;
  labelsAgreeing: number;
}

export interface ExerciseAttempts {
  count: number;
  first: AttemptFigures | null;
  latest: AttemptFigures | null;
}

/** matched, boundary (differs), label (differs), boundaryAndLabel, missed (key only), extra (yours only). */
export type DifferenceKind = 'matched' | 'boundary' | 'label' | 'boundaryAndLabel' | 'missed' | 'extra';

export interface ExerciseSpan {
  layer: string;
  label: string;
  start: number;
  end: number;
}

/** One pairing; `key` is always null in guided mode, `yours` null for a missed span. */
export interface SpanDifferenceView {
  kind: DifferenceKind;
  yours: ExerciseSpan | null;
  key: ExerciseSpan | null;
}

/** Whole blocks holding key spans the caller missed (guided mode): never the spans themselves. */
export interface MissedRegion {
  start: number;
  end: number;
  spans: number;
}

export interface LabelDifference {
  layer: string;
  yours: string[];
  /** Null in guided mode. */
  key: string[] | null;
  agrees: boolean;
}

export interface ExerciseDifferences {
  documentId: string;
  mode: ExerciseMode;
  spans: SpanDifferenceView[];
  missedRegions: MissedRegion[];
  labels: LabelDifference[];
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

  /** The same rules as the score, and 409 in score-only mode. */
  differences: (documentId: string, signal?: AbortSignal) =>
    getJson<ExerciseDifferences>(`/api/documents/${encodeURIComponent(documentId)}/exercise/differences`, undefined, signal),
};
