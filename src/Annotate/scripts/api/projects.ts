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

const project = (id: string) => `/api/projects/${encodeURIComponent(id)}`;

/** The served corpus is the project "default". */
export const DEFAULT_PROJECT = 'default';

export const projectsApi = {
  get: (id: string = DEFAULT_PROJECT, signal?: AbortSignal) => getJson<Project>(project(id), undefined, signal),

  async setVisibility(visibility: Visibility, id: string = DEFAULT_PROJECT): Promise<Project | undefined> {
    return await request<Project>('PATCH', project(id), { body: { visibility } });
  },

  /** Owners only (403 for anyone else). */
  async setShowCodebookExamples(showCodebookExamples: boolean, id: string = DEFAULT_PROJECT): Promise<Project | undefined> {
    return await request<Project>('PATCH', project(id), { body: { showCodebookExamples } });
  },
};
