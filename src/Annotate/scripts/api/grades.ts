import { ApiError, getJson, request } from './http';

// Wire types of the grade sheet and of the reader's activity reports (active time).

/** A student's mean span F1 against the exercise key over the documents scored; null where there is no figure. */
export interface MeanScore {
  /** The round, or null for now. */
  roundId: string | null;
  /** How many of their documents were scored (the key covers them and they worked on them). */
  documents: number;
  spanF1Overlap: number | null;
  spanF1Exact: number | null;
}

/** An ended round as the grade sheet shows it. */
export interface GradeRound {
  id: string;
  number: number;
  name: string;
  kind: string;
  endedAt: string | null;
  /** Whether scores were kept when it ended; `note` says why not. */
  scored: boolean;
  note: string | null;
}

export interface StudentGrades {
  userId: string;
  /** Display name, or "Student N" on an anonymised sheet. */
  name: string;
  assigned: number;
  done: number;
  /** Seconds of active work (idle excluded). */
  activeSeconds: number;
  /** One per sheet round, in the sheet's order. */
  rounds: MeanScore[];
  current: MeanScore;
}

export interface GradeSheet {
  projectId: string;
  /** "gold" or the user id of the member whose work is the key. */
  key: string;
  anonymous: boolean;
  rounds: GradeRound[];
  students: StudentGrades[];
  /** Why figures are blank, and how they are computed. */
  notes: string[];
}

/** What one activity report added. */
export interface ActivityReceipt {
  documentId: string;
  creditedMilliseconds: number;
  totalMilliseconds: number;
}

const gradesPath = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}/grades`;

export const gradesApi = {
  /** Owners and curators; 403 for anyone else. */
  sheet: (projectId: string, anonymous: boolean, signal?: AbortSignal) =>
    getJson<GradeSheet>(gradesPath(projectId), anonymous ? { anonymous: 'true' } : undefined, signal),

  /** Where the browser downloads the CSV (a plain link: the cookie goes with it). */
  csvHref: (projectId: string, anonymous: boolean) => `${gradesPath(projectId)}.csv${anonymous ? '?anonymous=true' : ''}`,

  /** The reader's report that the person is working on the document; 403/404 when they may not annotate it. */
  async reportActivity(documentId: string, signal?: AbortSignal): Promise<ActivityReceipt> {
    const receipt = await request<ActivityReceipt>('POST', `/api/documents/${encodeURIComponent(documentId)}/activity`, { signal });
    if (!receipt) throw new ApiError(500, 'Empty answer from the server', 'The server did not say what it counted.');
    return receipt;
  },
};
