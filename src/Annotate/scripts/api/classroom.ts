import { ApiError, getJson, request } from './http';
import type { Visibility } from './projects';
import type { Session } from './types';

// Wire types of the classroom endpoints: a teacher's class (join code) and dashboard, and a student's join.

export interface ClassInfo {
  projectId: string;
  /** 8 characters, e.g. "K7PQ4XMA"; matched ignoring case and separators. */
  code: string;
  /** Whether new students may join with the code. */
  open: boolean;
  /** "/join?code=…": the origin goes in front of it. */
  joinPath: string;
}

export interface StudentPresence {
  documentId: string;
  block: number | null;
}

export interface StudentProgress {
  userId: string;
  name: string;
  /** "annotator" for a student; "owner", "curator" for the teacher's side. */
  role: string;
  joinedAt: string;
  annotations: number;
  documents: number;
  present: StudentPresence[];
  /** Documents assigned to this student when the project spreads its documents; null otherwise. */
  assigned?: number | null;
  /** When they first came (joined with the code or followed their personal link); null while they have not. */
  arrivedAt?: string | null;
  /** Whether the teacher can issue them a new personal link (a student of this class, not an account). */
  personalLink?: boolean;
}

export interface ClassDashboard {
  class: ClassInfo | null;
  visibility: Visibility;
  students: StudentProgress[];
}

export interface JoinRequest {
  code: string;
  displayName: string;
  attributes?: Record<string, string>;
}

/** A student added from a list: the ticket and its link are in this answer only. */
export interface AddedStudent {
  userId: string;
  name: string;
  ticket: string;
  /** "/join?ticket=…": the origin goes in front of it. */
  joinPath: string;
}

const classPath = (id: string) => `/api/projects/${encodeURIComponent(id)}/class`;

export const classroomApi = {
  /** Owners and curators only: 403 for anyone else. */
  dashboard: (projectId: string, signal?: AbortSignal) =>
    getJson<ClassDashboard>(classPath(projectId), undefined, signal),

  /** A new join code (the old one stops working), open for joining. */
  async start(projectId: string): Promise<ClassInfo> {
    const info = await request<ClassInfo>('POST', classPath(projectId));
    if (!info) throw new ApiError(500, 'Empty answer from the server', 'The server did not return the new class.');
    return info;
  },

  async setOpen(open: boolean, projectId: string): Promise<ClassInfo> {
    const info = await request<ClassInfo>('PATCH', classPath(projectId), { body: { open } });
    if (!info) throw new ApiError(500, 'Empty answer from the server', 'The server did not return the class.');
    return info;
  },

  /** Adds students from a pasted list (one name per line); 400 naming `names` or `names[i]`. */
  async addStudents(names: string, projectId: string): Promise<AddedStudent[]> {
    return (await request<AddedStudent[]>('POST', `${classPath(projectId)}/students`, { body: { names } })) ?? [];
  },

  /** A new personal link for a student of the class (the old one stops working); 404 "Not a student". */
  async reissueLink(userId: string, projectId: string): Promise<AddedStudent> {
    const student = await request<AddedStudent>('POST', `${classPath(projectId)}/students/${encodeURIComponent(userId)}/ticket`);
    if (!student) throw new ApiError(500, 'Empty answer from the server', 'The server did not return the new link.');
    return student;
  },

  /** Whom a personal link would sign in, without signing in; 404 "Unknown link" like the join. */
  async previewTicket(ticket: string): Promise<Session> {
    const student = await request<Session>('POST', '/api/session/join/preview', { body: { ticket }, expectUnauthorized: true });
    if (!student) throw new ApiError(500, 'Checking the link failed', 'The server did not say whom the link is for.');
    return student;
  },

  /** Anonymous sign-in with a personal link's ticket; 404 "Unknown link". Works even when joining is closed. */
  async joinWithTicket(ticket: string): Promise<Session> {
    const session = await request<Session>('POST', '/api/session/join', { body: { ticket }, expectUnauthorized: true });
    if (!session) throw new ApiError(500, 'Signing in failed', 'The server did not return a session.');
    return session;
  },

  /** Anonymous: 404 "No such class" for an unknown or closed code; 400 naming code, displayName or attributes.X. */
  async join(join: JoinRequest): Promise<Session> {
    const session = await request<Session>('POST', '/api/session/join', { body: join, expectUnauthorized: true });
    if (!session) throw new ApiError(500, 'Joining failed', 'The server did not return a session.');
    return session;
  },
};
