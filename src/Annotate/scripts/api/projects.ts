import { getJson, request } from './http';

/** Who sees whose annotations: blind (only your own), open (everyone's), reveal (as open, ending a blind round). */
export type Visibility = 'blind' | 'open' | 'reveal';

export interface Project {
  id: string;
  visibility: Visibility;
  updatedAt: string;
  /** "all" or "spread" (the assignment mode). */
  assignment?: string;
  /** Whether annotators see the codebook's examples. */
  showCodebookExamples?: boolean;
}

/** One of the caller's projects as GET /api/projects lists them: a project owns one collection of the corpus. */
export interface ProjectSummary {
  id: string;
  name: string;
  /** null for the default project (the corpus outside every project's collection). */
  collection: string | null;
  /** The caller's role in it: "owner", "curator", "annotator" or "viewer". */
  role: string;
  visibility: Visibility;
  documents: number;
  /** Whether the caller may switch the mode (owners; anyone at a local-mode server). */
  mayChangeVisibility: boolean;
  /** Whether the caller manages the project (owners): its class, its settings. */
  mayManage: boolean;
}

const project = (id: string) => `/api/projects/${encodeURIComponent(id)}`;

/** The project of the whole served corpus (a local-mode user belongs to it only). */
export const DEFAULT_PROJECT = 'default';

export const projectsApi = {
  /** The caller's projects, "default" first when they belong to it. */
  list: (signal?: AbortSignal) => getJson<ProjectSummary[]>('/api/projects', undefined, signal),

  get: (id: string, signal?: AbortSignal) => getJson<Project>(project(id), undefined, signal),

  async setVisibility(visibility: Visibility, id: string): Promise<Project | undefined> {
    return await request<Project>('PATCH', project(id), { body: { visibility } });
  },

  /** Owners only (403 for anyone else). */
  async setShowCodebookExamples(showCodebookExamples: boolean, id: string): Promise<Project | undefined> {
    return await request<Project>('PATCH', project(id), { body: { showCodebookExamples } });
  },
};
