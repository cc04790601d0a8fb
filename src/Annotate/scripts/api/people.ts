import type { ProjectAnnotator } from './agreement';
import { ApiError, getJson, request } from './http';

// Wire types of a project's people (owners only): members and their roles, how documents are shared out, and the
// attributes an owner sets for someone.

export type Role = 'owner' | 'curator' | 'annotator' | 'viewer';

export interface Member {
  userId: string;
  displayName: string;
  /** The account's user name; null for a student who joined with a code or a personal link. */
  userName: string | null;
  role: Role;
  addedAt: string;
}

export type AssignmentMode = 'all' | 'spread';

export interface Assignment {
  mode: AssignmentMode;
  annotatorsPerDocument: number | null;
  /** Documents per user id (empty when everyone gets every document). */
  documentsPerPerson: Record<string, number>;
}

export type AssignmentRequest = { mode: 'all' } | { mode: 'spread'; annotatorsPerDocument: number };

const project = (id: string) => `/api/projects/${encodeURIComponent(id)}`;
const member = (id: string, userId: string) => `${project(id)}/members/${encodeURIComponent(userId)}`;

function body<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new ApiError(500, 'Empty answer from the server', `The server did not return ${what}.`);
  return value;
}

export const membersApi = {
  list: (projectId: string, signal?: AbortSignal) => getJson<Member[]>(`${project(projectId)}/members`, undefined, signal),

  /** 409 "Last owner" when this would leave the project without one. */
  async setRole(userId: string, role: Role, projectId: string): Promise<Member> {
    return body(await request<Member>('PUT', member(projectId, userId), { body: { role } }), 'the member');
  },

  /** 409 "Last owner" for the only owner. */
  async remove(userId: string, projectId: string): Promise<void> {
    await request('DELETE', member(projectId, userId));
  },

  /** Sets someone's attributes (an empty value removes one); 400 naming attributes.X. */
  async setAttributes(userId: string, attributes: Record<string, string>, projectId: string): Promise<ProjectAnnotator> {
    return body(await request<ProjectAnnotator>('PUT', `${project(projectId)}/annotators/${encodeURIComponent(userId)}/attributes`, { body: { attributes } }),
      'the attributes');
  },
};

export const assignmentApi = {
  get: (projectId: string, signal?: AbortSignal) => getJson<Assignment>(`${project(projectId)}/assignment`, undefined, signal),

  /** 400 naming mode or annotatorsPerDocument. */
  async set(assignment: AssignmentRequest, projectId: string): Promise<Assignment> {
    return body(await request<Assignment>('PUT', `${project(projectId)}/assignment`, { body: assignment }), 'the assignment');
  },
};
